/**
 * The outlook's cycle and velocity (KPI-SPEC §7) on a small hand-made data
 * set. Reps: ann + bob = East, cid = West; dee and fay are in no team. P =
 * 2026-10, as-of 2026-10-15; the trailing window is 2025-11 .. 2026-10.
 */
import { describe, expect, test } from 'vitest';
import { TEAMS_CONFIG, csv, report } from './spec.test-helpers.ts';

const DATA = {
  'keepscore.config.json': TEAMS_CONFIG,
  'deals.csv': csv(
    'id,owner,stage,amount,created,close_date',
    'C1,ann,Closed Won,1000,2026-09-01,2026-09-11', // 10 days
    'C2,ann,Closed Won,3000,2026-08-01,2026-10-01', // 61 days
    'C3,ann,Closed Won,2000,2026-10-05,2026-10-02', // closed before it was created: 0 days
    'C4,ann,Closed Lost,500,2026-07-01,2026-09-20',
    'C5,ann,Qualify,4000,2026-09-01,2026-10-30', // open, due in October
    'C6,ann,Proposal,1000,2026-09-01,2026-09-30', // open, overdue: still an opportunity
    'B1,bob,Closed Won,5000,2026-01-01,2026-01-21', // 20 days
    'B2,bob,Closed Won,7000,2026-02-01,2026-03-03', // 30 days (February 2026 has 28)
    'B3,bob,Closed Won,9000,2025-10-01,2025-10-31', // closed before the window
    'D1,cid,Closed Lost,800,2026-09-01,2026-10-03',
    'D2,cid,Discovery,1200,2026-09-10,2026-11-20',
    'E1,dee,Closed Won,900,2026-10-01,2026-10-01', // 0 days
    'E2,dee,Negotiation,600,2026-10-01,2026-10-31',
    'E3,dee,Qualify,700,2026-10-16,2026-10-31', // created after as-of: not open
  ),
  'quotas.csv': csv('owner,period,amount', 'fay,2026-10,1000'),
};

describe('cycle and velocity, October, as-of 2026-10-15', async () => {
  const r = await report(DATA, '2026-10', '2026-10-15');

  test('ann: median of an odd count; a deal closed before it was created counts 0 days', () => {
    // days 10, 61, 0 -> sorted 0, 10, 61
    expect(r.reps.ann.outlook.cycle).toEqual({ wonDeals: 3, medianDays: 10, meanDays: 71 / 3 });
    // opportunities C5 and C6 (overdue included) x 3/4 won x 6000/3 average / 71/3 days
    expect(r.reps.ann.outlook.velocity).toEqual({ opportunities: 2, winRate: 0.75, avgDealSize: 2000, cycleDays: 71 / 3, perDay: 9000 / 71 });
  });

  test('bob: median of an even count; B3 closed before the window; no open deal: velocity 0', () => {
    expect(r.reps.bob.outlook.cycle).toEqual({ wonDeals: 2, medianDays: 25, meanDays: 25 });
    expect(r.reps.bob.outlook.velocity).toEqual({ opportunities: 0, winRate: 1, avgDealSize: 6000, cycleDays: 25, perDay: 0 });
  });

  test('cid: only a lost deal -> win rate 0, average deal and cycle null -> perDay null', () => {
    expect(r.reps.cid.outlook.cycle).toEqual({ wonDeals: 0, medianDays: null, meanDays: null });
    expect(r.reps.cid.outlook.velocity).toEqual({ opportunities: 1, winRate: 0, avgDealSize: null, cycleDays: null, perDay: null });
  });

  test('dee: a cycle of 0 days -> perDay null; fay (a quota only): nothing closed -> win rate null too', () => {
    expect(r.reps.dee.outlook.cycle).toEqual({ wonDeals: 1, medianDays: 0, meanDays: 0 });
    expect(r.reps.dee.outlook.velocity).toEqual({ opportunities: 1, winRate: 1, avgDealSize: 900, cycleDays: 0, perDay: null });
    expect(r.reps.fay.outlook.cycle).toEqual({ wonDeals: 0, medianDays: null, meanDays: null });
    expect(r.reps.fay.outlook.velocity).toEqual({ opportunities: 0, winRate: null, avgDealSize: null, cycleDays: null, perDay: null });
  });

  test('East pools ann and bob: days 0, 10, 20, 30, 61', () => {
    expect(r.teams.East.outlook.cycle).toEqual({ wonDeals: 5, medianDays: 20, meanDays: 121 / 5 });
    // 2 opportunities x 5/6 won x 18000/5 average / 121/5 days = 30000 / 121
    expect(r.teams.East.outlook.velocity).toEqual({ opportunities: 2, winRate: 5 / 6, avgDealSize: 3600, cycleDays: 121 / 5, perDay: 30000 / 121 });
  });

  test('team: every rep, days 0, 0, 10, 20, 30, 61 -> median (10 + 20) / 2', () => {
    expect(r.team.outlook.cycle).toEqual({ wonDeals: 6, medianDays: 15, meanDays: 121 / 6 });
    // opportunities C5 C6 D2 E2; won 6 of 8 closed; 18900 / 6 = 3150; 4 x 3/4 x 3150 / (121/6) = 56700 / 121
    expect(r.team.outlook.velocity).toEqual({ opportunities: 4, winRate: 0.75, avgDealSize: 3150, cycleDays: 121 / 6, perDay: 56700 / 121 });
  });
});
