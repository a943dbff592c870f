/**
 * The deal lists hold exactly the deals the KPI JSON counts: for the sample
 * data and every fixture, every scope (whole team, each team, each rep) and
 * several periods at two as-of dates, each list's count and amount are the
 * KPI JSON's numbers (src/core/deals/dealLists.ts).
 */
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealLists, type DealList, type DealLists } from '../src/core/deals/dealLists.ts';
import { dayToIso } from '../src/core/ingest/values.ts';
import { happenedSpan } from '../src/core/kpi/facts.ts';
import { periodOf, type Period } from '../src/core/kpi/periods.ts';
import { kpiEngine, periodFacts, scopeKpis } from '../src/core/kpi/report.ts';
import type { Kpis } from '../src/core/schema/kpiReport.ts';
import { loadDataset } from '../src/node/loadDataset.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FOLDERS = ['data', ...['tiny', 'hostile', 'maven-crm', 'hubspot-all-deals', 'salesforce-data-export', 'salesforce-data-loader', 'zoho-crm-demo', 'quota-export'].map((f) => `test/fixtures/${f}`)];

/** The as-of month, the one before, three before, and as-of's quarter, ISO week and year. */
function periodsAround(asOf: number): Period[] {
  const month = periodOf('month', asOf);
  const before = periodOf('month', month.start - 1);
  return [month, before, periodOf('month', periodOf('month', before.start - 1).start - 40), periodOf('quarter', asOf), periodOf('week', asOf), periodOf('year', asOf)];
}

const total = (list: DealList) => ({ count: list.count, amount: list.amount });

/** Every list against the KPIs of its scope, and every row against the rule of its list. */
function expectAgreement(lists: DealLists, kpis: Kpis, asOf: string, label: string) {
  const { pipeline, winRate, outlook } = kpis;
  expect(total(lists.overdue), `${label} overdue`).toEqual(pipeline.overdue);
  expect({ ...total(lists.due), weighted: lists.due.weighted }, `${label} due`).toEqual(pipeline.open);
  const byStage = Object.fromEntries(lists.due.byStage.filter((s) => s.count > 0).map((s) => [s.stage, { count: s.count, amount: s.amount, weighted: s.weighted }]));
  expect(byStage, `${label} by stage`).toEqual(pipeline.openByStage);
  expect(total(lists.stale), `${label} stale`).toEqual(outlook.stale);
  expect(total(lists.won), `${label} won`).toEqual({ count: winRate.won, amount: winRate.wonAmount });
  expect(total(lists.lost), `${label} lost`).toEqual({ count: winRate.lost, amount: winRate.lostAmount });
  expect(lists.forecast.count, `${label} forecast`).toBe(outlook.forecast.deals);
  expect(lists.forecast.expected, `${label} expected`).toBe(outlook.forecast.expected);
  expect(lists.forecast.closedWon).toBe(pipeline.closedWon);
  for (const list of [lists.overdue, lists.due, lists.stale, lists.won, lists.lost, lists.forecast, lists.closingThisWeek, lists.largest]) {
    expect(list.rows).toHaveLength(list.count);
    expect(new Set(list.rows.map((r) => r.id)).size).toBe(list.count);
  }
  for (const r of lists.overdue.rows) expect(r.closeDate < asOf && r.daysOverdue! > 0).toBe(true);
  for (const r of lists.closingThisWeek.rows) expect(r.closeDate >= asOf && r.closeDate <= lists.closingThisWeek.week.end).toBe(true);
  const dueIds = new Set(lists.due.rows.map((r) => r.id));
  expect(lists.largest.rows.every((r) => dueIds.has(r.id))).toBe(true);
  expect(lists.largest.rows.map((r) => r.amount)).toEqual(lists.due.rows.map((r) => r.amount).slice(0, 10));
  expect(lists.slipped).toMatchObject({ count: 0, exportsRecorded: 0 });
}

describe.each(FOLDERS)('the deal lists of %s', async (folder) => {
  const { dataset, problems } = await loadDataset(join(ROOT, folder));
  expect(problems.total).toBe(0);
  const last = happenedSpan(dataset)!.last;
  // The default as-of, and one about two months before it.
  for (const asOf of [last, last - 61]) {
    it(`equal the KPI JSON for every scope and period, as of ${dayToIso(asOf)}`, () => {
      const engine = kpiEngine(dataset, asOf);
      const { facts } = engine;
      const scopes: [string, number[], (k: ReturnType<typeof engine.report>) => Kpis][] = [
        ['team', facts.reps.map((_, i) => i), (k) => k.team],
        ...[...engine.teams].map(([team, members]): [string, number[], (k: ReturnType<typeof engine.report>) => Kpis] => [`team ${team}`, members, (k) => k.teams[team]]),
        ...facts.reps.map((rep, i): [string, number[], (k: ReturnType<typeof engine.report>) => Kpis] => [`rep ${rep}`, [i], (k) => k.reps[rep]]),
      ];
      let deals = 0;
      for (const period of periodsAround(asOf)) {
        const report = engine.report(period);
        const shared = periodFacts(facts, period);
        for (const [name, scope, kpisOf] of scopes) {
          const lists = dealLists(facts, scope, shared);
          expectAgreement(lists, kpisOf(report), report.asOf, `${name} ${period.id}`);
          deals += lists.due.count + lists.overdue.count + lists.won.count + lists.lost.count + lists.stale.count;
        }
      }
      // Not vacuous: the folder's lists hold deals.
      expect(deals).toBeGreaterThan(0);
    });
  }
});

describe('the deal lists of the sample, at any as-of, for any set of reps', async () => {
  const { dataset } = await loadDataset(join(ROOT, 'data'));
  const span = happenedSpan(dataset)!;
  const reps = kpiEngine(dataset).facts.reps.length;

  it('equal the KPIs of that set of reps for the as-of\'s month, quarter or week', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: span.first + 30, max: span.last }),
        fc.constantFrom('month' as const, 'quarter' as const, 'week' as const),
        fc.uniqueArray(fc.integer({ min: 0, max: reps - 1 }), { minLength: 1, maxLength: reps }),
        (asOf, kind, scope) => {
          const { facts } = kpiEngine(dataset, asOf);
          const period = periodFacts(facts, periodOf(kind, asOf));
          expectAgreement(dealLists(facts, scope, period), scopeKpis(facts, scope, period), dayToIso(asOf), `${scope} ${period.id} as of ${dayToIso(asOf)}`);
        },
      ),
      { numRuns: 12 },
    );
  });
});
