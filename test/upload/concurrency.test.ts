/**
 * Twenty uploads at once on the real server: each ends accepted or rejected,
 * the data ends as one of them whole, every accepted version is in the
 * history, and the rebuilds coalesce (a stand-in build: this is about the
 * store and the queue, not the site). The first build is held running until
 * every upload is answered, so the coalescing does not depend on timing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureText, postCsv, setup, waitFor, type Setup } from './helpers.ts';

let s: Setup;
beforeAll(async () => {
  s = await setup('upload-concurrent', {}, { build: 'fake', site: false });
}, 60_000);
afterAll(async () => s?.cleanup());

it('20 concurrent uploads: all answered, the final data is one of them whole, every accepted version kept', { timeout: 120_000 }, async () => {
  const deals = fixtureText('deals.csv');
  const bodies = Array.from({ length: 20 }, (_, i) =>
    i % 5 === 4
      ? deals.replace('2026-10-05,2026-10-31', '2026-10-05,not a date') // rejected
      : deals.replace('Epsilon,Ann,referral,Proposal,30000', `Epsilon,Ann,referral,Proposal,${30000 + i}`),
  );
  const gate = join(s.dir, 'build-gate');
  process.env.KEEPSCORE_FAKE_BUILD_GATE = gate;
  const responses = await Promise.all(bodies.map((body) => postCsv(s.server.url, body, '?file=deals')));
  const results = await Promise.all(responses.map(async (r, i) => ({ i, status: r.status, body: await r.json() })));
  writeFileSync(gate, '');
  delete process.env.KEEPSCORE_FAKE_BUILD_GATE;
  expect(results.map((r) => r.status).every((st) => st === 202 || st === 422)).toBe(true);
  const accepted = results.filter((r) => r.status === 202);
  expect(accepted).toHaveLength(16);
  expect(results.filter((r) => r.status === 422).map((r) => r.i)).toEqual([4, 9, 14, 19]);

  const final = readFileSync(join(s.data, 'deals.csv'), 'utf8');
  const versions = accepted.map((r) => r.body.version as string).sort();
  const last = accepted.find((r) => r.body.version === versions[versions.length - 1])!;
  expect(final).toBe(bodies[last.i]);
  for (const r of accepted) expect(readFileSync(join(s.data, '.history', r.body.version, 'deals.csv'), 'utf8')).toBe(bodies[r.i]);
  const logged = readFileSync(join(s.data, '.history', 'uploads.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).version);
  expect([...logged].sort()).toEqual(versions);

  await s.server.builder!.idle();
  const builds = (await (await fetch(`${s.server.url}/api/status`)).json()).builds as { state: string; versions: string[] }[];
  expect(builds.every((b) => b.state === 'succeeded')).toBe(true);
  // One build ran while the uploads came in; all later requests coalesced into one more (beside the start's own build).
  expect(builds.filter((b) => b.versions.some((v) => versions.includes(v))).length).toBeLessThanOrEqual(2);
  expect(builds.flatMap((b) => b.versions).sort()).toEqual(expect.arrayContaining(versions));
  // The last build carries the last version: the site ends on the final data.
  expect(builds[0].versions).toContain(versions[versions.length - 1]);
  await waitFor(async () => ((await fetch(`${s.server.url}/`)).status === 200 ? true : undefined), 5000);
});
