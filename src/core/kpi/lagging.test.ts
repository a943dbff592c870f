/**
 * Lagging indicators (KPI-SPEC §3 "Lagging indicators", §6 "Lagging").
 * customers = distinct accounts with a won deal closed on or before the end of P,
 * less those churned by then; churnRate = accounts churned in P / customers at the
 * start of P (= as of the end of the day before P). Reps: ann + bob = East, cid = West.
 */
import { describe, expect, test } from 'vitest';
import { TEAMS_CONFIG, csv, report } from './spec.test-helpers.ts';

const DEALS = csv(
  'id,account,owner,stage,amount,created,close_date',
  'G1,Acme,ann,Closed Won,100,2026-01-01,2026-03-01',
  'G2,Acme,ann,Closed Won,200,2026-01-01,2026-10-05',
  'G3,Beta,bob,Closed Won,300,2026-01-01,2026-05-01',
  'G4,Gamma,bob,Closed Won,400,2026-01-01,2026-04-01',
  'G5,Delta,cid,Closed Won,500,2026-01-01,2026-10-20',
  'G6,Eps,cid,Closed Won,600,2026-01-01,2026-11-02',
  'G7,,cid,Closed Won,700,2026-01-01,2026-06-01',
  'G8,Zeta,ann,Closed Lost,50,2026-01-01,2026-10-10',
  'G9,Zeta,ann,Negotiation,999,2026-01-01,2026-10-28',
);
// Beta is listed twice: it churned on its earliest date, 10-15 (the later row comes first).
// Omega never had a won deal: its churn changes nothing.
const CUSTOMERS = csv(
  'account,churned',
  'Beta,2026-12-01',
  'Gamma,2026-09-15',
  'Beta,2026-10-15',
  'Delta,2026-10-25',
  'Acme,2026-11-20',
  'Omega,2026-10-05',
);
const DATA = { 'keepscore.config.json': TEAMS_CONFIG, 'deals.csv': DEALS, 'customers.csv': CUSTOMERS };
const lag = (totalSales: number, won: number, lost: number, customers: number, churnRate: number | null) =>
  ({ totalSales, won, lost, customers, churnRate });

// October:
//   won by 10-31: Acme (G1, G2), Beta, Gamma, Delta (G7 has no account; Eps closes 11-02; Zeta only lost/open)
//   churned by 10-31: Gamma 09-15, Beta 10-15, Delta 10-25 -> customers: Acme = 1
//   start of October (end of 09-30): Acme, Beta (Gamma churned 09-15; Delta not yet won) = 2
//   churned in October among them: Beta -> churnRate 1/2 (Delta was not a customer at the start)
//   sales closed in October: G2 200 (ann), G5 500 (cid); lost G8 (ann)
describe('October', async () => {
  const r = await report(DATA, '2026-10', '2026-10-31');
  test('team', () => expect(r.team.lagging).toEqual(lag(700, 2, 1, 1, 0.5)));
  test('reps', () => {
    expect(r.reps.ann.lagging).toEqual(lag(200, 1, 1, 1, 0)); // Acme: customer at start, not churned in October
    expect(r.reps.bob.lagging).toEqual(lag(0, 0, 0, 0, 1)); // start: Beta (Gamma gone); Beta churns 10-15
    expect(r.reps.cid.lagging).toEqual(lag(500, 1, 0, 0, null)); // no customer at the start: null, not 0
  });
  test('teams of the config', () => {
    expect(r.teams.East.lagging).toEqual(lag(200, 1, 1, 1, 0.5)); // start Acme + Beta, Beta churns
    expect(r.teams.West.lagging).toEqual(lag(500, 1, 0, 0, null));
  });
});

// November:
//   won by 11-30 adds Eps (G6 600); churned by 11-30 adds Acme (11-20) -> customers: Eps = 1
//   start of November: Acme = 1; Acme churns 11-20 -> churnRate 1
describe('November', async () => {
  const r = await report(DATA, '2026-11', '2026-11-30');
  test('team', () => expect(r.team.lagging).toEqual(lag(600, 1, 0, 1, 1)));
  test('reps and teams', () => {
    expect(r.reps.ann.lagging).toEqual(lag(0, 0, 0, 0, 1));
    expect(r.reps.bob.lagging).toEqual(lag(0, 0, 0, 0, null));
    expect(r.reps.cid.lagging).toEqual(lag(600, 1, 0, 1, null)); // Delta was gone by 10-25
    expect(r.teams.East.lagging).toEqual(lag(0, 0, 0, 0, 1));
    expect(r.teams.West.lagging).toEqual(lag(600, 1, 0, 1, null));
  });
});

test('2026-Q3: start = end of 06-30 (Acme, Beta, Gamma); Gamma churns 09-15', async () => {
  const r = await report(DATA, '2026-Q3', '2026-10-31');
  // end of Q3: Acme, Beta (Gamma churned) = 2; no sale closed in Q3
  expect(r.team.lagging.customers).toBe(2);
  expect(r.team.lagging.churnRate).toBeCloseTo(1 / 3, 12);
  expect(r.team.lagging.totalSales).toBe(0);
  expect(r.reps.bob.lagging.customers).toBe(1);
  expect(r.reps.bob.lagging.churnRate).toBe(0.5);
  expect(r.reps.ann.lagging.churnRate).toBe(0);
  expect(r.reps.cid.lagging.customers).toBe(0); // G7 (June) has no account
  expect(r.teams.East.lagging.churnRate).toBeCloseTo(1 / 3, 12);
  expect(r.teams.West.lagging.churnRate).toBeNull();
});

test('year 2026: no customer at the start of the year -> churnRate null', async () => {
  const r = await report(DATA, '2026', '2026-10-31');
  // sales of 2026: 100 + 200 + 300 + 400 + 500 + 600 + 700 = 2800; customers at year end: Eps
  expect(r.team.lagging).toEqual(lag(2800, 7, 1, 1, null));
  expect(r.reps.cid.lagging).toEqual(lag(1800, 3, 0, 1, null));
});

test('without customers.csv churnRate is null and nobody is churned', async () => {
  const r = await report({ 'keepscore.config.json': TEAMS_CONFIG, 'deals.csv': DEALS }, '2026-10', '2026-10-31');
  // customers by 10-31: Acme, Beta, Gamma, Delta
  expect(r.team.lagging).toEqual(lag(700, 2, 1, 4, null));
  expect(r.reps.ann.lagging).toEqual(lag(200, 1, 1, 1, null));
  expect(r.reps.bob.lagging).toEqual(lag(0, 0, 0, 2, null));
  expect(r.teams.East.lagging).toEqual(lag(200, 1, 1, 3, null));
  expect(r.teams.West.lagging).toEqual(lag(500, 1, 0, 1, null));
});

test('an account won by two reps is one customer of the team', async () => {
  const r = await report({
    'keepscore.config.json': TEAMS_CONFIG,
    'deals.csv': csv(
      'id,account,owner,stage,amount,created,close_date',
      'H1,Acme,ann,Closed Won,10,2026-09-01,2026-09-02',
      'H2,Acme,bob,Closed Won,10,2026-09-01,2026-10-02',
      'H3,Acme,cid,Closed Won,10,2026-09-01,2026-10-03',
    ),
    'customers.csv': csv('account,churned', 'Acme,2026-10-20'),
  }, '2026-10', '2026-10-31');
  // team: start Acme (H1) -> churned 10-20 -> rate 1; customers at end 0
  expect(r.team.lagging.churnRate).toBe(1);
  expect(r.team.lagging.customers).toBe(0);
  expect(r.reps.ann.lagging.churnRate).toBe(1);
  expect(r.reps.bob.lagging.churnRate).toBeNull(); // bob's Acme win is in October: not a customer at the start
  expect(r.teams.East.lagging.churnRate).toBe(1);
  expect(r.teams.West.lagging.churnRate).toBeNull();
});
