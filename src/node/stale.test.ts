import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isStale } from './server.ts';

const dir = mkdtempSync(join(tmpdir(), 'keepscore-stale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touch(path: string, secondsAgo: number): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, when, when);
}

describe('isStale (npm start builds first when true)', () => {
  const data = join(dir, 'data');
  const dist = join(dir, 'dist');

  it('is stale without a built site', async () => {
    touch(join(data, 'deals.csv'), 100);
    expect(await isStale(data, dist)).toBe(true);
  });

  it('is fresh when the site is newer than every data file, history and temp files aside', async () => {
    touch(join(dist, 'index.html'), 50);
    touch(join(data, '.history', 'v1', 'deals.csv'), 0);
    touch(join(data, '.deals.csv.upload-1-ab.tmp'), 0);
    touch(join(data, '.keepscore-lock', 'owner-123-ab'), 0);
    expect(await isStale(data, dist)).toBe(false);
  });

  it('is stale when a data file (or a frozen report) is newer than the site', async () => {
    touch(join(data, 'reports', '2026-10.json'), 10);
    expect(await isStale(data, dist)).toBe(true);
  });
});
