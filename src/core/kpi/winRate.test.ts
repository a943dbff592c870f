/**
 * KPI 3 — win rate and the leads-needed plan (KPI-SPEC §3 KPI 3, §6 leadConversion /
 * dealsNeeded / leadsNeeded). Reps: ann + bob = East, cid = West. P = 2026-10;
 * trailing window (12 months) = 2025-11 .. 2026-10.
 */
import { describe, expect, test } from 'vitest';
import { TEAMS_CONFIG, csv, report } from './spec.test-helpers.ts';

const DATA = {
  'keepscore.config.json': TEAMS_CONFIG,
  'deals.csv': csv(
    'id,owner,stage,amount,created,close_date',
    'W1,ann,Closed Won,1000,2026-08-01,2026-10-05',
    'W2,ann,Closed Lost,3000,2026-08-01,2026-10-06',
    'W3,bob,Closed Won,500.5,2026-09-01,2026-10-31',
    'W4,bob,Closed Lost,200,2026-09-01,2026-11-01',
    'W5,cid,Closed Lost,400,2026-09-01,2026-10-15',
    'W6,cid,Closed Won,2000,2026-05-01,2026-06-10',
    'W7,cid,Negotiation,9999,2026-09-01,2026-10-20',
    'W8,ann,Closed Won,4000,2025-09-01,2025-10-31',
  ),
  'activities.csv': csv(
    'id,date,owner,type,lead',
    'X1,2026-10-02,ann,call,La',
    'X2,2026-10-03,ann,email,Lb',
    'X3,2026-10-04,ann,call,Lc',
    'X4,2026-10-05,bob,call,Ld',
    'X5,2026-06-01,cid,call,Le',
    'X6,2026-05-01,ann,call,Lf',
    'X7,2026-10-07,bob,email,La',
    'X8,2025-10-15,ann,call,Lg',
  ),
  'quotas.csv': csv('owner,period,amount', 'ann,2026-10,2500', 'bob,2026-Q4,1501.5', 'cid,2026-10,0'),
};
// Closed in October: W1 won 1000 (ann), W2 lost 3000 (ann), W3 won 500.5 (bob, on the last day),
//   W5 lost 400 (cid). W4 closed 11-01, W7 is open.
// Leads with first activity in October: ann La Lb Lc (X7 is bob's later touch of La), bob Ld.
// Window 2025-11..2026-10: won W1 1000, W3 500.5, W6 2000 (W8 closed 2025-10-31: outside);
//   leads ann La Lb Lc Lf (Lg began 2025-10-15: outside), bob Ld, cid Le.
// October quota: ann 2500, bob 1501.5 / 3 = 500.5, cid 0.
describe('win rate, October', async () => {
  const r = await report(DATA, '2026-10', '2026-10-31');

  test('team', () => {
    const w = r.team.winRate;
    expect([w.won, w.lost, w.rate]).toEqual([2, 2, 0.5]);
    expect(w.wonAmount).toBeCloseTo(1500.5, 9);
    expect(w.lostAmount).toBeCloseTo(3400, 9);
    expect(w.valueRate).toBeCloseTo(1500.5 / 4900.5, 12);
    expect(w.leadConversion).toBe(0.5); // 2 won / 4 leads
    expect(w.avgDealSize).toBeCloseTo(3500.5 / 3, 9);
    expect(w.dealsNeeded).toBe(3); // ceil(3000.5 / 1166.83) = ceil(2.57)
    expect(w.leadsNeeded).toBe(6); // trailing 3 won / 6 leads = 0.5 -> ceil(3 / 0.5)
  });

  test('reps', () => {
    expect(r.reps.ann.winRate).toEqual({
      won: 1, lost: 1, rate: 0.5, wonAmount: 1000, lostAmount: 3000, valueRate: 0.25,
      leadConversion: 1 / 3, avgDealSize: 1000,
      dealsNeeded: 3, // ceil(2500 / 1000)
      leadsNeeded: 12, // own trailing conversion 1 won / 4 leads -> ceil(3 / 0.25)
    });
    expect(r.reps.bob.winRate).toEqual({
      won: 1, lost: 0, rate: 1, wonAmount: 500.5, lostAmount: 0, valueRate: 1,
      leadConversion: 1, avgDealSize: 500.5,
      dealsNeeded: 1, // a third of 1501.5 is 500.5: ceil(500.5 / 500.5)
      leadsNeeded: 1, // 1 won / 1 lead
    });
    expect(r.reps.cid.winRate).toEqual({
      won: 0, lost: 1, rate: 0, wonAmount: 0, lostAmount: 400, valueRate: 0,
      leadConversion: null, // no lead began in October
      avgDealSize: 2000, dealsNeeded: 0, // quota 0
      leadsNeeded: null, // dealsNeeded is 0
    });
  });

  test('teams of the config', () => {
    const east = r.teams.East.winRate;
    expect([east.won, east.lost]).toEqual([2, 1]);
    expect(east.rate).toBeCloseTo(2 / 3, 12);
    expect(east.wonAmount).toBeCloseTo(1500.5, 9);
    expect(east.lostAmount).toBe(3000);
    expect(east.valueRate).toBeCloseTo(1500.5 / 4500.5, 12);
    expect(east.leadConversion).toBe(0.5); // 2 won / 4 leads
    expect(east.avgDealSize).toBeCloseTo(750.25, 9);
    expect(east.dealsNeeded).toBe(4); // ceil(3000.5 / 750.25) = ceil(3.9993)
    expect(east.leadsNeeded).toBe(10); // trailing 2 won / 5 leads = 0.4 -> ceil(4 / 0.4)
    expect(r.teams.West.winRate).toEqual(r.reps.cid.winRate);
  });

  test('lagging mirrors: totalSales = wonAmount, won, lost', () => {
    expect(r.team.lagging.totalSales).toBeCloseTo(1500.5, 9);
    expect([r.team.lagging.won, r.team.lagging.lost]).toEqual([2, 2]);
    expect(r.reps.cid.lagging.totalSales).toBe(0);
  });
});

test('November: nothing won; avgDealSize over 2025-12..2026-11', async () => {
  const r = await report(DATA, '2026-11', '2026-11-30');
  // closed in November: W4 lost 200 (bob)
  expect(r.reps.bob.winRate.won).toBe(0);
  expect(r.reps.bob.winRate.lost).toBe(1);
  expect(r.reps.bob.winRate.rate).toBe(0);
  expect(r.reps.bob.winRate.valueRate).toBe(0);
  expect(r.reps.ann.winRate.rate).toBeNull(); // nothing closed
  expect(r.reps.ann.winRate.valueRate).toBeNull();
  expect(r.reps.ann.winRate.leadConversion).toBeNull();
  // bob: quota 500.5 again, avg 500.5 (W3), trailing 1 won / 1 lead
  expect(r.reps.bob.winRate.dealsNeeded).toBe(1);
  expect(r.reps.bob.winRate.leadsNeeded).toBe(1);
  // ann: no November quota -> 0 deals needed; leadsNeeded null
  expect(r.reps.ann.winRate.dealsNeeded).toBe(0);
  expect(r.reps.ann.winRate.leadsNeeded).toBeNull();
});

test('ceilings on exact values: 15000.45 / 5000.15 is 3, not 4', async () => {
  const r = await report({
    'keepscore.config.json': TEAMS_CONFIG,
    'deals.csv': csv('id,owner,stage,amount,created,close_date', 'E1,ann,Closed Won,5000.15,2026-10-01,2026-10-02'),
    'activities.csv': csv('id,date,owner,type,lead', 'A1,2026-10-01,ann,call,L1'),
    'quotas.csv': csv('owner,period,amount', 'ann,2026-10,15000.45'),
  }, '2026-10');
  for (const k of [r.team, r.teams.East, r.reps.ann]) {
    expect(k.winRate.avgDealSize).toBe(5000.15);
    expect(k.winRate.dealsNeeded).toBe(3);
    expect(k.winRate.leadsNeeded).toBe(3); // trailing 1 won / 1 lead
  }
});

describe('dealsNeeded / leadsNeeded nulls', () => {
  test('no won deal in the window: avgDealSize null -> dealsNeeded null, with or without a quota', async () => {
    const r = await report({
      'keepscore.config.json': TEAMS_CONFIG,
      'deals.csv': csv('id,owner,stage,amount,created,close_date', 'N1,bob,Closed Lost,100,2026-10-01,2026-10-02', 'N2,cid,Qualify,100,2026-10-01,2026-12-02'),
      'quotas.csv': csv('owner,period,amount', 'bob,2026-10,1000'),
    }, '2026-10');
    for (const k of [r.reps.bob, r.reps.cid, r.teams.West, r.team]) {
      expect(k.winRate.avgDealSize).toBeNull();
      expect(k.winRate.dealsNeeded).toBeNull();
      expect(k.winRate.leadsNeeded).toBeNull();
    }
  });

  test('average won deal of 0 -> dealsNeeded null', async () => {
    const r = await report({
      'deals.csv': csv('id,owner,stage,amount,created,close_date', 'Z1,ann,Closed Won,0,2026-10-01,2026-10-02'),
      'quotas.csv': csv('owner,period,amount', 'ann,2026-10,1000'),
    }, '2026-10');
    expect(r.reps.ann.winRate.avgDealSize).toBe(0);
    expect(r.reps.ann.winRate.dealsNeeded).toBeNull();
    expect(r.reps.ann.winRate.valueRate).toBeNull(); // 0 / (0 + 0)
    expect(r.reps.ann.winRate.rate).toBe(1);
  });

  test('won deals but no leads in the window: trailing conversion null -> leadsNeeded null', async () => {
    const r = await report({
      'deals.csv': csv('id,owner,stage,amount,created,close_date', 'Y1,ann,Closed Won,500,2026-10-01,2026-10-02'),
      'quotas.csv': csv('owner,period,amount', 'ann,2026-10,1000'),
    }, '2026-10');
    expect(r.reps.ann.winRate.dealsNeeded).toBe(2);
    expect(r.reps.ann.winRate.leadConversion).toBeNull();
    expect(r.reps.ann.winRate.leadsNeeded).toBeNull();
  });
});

test('trailing conversion is pooled over the window (config window 2), not an average of monthly rates', async () => {
  const r = await report({
    'keepscore.config.json': JSON.stringify({ window: 2, teams: { ann: 'East' } }),
    'deals.csv': csv(
      'id,owner,stage,amount,created,close_date',
      'T0,ann,Closed Won,1000,2026-07-01,2026-08-15',
      'T1,ann,Closed Won,5000,2026-08-01,2026-09-10',
    ),
    'activities.csv': csv(
      'id,date,owner,type,lead',
      'A0,2026-08-03,ann,call,L0',
      'A1,2026-09-03,ann,call,L1',
      'A2,2026-10-03,ann,call,L2',
      'A3,2026-10-04,ann,call,L3',
      'A4,2026-10-05,ann,email,L4',
    ),
    'quotas.csv': csv('owner,period,amount', 'ann,2026-10,10000'),
  }, '2026-10');
  // window = 2026-09..2026-10: won T1 (5000) only; leads L1..L4 -> pooled 1/4
  // (the monthly average would be (1/1 + 0/3) / 2 = 0.5 and give 4 leads)
  for (const k of [r.reps.ann, r.teams.East, r.team]) {
    expect(k.winRate.avgDealSize).toBe(5000);
    expect(k.winRate.dealsNeeded).toBe(2);
    expect(k.winRate.leadsNeeded).toBe(8);
    expect(k.winRate.leadConversion).toBe(0); // no won deal closed in October, 3 leads
  }
});

test('the trailing window ends with the last month of P (quarter, ISO week, year)', async () => {
  const ds = {
    'keepscore.config.json': TEAMS_CONFIG,
    'deals.csv': csv(
      'id,owner,stage,amount,created,close_date',
      'V1,ann,Closed Won,1000,2025-11-01,2025-12-15',
      'V2,ann,Closed Won,2000,2026-01-01,2026-11-20',
    ),
    'quotas.csv': csv('owner,period,amount', 'ann,2026-Q4,9000'),
  };
  // 2026-10: window 2025-11..2026-10 -> V1 -> avg 1000; quota 3000 -> 3 deals
  const oct = await report(ds, '2026-10', '2026-12-31');
  expect([oct.reps.ann.winRate.avgDealSize, oct.reps.ann.winRate.dealsNeeded]).toEqual([1000, 3]);
  // 2026-Q4: window 2026-01..2026-12 -> V2 -> avg 2000; quota 9000 -> ceil(4.5) = 5
  const q4 = await report(ds, '2026-Q4', '2026-12-31');
  for (const k of [q4.reps.ann, q4.teams.East, q4.team]) expect([k.winRate.avgDealSize, k.winRate.dealsNeeded]).toEqual([2000, 5]);
  // 2026-W44 (26 Oct..1 Nov) ends in November: window 2025-12..2026-11 -> V1 and V2 -> avg 1500
  expect((await report(ds, '2026-W44', '2026-12-31')).reps.ann.winRate.avgDealSize).toBe(1500);
  // 2026: window 2026-01..2026-12 -> V2; quota 9000 -> 5
  const year = await report(ds, '2026', '2026-12-31');
  expect([year.reps.ann.winRate.avgDealSize, year.reps.ann.winRate.dealsNeeded]).toEqual([2000, 5]);
});
