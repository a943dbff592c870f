/**
 * Periods and the as-of date (KPI-SPEC §2, §6 datetime and default as-of).
 * Months, quarters, ISO weeks and years; "in P" includes both ends.
 */
import { describe, expect, test } from 'vitest';
import { kpiReport } from './report.ts';
import { TEAMS_CONFIG, csv, load, report } from './spec.test-helpers.ts';

// Won amounts are powers of two, so the sum names exactly which deals fell in P.
const DEALS = csv(
  'id,owner,stage,amount,created,close_date',
  'Q1,ann,Closed Won,1,2026-09-01,2026-09-30',
  'Q2,ann,Closed Won,2,2026-09-01,2026-10-01',
  'Q3,ann,Closed Won,4,2026-09-01,2026-10-25',
  'Q4,ann,Closed Won,8,2026-09-01,2026-10-26',
  'Q5,bob,Closed Won,16,2026-09-01,2026-11-01',
  'Q6,bob,Closed Won,32,2026-09-01,2026-11-02',
  'Q7,bob,Closed Won,64,2026-09-01,2026-12-31',
  'Q8,bob,Closed Won,128,2026-09-01,2027-01-01',
  'Q9,cid,Closed Won,256,2020-12-01,2021-01-03',
);
const FILES = { 'keepscore.config.json': TEAMS_CONFIG, 'deals.csv': DEALS };

// ISO weeks (Monday..Sunday; week 1 holds 4 January):
//   2026-W43 = 10-19..10-25, 2026-W44 = 10-26..11-01, 2026-W01 = 2025-12-29..2026-01-04
//   1 Jan 2026 is a Thursday, so 2026 has 53 weeks: 2026-W53 = 2026-12-28..2027-01-03
//   2020 (leap, starts Wednesday) has 53 weeks: 2020-W53 = 2020-12-28..2021-01-03
//   2025 (starts Wednesday, not leap) and 2027 (starts Friday) have 52.
describe('which closed deals fall in P', async () => {
  const ds = await load(FILES);
  const cases: Array<[string, number, number, number]> = [
    // period, team wonAmount, ann, bob
    ['2026-10', 2 + 4 + 8, 14, 0],
    ['2026-09', 1, 1, 0],
    ['2026-Q3', 1, 1, 0],
    ['2026-Q4', 2 + 4 + 8 + 16 + 32 + 64, 14, 112],
    ['2027-Q1', 128, 0, 128],
    ['2026', 127, 15, 112],
    ['2026-W43', 4, 4, 0],
    ['2026-W44', 8 + 16, 8, 16],
    ['2026-W53', 64 + 128, 0, 192],
    ['2026-W01', 0, 0, 0],
    ['2027-W01', 0, 0, 0],
    ['2020-W53', 256, 0, 0],
    ['2021-W01', 0, 0, 0],
  ];
  test.each(cases)('%s', (period, team, ann, bob) => {
    const r = kpiReport(ds, period, '2026-10-31');
    expect(r.period).toBe(period);
    expect(r.team.winRate.wonAmount).toBe(team);
    expect(r.teams.East.winRate.wonAmount).toBe(ann + bob);
    expect(r.reps.ann.winRate.wonAmount).toBe(ann);
    expect(r.reps.bob.winRate.wonAmount).toBe(bob);
    expect(r.teams.West.winRate.wonAmount).toBe(team - ann - bob); // cid
  });

  test('2020-W53 belongs to cid', () => {
    expect(kpiReport(ds, '2020-W53', '2026-10-31').reps.cid.winRate.won).toBe(1);
  });

  test.each(['2025-W53', '2027-W53', '2026-W00', '2026-W54', '2026-13', '2026-00', '2026-Q5', '2026-Q0', '26-10', 'October'])(
    '%s is not a period', (period) => {
      expect(() => kpiReport(ds, period, '2026-10-31')).toThrow();
    },
  );
});

describe('the default as-of: the latest date of anything that happened', () => {
  const base = {
    'deals.csv': csv(
      'id,owner,stage,amount,created,close_date',
      'O1,ann,Proposal,100,2026-10-01,2027-03-01', // open: its close date is a forecast
      'O2,ann,Closed Won,100,2026-09-01,2026-10-10',
      'O3,bob,Closed Lost,100,2026-09-01,2026-10-18',
    ),
    'activities.csv': csv('id,date,owner,type,lead', 'A1,2026-10-12,ann,call,L1'),
    'stage_history.csv': csv('deal,stage,entered', 'O1,Proposal,2026-10-15'),
  };

  test('an open deal\'s close date is excluded; a lost deal\'s close date counts', async () => {
    expect((await report(base, '2026-10')).asOf).toBe('2026-10-18');
  });

  test('a later stage_history entry', async () => {
    const files = { ...base, 'stage_history.csv': csv('deal,stage,entered', 'O1,Qualify,2026-10-15', 'O1,Proposal,2026-10-25') };
    expect((await report(files, '2026-10')).asOf).toBe('2026-10-25');
  });

  test('a later churn date in customers.csv', async () => {
    expect((await report({ ...base, 'customers.csv': csv('account,churned', 'Acme,2026-10-22') }, '2026-10')).asOf).toBe('2026-10-22');
  });

  test('a later created date of an open deal', async () => {
    const deals = base['deals.csv'] + 'O4,bob,Qualify,100,2026-10-28,2026-12-01\n';
    expect((await report({ ...base, 'deals.csv': deals }, '2026-10')).asOf).toBe('2026-10-28');
  });

  test('a later activity written as a datetime with an offset counts by its written date', async () => {
    const acts = csv('id,date,owner,type,lead', 'A1,2026-10-12,ann,call,L1', 'A2,2026-10-31T23:30:00-05:00,bob,call,L2');
    expect((await report({ ...base, 'activities.csv': acts }, '2026-10')).asOf).toBe('2026-10-31');
  });

  test('the default as-of drives open/overdue: O1 (close 2027-03-01) is open and not overdue', async () => {
    const r = await report(base, '2027-03');
    expect(r.reps.ann.pipeline.open).toEqual({ count: 1, amount: 100, weighted: 50 });
    expect(r.reps.ann.pipeline.overdue).toEqual({ count: 0, amount: 0 });
  });

  test('an explicit as-of is echoed and used', async () => {
    const r = await report(base, '2026-10', '2027-03-02');
    expect(r.asOf).toBe('2027-03-02');
    expect(r.reps.ann.pipeline.overdue).toEqual({ count: 1, amount: 100 });
    expect(r.team.pipeline.overdue).toEqual({ count: 1, amount: 100 });
  });
});

describe('a datetime counts by the date written in it, never shifted to UTC', async () => {
  const r10 = await report({
    'keepscore.config.json': TEAMS_CONFIG,
    'deals.csv': csv(
      'id,owner,stage,amount,created,close_date',
      'Z1,ann,Closed Won,300,2026-10-01T09:00:00+09:00,2026-10-31T23:30:00-05:00',
      'Z2,ann,Closed Won,500,2026-10-01,2026-11-01T00:30:00+02:00',
    ),
    'activities.csv': csv(
      'id,date,owner,type,lead',
      'T1,2026-10-31T23:30:00-05:00,ann,call,L1', // 31 October (04:30 UTC on 1 November)
      'T2,2026-11-01T00:30:00+02:00,ann,email,L2', // 1 November (22:30 UTC on 31 October)
    ),
  }, '2026-10', '2026-11-30');

  test('October holds Z1 and T1 only', () => {
    for (const k of [r10.team, r10.teams.East, r10.reps.ann]) {
      expect(k.winRate.wonAmount).toBe(300);
      expect(k.activity.outreach).toBe(1);
      expect(k.activity.byChannel.call.touches).toBe(1);
      expect(k.activity.byChannel.email.touches).toBe(0);
      expect(k.stages.transitions[0].reached).toBe(2); // both created 1 October
    }
  });
});

test('week and year quotas (project: a week takes each month\'s quota prorated by days)', async () => {
  const ds = await load({
    'keepscore.config.json': TEAMS_CONFIG,
    'deals.csv': csv('id,owner,stage,amount,created,close_date', 'D1,ann,Qualify,1,2026-10-01,2026-12-01'),
    'quotas.csv': csv('owner,period,amount', 'ann,2026-10,3100', 'ann,2026-11,3000', 'bob,2026-Q4,9000'),
  });
  // 2026-W44 = 26..31 October (6 of 31 days) + 1 November (1 of 30): 3100*6/31 + 3000/30 = 700
  const w44 = kpiReport(ds, '2026-W44', '2026-10-01');
  expect(w44.reps.ann.pipeline.quota).toBeCloseTo(700, 9);
  expect(w44.reps.bob.pipeline.quota).toBeCloseTo(3000 * 6 / 31 + 100, 9);
  const year = kpiReport(ds, '2026', '2026-10-01');
  expect(year.reps.ann.pipeline.quota).toBe(6100);
  expect(year.reps.bob.pipeline.quota).toBe(9000);
  expect(year.team.pipeline.quota).toBe(15100);
  expect(year.teams.East.pipeline.quota).toBe(15100);
});

test('config dateOrder decides an ambiguous numeric date', async () => {
  const deals = csv('id,owner,stage,amount,created,close_date', 'N1,ann,Closed Won,5,01/09/2026,01/10/2026');
  const dmy = await report({ 'keepscore.config.json': '{"dateOrder": "dmy"}', 'deals.csv': deals }, '2026-10');
  expect(dmy.reps.ann.winRate.wonAmount).toBe(5); // 1 October
  expect(dmy.asOf).toBe('2026-10-01');
  const mdy = await report({ 'deals.csv': deals }, '2026-01');
  expect(mdy.reps.ann.winRate.wonAmount).toBe(5); // 10 January
  expect(mdy.asOf).toBe('2026-01-10');
});
