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
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { withFileLock } from '../src/node/fileLock.ts';
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
 * Test files run two at a time: of two asking for one site, one builds
 * (holding the data folder's lock, src/node/fileLock.ts) and the other waits.
 */
export async function sharedSite(data: string, env: Record<string, string | undefined> = {}): Promise<SharedSite> {
  const merged = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  const { KEEPSCORE_DATA: _data, KEEPSCORE_DIST: _dist, KEEPSCORE_TEST_RUN: _run, ...settings } = merged;
  const name = `${relative(ROOT, data).replaceAll('/', '_')}-${inputsStamp(data, settings)}`;
  const dir = join(runDir(), name);
  const meta = `${dir}.json`;
  return withFileLock(`${dir}.lock`, async () => {
    if (existsSync(dir)) return { dir, ...JSON.parse(readFileSync(meta, 'utf8')) };
    const building = `${dir}.building`;
    rmSync(building, { recursive: true, force: true });
    const { code, output, seconds } = buildSite(data, building, merged);
    if (code !== 0) {
      rmSync(building, { recursive: true, force: true });
      return { dir, code, output, seconds };
    }
    writeFileSync(meta, JSON.stringify({ code, output, seconds }));
    renameSync(building, dir);
    return { dir, code, output, seconds };
  }, 600_000);
}

/** The sample site (data/), built once per run. */
export function sampleSite(): Promise<SharedSite> {
  return sharedSite(join(ROOT, 'data'));
}

/** The site of test/fixtures/<name>, built once per run. */
export function fixtureSite(name = 'tiny', env: Record<string, string | undefined> = {}): Promise<SharedSite> {
  return sharedSite(join(ROOT, 'test/fixtures', name), env);
}

/**
 * The open site a team publishes: test/fixtures/tiny with `"deals": "hide"`,
 * built with KEEPSCORE_ACCESS=public, once per run. Its data folder is a copy
 * made once per run (under a lock) in the run's folder, so its stamp holds.
 */
export async function openSite(): Promise<SharedSite> {
  const data = join(runDir(), 'tiny-deals-hidden-data');
  await withFileLock(`${data}.lock`, async () => {
    if (existsSync(data)) return;
    const making = `${data}.making`;
    rmSync(making, { recursive: true, force: true });
    cpSync(join(ROOT, 'test/fixtures/tiny'), making, { recursive: true });
    const config = JSON.parse(readFileSync(join(making, 'keepscore.config.json'), 'utf8'));
    writeFileSync(join(making, 'keepscore.config.json'), JSON.stringify({ ...config, deals: 'hide' }));
    renameSync(making, data);
  });
  return sharedSite(data, { KEEPSCORE_ACCESS: 'public' });
}
