/**
 * `npm start`: the self-hosted Keepscore on HOST:PORT (127.0.0.1:4321),
 * building the site first when dist/ is missing, and behind the previous
 * build (served meanwhile) when dist/ is older than the data.
 */
import { resolve } from 'node:path';
import { optionsFromEnv, startServer } from './server.ts';

const root = resolve(import.meta.dirname, '../..');
try {
  const options = optionsFromEnv(root, process.env);
  const running = await startServer(options);
  const uploads = running.deps.config.token ? 'uploads enabled' : 'uploads disabled (set KEEPSCORE_UPLOAD_TOKEN)';
  process.stdout.write(`Keepscore serving ${options.distDir} on ${running.url} — data ${options.dataDir}, ${uploads}\n`);
  // The last line of defence: an error that escaped a request's own handling is logged and the
  // server goes on (each request already answers 500 for its own faults; a running build goes on too).
  process.on('uncaughtException', (error) => process.stderr.write(`Keepscore: internal error, still serving: ${error.stack ?? error}\n`));
  process.on('unhandledRejection', (error) => process.stderr.write(`Keepscore: internal error, still serving: ${(error as Error)?.stack ?? error}\n`));
  // A build still running stops with the server: it is never left behind as an orphan.
  process.on('exit', () => running.builder?.stop());
  const stop = () => void running.close().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`Keepscore could not start: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
