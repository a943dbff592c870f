/**
 * Sites built once per test run and shared between test files: the first
 * file that asks for a data folder's site (with the same build settings)
 * runs the real `astro build` into .cache/run-<run id>/, and every later
 * file of the same `npm test` reads that build. vitest.config.ts sets the
 * run id (KEEPSCORE_TEST_RUN) once in its main process; the workers inherit
 * it. A shared site is read-only: a test that changes a site, its data or
 * its settings copies it first or builds its own with buildSite().
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSite, ROOT } from './astroBuild.ts';

export interface SharedSite {
  /** The built site: read it, never write into it. */
  dir: string;
  code: number | null;
  output: string;
  /** The wall time of the one build behind it. */
  seconds: number;
}

const CACHE = join(ROOT, '.cache');

/** This run's folder; the first file to make it removes the folders of earlier runs. */
function runDir(): string {
  const run = process.env.KEEPSCORE_TEST_RUN;
  if (!run) throw new Error('KEEPSCORE_TEST_RUN is unset: run the tests through vitest (vitest.config.ts sets it)');
  const dir = join(CACHE, `run-${run}`);
  if (mkdirSync(dir, { recursive: true }) !== undefined) {
    for (const old of readdirSync(CACHE)) if (old.startsWith('run-') && old !== `run-${run}`) rmSync(join(CACHE, old), { recursive: true, force: true });
  }
  return dir;
}

/**
 * What the build reads besides the environment: the sources and the data
 * folder, by name, size and mtime. Part of the key, so a site is rebuilt when
 * a file changes within one run (vitest's watch mode keeps its run id).
 */
function inputsStamp(data: string, env: Record<string, string | undefined>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(Object.entries(env).filter(([name]) => name.startsWith('KEEPSCORE_')).sort()));
  for (const top of ['src', 'public', 'astro.config.mjs', 'package-lock.json', relative(ROOT, data)]) {
    const path = join(ROOT, top);
    const files = statSync(path).isDirectory() ? readdirSync(path, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)) : [path];
    for (const file of files.sort()) {
      const info = statSync(file);
      hash.update(`${file}\0${info.size}\0${info.mtimeMs}\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The site of `data` (a folder inside the project) built with the test
 * process's environment and `env` on top (undefined: unset), once per run.
 * A failed build is not kept: the next caller tries again and sees its output.
 */
export function sharedSite(data: string, env: Record<string, string | undefined> = {}): SharedSite {
  const merged = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  const { KEEPSCORE_DATA: _data, KEEPSCORE_DIST: _dist, KEEPSCORE_TEST_RUN: _run, ...settings } = merged;
  const name = `${relative(ROOT, data).replaceAll('/', '_')}-${inputsStamp(data, settings)}`;
  const dir = join(runDir(), name);
  const meta = `${dir}.json`;
  const built = (): SharedSite => ({ dir, ...JSON.parse(readFileSync(meta, 'utf8')) });
  const lock = `${dir}.lock`;
  // Test files run two at a time: of two asking for one site, one builds and the other waits for it.
  while (!takeLock(lock)) {
    if (existsSync(dir)) return built();
    if (lockOwnerGone(lock)) rmSync(lock, { recursive: true, force: true });
    Atomics.wait(PAUSE, 0, 0, 250);
  }
  try {
    if (existsSync(dir)) return built();
    const building = `${dir}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    const { code, output, seconds } = buildSite(data, building, merged);
    if (code !== 0) {
      rmSync(building, { recursive: true, force: true });
      return { dir, code, output, seconds };
    }
    writeFileSync(meta, JSON.stringify({ code, output, seconds }));
    try {
      renameSync(building, dir);
    } catch {
      // A second builder (see lockOwnerGone) finished first: theirs is as good.
      rmSync(building, { recursive: true, force: true });
    }
    return { dir, code, output, seconds };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A synchronous sleep's handle: the build itself is synchronous (spawnSync), so the wait for it is too. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** mkdir is atomic: true for the one caller that made the lock folder, which then names its process inside. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  return true;
}

/**
 * The lock's builder was killed (a test run stopped mid-build). At worst two
 * waiters both clear it and both build, and the second keeps the first's site.
 */
function lockOwnerGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return false; // made a moment ago, its pid not yet written (or just released)
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The sample site (data/), built once per run. */
export function sampleSite(): SharedSite {
  return sharedSite(join(ROOT, 'data'));
}

/** The site of test/fixtures/<name>, built once per run. */
export function fixtureSite(name = 'tiny', env: Record<string, string | undefined> = {}): SharedSite {
  return sharedSite(join(ROOT, 'test/fixtures', name), env);
}
