/**
 * Whatever names validation accepts must build: arbitrary owner, account,
 * stage, source and deal names (the properties of Object.prototype,
 * __proto__, line and paragraph separators, quotes, 300-character names,
 * any Unicode) go through the loader, the KPI engine, every chart builder
 * (rendered by Vega to SVG) and the slug and CSV-file naming without an
 * exception, and the KPI JSON holds each rep under its own name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barsChart } from '../../src/core/charts/bars.ts';
import { flowChart } from '../../src/core/charts/flow.ts';
import { forecastChart } from '../../src/core/charts/forecastChart.ts';
import { multiplesChart } from '../../src/core/charts/multiples.ts';
import { renderChart } from '../../src/core/charts/render.ts';
import { trendChart } from '../../src/core/charts/trend.ts';
import { isCsvFileName } from '../../src/core/export/csvDownload.ts';
import { readDataset } from '../../src/core/ingest/dataset.ts';
import { textSource } from '../../src/core/ingest/textSource.ts';
import { kpiJson } from '../../src/core/kpi/json.ts';
import { parsePeriod } from '../../src/core/kpi/periods.ts';
import { kpiEngine } from '../../src/core/kpi/report.ts';
import { MAX_SLUG, slugsFor } from '../../src/core/slug.ts';
import { activityRows } from '../../src/core/ingest/tables.test-helpers.ts';

const HOSTILE = ['toString', 'valueOf', 'constructor', 'hasOwnProperty', '__proto__', 'isPrototypeOf', '__defineGetter__', 'a\u2028b', 'p\u2029q', '"', "'", '\\', 'datum', 'x'.repeat(300), '<script>', '=1+1', '\u202Eevil'];
/** A name: a hostile one, or any string that is not blank (cells are trimmed; a blank owner is a missing value). */
const name = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', minLength: 1, maxLength: 40 })).filter((n) => n.trim() !== '' && !n.includes('\u0000'));
const names = (min: number, max: number) => fc.uniqueArray(name, { minLength: min, maxLength: max, selector: (n) => n.trim().toLowerCase() });

const cell = (text: string) => `"${text.replaceAll('"', '""')}"`;
const LOCALE = { locale: 'en-US', currency: 'USD' };

interface World { owners: string[]; accounts: string[]; stages: string[]; sources: string[]; deals: string[] }

function files(w: World): Record<string, string> {
  const config = { stages: w.stages.map((s) => ({ name: s })), wonStage: 'Won Deal', lostStage: 'Lost Deal', teams: Object.fromEntries(w.owners.map((o, i) => [o, w.owners[(i + 1) % w.owners.length]])) };
  const stageOf = (i: number) => [...w.stages, 'Won Deal', 'Lost Deal'][i % (w.stages.length + 2)];
  const deals = w.deals.map((d, i) => [`D${i}`, d, w.accounts[i % w.accounts.length], w.owners[i % w.owners.length], w.sources[i % w.sources.length], stageOf(i), 1000 + i, '2026-10-01', `2026-10-${10 + (i % 18)}`, stageOf(i) === 'Lost Deal' ? w.stages[0] : '', `L${i}`].map((c) => cell(String(c))).join(','));
  const moves = w.deals.map((_, i) => [`D${i}`, w.stages[i % w.stages.length], '2026-10-02'].map(cell).join(','));
  const activities = w.deals.map((_, i) => [`A${i}`, '2026-10-03', w.owners[i % w.owners.length], i % 2 ? 'meeting' : 'call', `L${i}`, w.sources[i % w.sources.length], `D${i}`, ''].map(cell).join(','));
  const quotas = w.owners.map((o) => [o, '2026-10', '5000'].map(cell).join(','));
  return {
    'keepscore.config.json': JSON.stringify(config),
    'deals.csv': `id,name,account,owner,source,stage,amount,created,close_date,lost_at_stage,lead\n${deals.join('\n')}\n`,
    'stage_history.csv': `deal,stage,entered\n${moves.join('\n')}\n`,
    'activities.csv': `id,date,owner,type,lead,source,deal,next_step\n${activities.join('\n')}\n`,
    'quotas.csv': `owner,period,amount\n${quotas.join('\n')}\n`,
  };
}

/** Every chart builder, fed the names as its categories, series and notes (titles are the site's own words). */
function charts(w: World, forward: Record<string, number>, backward: Record<string, number>) {
  const colours = ['#111111', '#222222', '#333333'];
  return [
    barsChart({ label: w.owners[0], summary: w.sources[0], format: 'count', xTitle: 'Deals', bars: w.owners.map((o, i) => ({ category: o, value: i, colour: colours[i % 3], note: w.accounts[i % w.accounts.length], small: i % 2 === 0 })) }),
    trendChart({ label: 'trend', summary: 's', months: ['Sep 2026', 'Oct 2026'], series: w.owners.map((o, i) => ({ name: o, colour: colours[i % 3], dashed: i === 0 })), points: w.owners.flatMap((o, i) => [{ month: 'Sep 2026', series: o, value: i, small: false }, { month: 'Oct 2026', series: o, value: i + 1, small: true }]), format: 'percent', yTitle: 'Win rate' }),
    trendChart({ label: 'stacked', summary: 's', stacked: true, months: ['Oct 2026'], series: w.sources.map((s, i) => ({ name: s, colour: colours[i % 3] })), points: w.sources.map((s, i) => ({ month: 'Oct 2026', series: s, value: i + 1, small: false })), format: 'money', yTitle: 'y' }),
    flowChart({ label: 'flow', summary: 's', stages: w.stages, forward, backward, names: { forward: w.stages[0], backward: w.accounts[0] }, colours: { forward: '#111111', backward: '#222222' }, xTitle: 'moves' }),
    forecastChart({ label: 'forecast', summary: 's', rows: w.owners.map((o, i) => ({ name: o, quota: 5000, closedWon: i * 100, low: i * 100, expected: i * 150, high: i * 200, note: w.accounts[i % w.accounts.length] })), names: { closedWon: w.deals[0], range: w.sources[0], quota: 'q' }, colours: { closedWon: '#111111', range: '#222222' }, xTitle: 'x' }),
    multiplesChart({ label: 'multiples', summary: 's', months: ['Sep 2026', 'Oct 2026'], format: 'count', panels: w.owners.map((o, i) => ({ name: o, colour: colours[i % 3], points: [{ month: 'Oct 2026', value: i, small: i % 2 === 0 }] })), reference: { name: w.sources[0], colour: '#333333', points: [{ month: 'Sep 2026', value: 1, small: false }] } }),
  ];
}

describe('hostile names', () => {
  it('go through the loader, the KPI engine, every chart and the slug and CSV naming', { timeout: 300_000 }, async () => {
    const world = fc.record({ owners: names(1, 5), accounts: names(1, 3), stages: names(1, 4), sources: names(1, 3), deals: names(1, 6) });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const loaded = await readDataset(textSource(files(w)));
        // Stage names that clash with the won/lost names are a config error, rightly refused.
        fc.pre(loaded.problems.total === 0);
        accepted++;
        const report = kpiEngine(loaded.dataset).report(parsePeriod('2026-10')!);
        const json = JSON.parse(kpiJson(report));
        const { deals, quotas } = loaded.dataset;
        const owners = new Set([...deals, ...activityRows(loaded.dataset), ...quotas].map((row) => row.owner));
        expect(Object.keys(json.reps).sort()).toEqual([...owners].sort());
        for (const owner of Object.keys(json.reps)) expect(json.reps[owner].pipeline.quota).toBe(5000);
        for (const chart of charts(w, report.team.stages.forward, report.team.stages.backward)) expect(await renderChart(chart, LOCALE)).toMatch(/^<svg /);
        const slugs = slugsFor([...w.owners, ...w.accounts], 'rep');
        expect(new Set(slugs.values()).size).toBe(slugs.size);
        for (const slug of slugs.values()) {
          expect(slug.length).toBeLessThanOrEqual(MAX_SLUG);
          expect(isCsvFileName(`rep-${slug}-attainment.csv`)).toBe(true);
        }
      }),
      { numRuns: 25, seed: 20261130 },
    );
    expect(accepted).toBeGreaterThan(12);
  });
});
