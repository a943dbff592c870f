/**
 * The data folder of a build: where it is, and its one load per process.
 * The config's integration validates it, and the pages read it; those are
 * separate module instances (the config is loaded apart from the page
 * bundle), so the loaded result is shared through globalThis.
 */
import { resolve } from 'node:path';
import type { LoadResult } from '../core/ingest/dataset.ts';
import { loadDataset } from './loadDataset.ts';

/** The data folder: env `KEEPSCORE_DATA` (default `data`), resolved against the project root. */
export function dataDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env.KEEPSCORE_DATA || 'data');
}

interface Loaded {
  dir: string;
  result: Promise<LoadResult>;
}

const REGISTRY = Symbol.for('keepscore.dataFolder');
const registry = globalThis as typeof globalThis & { [REGISTRY]?: Loaded };

/** Loads and validates `dir` afresh (a dev restart must see new files) and keeps it for `currentDataFolder`. */
export function loadDataFolder(dir: string): Promise<LoadResult> {
  const loaded = { dir, result: loadDataset(dir) };
  registry[REGISTRY] = loaded;
  return loaded.result;
}

/**
 * The data the build validated, or, when this process has loaded none
 * (pages rendered elsewhere), a fresh load of `dataDir(process.cwd())`.
 */
export function currentDataFolder(): Loaded {
  const loaded = registry[REGISTRY];
  if (loaded) return loaded;
  const dir = dataDir(process.cwd());
  loadDataFolder(dir);
  return registry[REGISTRY] as Loaded;
}
