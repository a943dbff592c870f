/** Where the data folder of a build or a server is: one rule for the site, the integration and `npm start`. */
import { resolve } from 'node:path';

/** The data folder: env `KEEPSCORE_DATA` (default `data`), resolved against the project root. */
export function dataDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env.KEEPSCORE_DATA || 'data');
}
