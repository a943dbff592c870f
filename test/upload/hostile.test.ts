/**
 * One real `astro build` of a data folder whose names are all hostile
 * (test/fixtures/hostile: reps called toString, __proto__, valueOf,
 * constructor, hasOwnProperty, one with U+2028 and U+2029, one of 233
 * characters; stages, sources, accounts and teams named the same way; made
 * from test/fixtures/tiny by renaming): it builds, every rep and team has
 * its page and its CSV files, and the KPI JSON keeps every name as a key
 * of its own with the numbers the rows give.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, type SharedSite } from '../siteBuilds.ts';
import { loadDataset } from '../../src/node/loadDataset.ts';
import { kpiReport } from '../../src/core/kpi/report.ts';
import { fixtureText, postCsv, setup } from './helpers.ts';

let build: SharedSite;
/** The built site (the run's shared build; read only). */
let out: string;
beforeAll(async () => {
  build = await fixtureSite('hostile');
  out = build.dir;
}, 200_000);

const LONG = `Maximilian-${'x'.repeat(222)}`;
const REPS = ['toString', '__proto__', 'valueOf', 'constructor', 'hasOwnProperty', 'Line\u2028Break\u2029Para', LONG, '<script>alert(1)</script>', 'datum', '"quoted" \\ back'];

describe('a site of hostile names', () => {
  it('builds', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
  });

  it('keeps every rep and team in the KPI JSON under its own name, with its numbers', () => {
    const report = JSON.parse(readFileSync(join(out, 'api/kpis/2026-10.json'), 'utf8'));
    expect(Object.keys(report.reps).sort()).toEqual([...REPS].sort());
    expect(Object.keys(report.teams).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    expect(report.reps.__proto__.lagging).toMatchObject({ won: 1, totalSales: 20000 });
    expect(report.reps.toString.lagging).toMatchObject({ won: 1, lost: 1, totalSales: 10000 });
    expect(report.reps.toString.pipeline.quota).toBe(50000);
    expect(Object.keys(report.team.pipeline.openByStage)).toEqual(expect.arrayContaining(['constructor', '__proto__']));
    expect(Object.keys(report.team.activity.bySource)).toEqual(expect.arrayContaining(['__proto__', 'hasOwnProperty', 'valueOf', 'constructor']));
  });

  it('gives each rep and team a page and short CSV file names', () => {
    const reps = readdirSync(join(out, 'reps'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(reps).toHaveLength(REPS.length);
    for (const rep of reps) expect(existsSync(join(out, 'reps', rep.name, 'index.html'))).toBe(true);
    expect(readdirSync(join(out, 'teams'))).toHaveLength(4);
    const csv = readdirSync(join(out, 'csv'));
    expect(csv.length).toBeGreaterThan(40);
    expect(Math.max(...csv.map((n) => n.length))).toBeLessThan(100);
    const long = reps.find((r) => r.name.startsWith('maximilian-'))!;
    expect(readFileSync(join(out, 'reps', long.name, 'index.html'), 'utf8')).toContain(LONG);
  });
});

describe('uploads of hostile names', () => {
  it.each(REPS.map((name) => [JSON.stringify(name).slice(0, 40), name]))('a deals export whose rep is %s is accepted, and the data still loads', { timeout: 60_000 }, async (_shown, name) => {
    const s = await setup('upload-hostile-name', {}, { build: 'fake', site: false });
    try {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      const csv = fixtureText('deals.csv').replaceAll(',Ann,', `,${quoted},`);
      const response = await postCsv(s.server.url, csv, '?file=deals');
      expect(response.status, await response.clone().text()).toBe(202);
      const loaded = await loadDataset(s.data);
      expect(loaded.problems.total).toBe(0);
      const report = kpiReport(loaded.dataset, '2026-10');
      expect(Object.hasOwn(report.reps, name)).toBe(true);
      expect(report.reps[name].lagging.totalSales).toBe(10000);
      await s.server.builder!.idle();
      const { builds } = await (await fetch(`${s.server.url}/api/status`)).json();
      expect(builds[0].state).toBe('succeeded');
    } finally {
      await s.cleanup();
    }
  });
});

