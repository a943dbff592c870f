/**
 * `npm start`'s first build: with no site yet the server builds before it
 * listens; with a site older than the data it listens at once, serves the
 * previous build while the new one runs (a restart on a big data folder
 * never takes the site offline), then serves the new one. The build is the
 * gated stand-in (test/upload/fakeBuild.mjs), held running by its gate file.
 */
import { cpSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/node/server.ts';
import { FAKE_BUILD, FIXTURE, ROOT, tempDir } from './helpers.ts';

let dir = '';
let server: RunningServer | null = null;
afterEach(async () => {
  delete process.env.KEEPSCORE_FAKE_BUILD_GATE;
  await server?.close();
  await server?.builder?.idle();
  rmSync(dir, { recursive: true, force: true });
});

async function start(dist: string): Promise<RunningServer> {
  return startServer({ root: ROOT, dataDir: join(dir, 'data'), distDir: dist, host: '127.0.0.1', port: 0, env: {}, buildCommand: FAKE_BUILD, log: () => {} });
}

const startupState = async (url: string) =>
  ((await (await fetch(`${url}/api/status`)).json()) as { builds: { versions: string[]; state: string }[] }).builds.find((b) => b.versions.includes('startup'))?.state;

it('serves the previous build at once while a site older than the data is rebuilt, then the new one', async () => {
  dir = tempDir('startup-stale');
  cpSync(FIXTURE, join(dir, 'data'), { recursive: true });
  const dist = join(dir, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>previous</title><p>previous build</p>\n');
  const lastWeek = new Date(Date.now() - 7 * 86_400_000);
  utimesSync(join(dist, 'index.html'), lastWeek, lastWeek);
  const gate = join(dir, 'gate');
  process.env.KEEPSCORE_FAKE_BUILD_GATE = gate;

  server = await start(dist);
  expect(await startupState(server.url)).toBe('running');
  const during = await fetch(`${server.url}/`);
  expect(during.status).toBe(200);
  expect(await during.text()).toContain('previous build');

  writeFileSync(gate, '');
  await expect.poll(() => startupState(server!.url), { timeout: 30_000 }).toBe('succeeded');
  expect(await (await fetch(`${server.url}/`)).text()).toMatch(/<p>built \d+<\/p>/);
});

it('builds before it listens when there is no site yet', async () => {
  dir = tempDir('startup-missing');
  cpSync(FIXTURE, join(dir, 'data'), { recursive: true });
  server = await start(join(dir, 'dist'));
  expect(await startupState(server.url)).toBe('succeeded');
  const page = await fetch(`${server.url}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/<p>built \d+<\/p>/);
});
