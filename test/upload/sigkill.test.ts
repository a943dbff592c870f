/**
 * SIGKILL during uploads that write two files and a snapshot at once: at
 * fixed moments (while the body streams in; the instant the upload is
 * committed; halfway through putting its files in place, between
 * stage_history.csv and deals.csv) and at random ones. After each kill the
 * server is started again, and the data folder must be one whole version:
 * every file entirely the version the log names for it, the history and
 * uploads.jsonl in agreement, no journal left. Then it takes uploads again.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fixtureText, postCsv, serverFolders } from './helpers.ts';
import { appears, inconsistencies, kill, nextDeals, startMain, uploadAndKill } from './killRounds.ts';

const { dir, data, dist } = serverFolders('upload-sigkill');
// The site stays newer than every upload here, so a restart recovers the data folder and serves at once, as it
// would after a build: what is checked is the data folder, and a real build of the 280k-deal folder on each restart
// only took the uploads' CPU (`npm run bench:upload` restarts as `npm start` does, building).
const tomorrow = new Date(Date.now() + 86_400_000);
utimesSync(join(dist, 'index.html'), tomorrow, tomorrow);
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) kill({ child, url: '' });
  rmSync(dir, { recursive: true, force: true });
});
const ORIGINAL = { 'deals.csv': fixtureText('deals.csv'), 'stage_history.csv': null };

it('SIGKILL at any moment of an upload leaves one whole version after a restart', { timeout: 300_000 }, async () => {
  const outcomes: string[] = [];
  const check = async (label: string) => {
    const running = await startMain(data, dist, children);
    expect(inconsistencies(data, ORIGINAL), label).toEqual([]);
    expect(readdirSync(data).filter((n) => n.endsWith('.tmp')), label).toEqual([]);
    return running;
  };
  mkdirSync(join(data, '.history'), { recursive: true });
  let running = await startMain(data, dist, children);
  const moments: [string, () => Promise<unknown>][] = [
    ['while the body streams in', () => new Promise((resolve) => setTimeout(resolve, 30))],
    ['the instant it is committed', () => appears(join(data, '.history'), (n) => n === 'pending.json')],
    ['between stage_history.csv and deals.csv', () => appears(data, (n) => /^\.deals\.csv\.upload-\d+-[0-9a-f]+\.tmp$/.test(n))],
    // Two random moments here; `npm run bench:upload` kills at 20.
    ...Array.from({ length: 2 }, (_, i): [string, () => Promise<unknown>] => [`at random (${i + 1})`, () => new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 4000))]),
  ];
  for (const [round, [label, moment]] of moments.entries()) {
    const outcome = await uploadAndKill(running, data, round, moment());
    // Answered before the moment came: the kill lands after the upload instead.
    if (outcome !== 'killed') kill(running);
    outcomes.push(`${label}: ${outcome}`);
    running = await check(label);
  }
  console.log(`after SIGKILL: ${outcomes.join('; ')}`);
  expect(outcomes.filter((o) => o.endsWith('killed')).length).toBeGreaterThanOrEqual(3);

  const response = await postCsv(running.url, nextDeals(data, 99), '?file=deals&exported=2026-11-29');
  expect(response.status).toBe(202);
  expect(inconsistencies(data, ORIGINAL)).toEqual([]);
  kill(running);
});
