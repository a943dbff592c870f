/** The reference's KPIs 1–4 and its reader against the spec's own checks and hand-computed cases. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCase, writeCase } from './generator/generate.ts';
import { parsePeriod } from './periods.ts';
import { periodQuota } from './quota.ts';
import { readCanonical } from './readCanonical.ts';
import { Q } from './rational.ts';
import { referenceReport, type RefKpis } from './report.ts';
import { activity, data, deal, deals, entry } from './testData.ts';

const P = '2026-10';
const A = '2026-10-15';
const inOctober = { created: '2026-09-01', close: '2026-10-10', amount: '5000' };

describe('reference KPI 3 against the article', () => {
  it('5 won and 25 lost give 0.1667', () => {
    const list = [...deals(5, 'w', { ...inOctober, stage: 'Won' }), ...deals(25, 'l', { ...inOctober, stage: 'Lost' })];
    expect(referenceReport(data({ deals: list }), P, A).team.winRate.rate).toBeCloseTo(0.1667, 4);
  });

  it('quota 100 000, average deal 5 000, conversion 10 % -> 20 deals, 200 leads', () => {
    const leads = Array.from({ length: 100 }, (_, i) => activity({ id: `A-${i}`, date: '2026-03-01', owner: 'Ann', type: 'call', lead: `L-${i}` }));
    const input = data({ deals: deals(10, 'w', { ...inOctober, stage: 'Won' }), activities: leads, quotas: [{ owner: 'Ann', period: P, amount: Q.of(100_000) }] });
    const { winRate } = referenceReport(input, P, A).team;
    expect([winRate.avgDealSize, winRate.dealsNeeded, winRate.leadsNeeded]).toEqual([5000, 20, 200]);
  });

  it('ceilings on exact values: 15000.45 / 5000.15 is 3, not 4', () => {
    const input = data({ deals: deals(2, 'w', { ...inOctober, amount: '5000.15', stage: 'Won' }), quotas: [{ owner: 'Ann', period: P, amount: Q.decimal('15000.45') }] });
    expect(referenceReport(input, P, A).team.winRate.dealsNeeded).toBe(3);
  });

  it('a quarter counts an exact third towards each month; a week its days of each month', () => {
    const quotas = [{ owner: 'Ann', period: '2026-Q4', amount: Q.of(175_000) }];
    const team = new Set(['Ann']);
    expect(periodQuota(quotas, team, parsePeriod('2026-10')).toNumber()).toBe(175_000 / 3);
    expect(periodQuota(quotas, team, parsePeriod('2026-Q4')).cmp(Q.of(175_000))).toBe(0);
    // 2026-W44 is Mon 26 Oct .. Sun 1 Nov: 6/31 of October's third and 1/30 of November's.
    expect(periodQuota(quotas, team, parsePeriod('2026-W44')).toNumber()).toBeCloseTo((175_000 / 3) * (6 / 31 + 1 / 30), 8);
  });
});

describe('reference KPI 1 ties and ownership', () => {
  it('a first meeting on a tied date is the lowest id as a string ("A-10007" < "A-9") and counts for its owner', () => {
    const activities = [
      activity({ id: 'A-9', date: '2026-10-03', owner: 'Bo', type: 'meeting', lead: 'L-1', nextStep: 'Demo', source: 'Web' }),
      activity({ id: 'A-10007', date: '2026-10-03', owner: 'Ann', type: 'meeting', lead: 'L-1' }),
      activity({ id: 'A-5', date: '2026-10-04', owner: 'Bo', type: 'call', lead: 'L-1', source: 'Event' }),
    ];
    const report = referenceReport(data({ activities }), P, A);
    expect(report.reps.Ann.activity.firstMeetings).toBe(1);
    expect(report.reps.Ann.activity.firstMeetingsWithNextStep).toBe(0);
    expect(report.reps.Bo.activity.firstMeetings).toBe(0);
    // The lead is Ann's; its first activity has no source, so the first non-empty one in (date, id) order: A-9's.
    expect(report.reps.Ann.activity.bySource).toEqual({ Web: { leads: 1, met: 1, rate: 1 } });
  });
});

describe('reference KPI 2 moves and reach', () => {
  it('same-day rows go in file order, or by instant when they carry a time; lost moves are neither', () => {
    const history = [
      entry('D1', 'A', '2026-10-01', 0),
      entry('D1', 'C', '2026-10-02', 1),
      entry('D1', 'B', '2026-10-02', 2), // after C in the file: a backward move to B
      entry('D2', 'B', '2026-10-05', 4, Date.parse('2026-10-05T10:00:00Z')),
      entry('D2', 'A', '2026-10-05', 3, Date.parse('2026-10-05T09:00:00Z')), // earlier instant: A then B
      entry('D2', 'Lost', '2026-10-06', 5),
    ];
    const list = [deal({ id: 'D1', stage: 'B', ...inOctober }), deal({ id: 'D2', stage: 'Lost', ...inOctober })];
    const { stages } = referenceReport(data({ deals: list, history }), P, A).team;
    expect([stages.forward, stages.backward]).toEqual([{ C: 1, B: 1 }, { B: 1 }]);
  });

  it('a lost deal without lost_at_stage reaches the last open stage of its history; a won row for a deal not won counts as the last open stage', () => {
    const list = [deal({ id: 'D1', stage: 'Lost', ...inOctober, created: '2026-10-01' }), deal({ id: 'D2', stage: 'A', ...inOctober, created: '2026-10-01' })];
    const history = [entry('D1', 'B', '2026-10-02', 0), entry('D2', 'Won', '2026-10-03', 1)];
    const { transitions } = referenceReport(data({ deals: list, history }), P, A).team.stages;
    expect(transitions.map((t) => t.reached)).toEqual([2, 2, 1]);
  });
});

describe('reference KPI 4', () => {
  it('v2 open leaves overdue deals out; a deal due on the as-of date is open', () => {
    const list = [
      deal({ id: 'due', stage: 'B', amount: '100', created: '2026-09-01', close: A }),
      deal({ id: 'late', stage: 'B', amount: '200', created: '2026-09-01', close: '2026-10-14' }),
      deal({ id: 'old', stage: 'B', amount: '400', created: '2026-01-01', close: '2026-03-01' }),
    ];
    const { pipeline } = referenceReport(data({ deals: list }), P, A).team;
    expect([pipeline.open, pipeline.overdue, pipeline.focus]).toEqual([{ count: 1, amount: 100, weighted: 50 }, { count: 2, amount: 600 }, 'done']);
  });
});

describe('reference reader', () => {
  it('trims headers and values, reads a datetime by its written date, an optional value of spaces as absent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keepscore-ref-reader-'));
    writeFileSync(join(dir, 'deals.csv'), ' ID ,Owner,STAGE,amount,created,close_date,lost_at_stage\nD-1, Ann ,closed lost,12.3456,2026-10-31T23:30:00-05:00,2026-11-01T00:15:00+09:00,  \n');
    const { deals: [d] } = readCanonical(dir);
    rmSync(dir, { recursive: true });
    expect(d).toMatchObject({ id: 'D-1', owner: 'Ann', stage: 'Closed Lost', created: '2026-10-31', close: '2026-11-01', lostAtStage: null });
    expect(d.amount.cmp(Q.decimal('12.3456'))).toBe(0);
  });
});

describe('generator', () => {
  it('is deterministic: one seed, one folder', () => {
    const options = { v2Data: true, astralIdTies: true, timedHistory: true };
    expect(generateCase(7, options)).toEqual(generateCase(7, options));
    expect(generateCase(7, options).files['deals.csv']).not.toBe(generateCase(8, options).files['deals.csv']);
  });
});

describe('reference scopes add up (KPI-SPEC §7: one p(s) table for every scope)', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: the team is the sum of its reps', (seed) => {
    const kase = generateCase(seed, { v2Data: true, astralIdTies: true, timedHistory: true });
    const dir = writeCase(kase);
    const report = referenceReport(readCanonical(dir), kase.periods[0], kase.asOf);
    rmSync(dir, { recursive: true });
    const reps = Object.values(report.reps);
    const total = (pick: (k: RefKpis) => number) => reps.reduce((s, k) => s + pick(k), 0);
    const { team } = report;
    expect(total((k) => k.outlook.forecast.expected)).toBeCloseTo(team.outlook.forecast.expected, 6);
    expect(total((k) => k.outlook.stale.count)).toBe(team.outlook.stale.count);
    expect(total((k) => k.outlook.velocity.opportunities)).toBe(team.outlook.velocity.opportunities);
    expect(total((k) => k.pipeline.open.amount)).toBeCloseTo(team.pipeline.open.amount, 6);
    expect(total((k) => k.outlook.forecast.deals)).toBe(team.outlook.forecast.deals);
  });
});
