/**
 * KPI 4 — pipeline today vs closed-won vs quota gap (KPI-SPEC §3 KPI 4, §6 "Pipeline").
 * Reps: ann + bob = East, cid = West. Default stages: Qualify 0.1, Discovery 0.25,
 * Proposal 0.5, Negotiation 0.75; coverage threshold 3.
 */
import { describe, expect, test } from 'vitest';
import { TEAMS_CONFIG, csv, report } from './spec.test-helpers.ts';

const DATA = {
  'keepscore.config.json': TEAMS_CONFIG,
  'deals.csv': csv(
    'id,owner,stage,amount,created,close_date',
    'P1,ann,Closed Won,10000,2026-08-01,2026-10-05',
    'P2,ann,Proposal,20000,2026-09-01,2026-10-25',
    'P3,ann,Qualify,5000,2026-09-01,2026-10-10',
    'P4,bob,Negotiation,8000,2026-09-01,2026-09-30',
    'P5,bob,Discovery,4000,2026-10-20,2026-10-30',
    'P6,bob,Closed Lost,3000,2026-08-01,2026-10-03',
    'P7,cid,Discovery,6000,2026-09-01,2026-11-15',
    'P8,cid,Closed Won,1000,2026-08-01,2026-10-12',
  ),
  // ann's two October rows add up to 30000; bob's quarter is 175000/3 a month, exactly
  'quotas.csv': csv('owner,period,amount', 'ann,2026-10,20000', 'ann,2026-10,10000', 'bob,2026-Q4,175000', 'cid,2026-11,2000'),
};
const oa = (count: number, amount: number, weighted: number) => ({ count, amount, weighted });

// October, as-of 2026-10-15:
//   open at as-of with close in October on or after as-of: P2 (20000 x 0.5 = 10000).
//   P3 (closes 10-10) has slipped: overdue, not pipeline (KPI-SPEC v2; v1 counted it).
//   P5 was created 10-20, after as-of: not open. P4 closes in September: not in P, but overdue.
//   overdue (close before 10-15): P3 5000 (ann), P4 8000 (bob).
describe('pipeline, October, as-of 2026-10-15', async () => {
  const r = await report(DATA, '2026-10', '2026-10-15');

  test('ann: two quota rows add up; overdue P3 left out, coverage 20000 / 20000 = 1 < 3 -> create', () => {
    const p = r.reps.ann.pipeline;
    expect([p.quota, p.closedWon, p.gap]).toEqual([30000, 10000, 20000]);
    expect(p.attainment).toBeCloseTo(1 / 3, 12);
    expect(p.open).toEqual(oa(1, 20000, 10000));
    expect(p.openByStage).toEqual({ Proposal: oa(1, 20000, 10000) });
    expect(p.coverage).toBe(1);
    expect(p.overdue).toEqual({ count: 1, amount: 5000 });
    expect(p.focus).toBe('create');
  });

  test('bob: a quarter third is exact (175000/3), not rounded to cents', () => {
    const p = r.reps.bob.pipeline;
    expect(p.quota).toBeCloseTo(175000 / 3, 8);
    expect(Math.abs(p.quota - 58333.33)).toBeGreaterThan(0.003);
    expect(p.closedWon).toBe(0);
    expect(p.gap).toBeCloseTo(175000 / 3, 8);
    expect(p.attainment).toBe(0);
    expect(p.open).toEqual(oa(0, 0, 0));
    expect(p.openByStage).toEqual({});
    expect(p.coverage).toBe(0);
    expect(p.overdue).toEqual({ count: 1, amount: 8000 }); // P4 from September
    expect(p.focus).toBe('create');
  });

  test('cid: quota 0 -> gap 0, attainment null, coverage null, focus done', () => {
    const p = r.reps.cid.pipeline;
    expect([p.quota, p.closedWon, p.gap]).toEqual([0, 1000, 0]);
    expect(p.attainment).toBeNull();
    expect(p.open).toEqual(oa(0, 0, 0)); // P7 closes in November
    expect(p.coverage).toBeNull();
    expect(p.overdue).toEqual({ count: 0, amount: 0 });
    expect(p.focus).toBe('done');
  });

  test('team: quota 30000 + 175000/3 = 265000/3', () => {
    const p = r.team.pipeline;
    expect(p.quota).toBeCloseTo(265000 / 3, 8);
    expect(p.closedWon).toBe(11000);
    expect(p.gap).toBeCloseTo(232000 / 3, 8);
    expect(p.attainment).toBeCloseTo(33 / 265, 12);
    expect(p.open).toEqual(oa(1, 20000, 10000));
    expect(p.openByStage).toEqual({ Proposal: oa(1, 20000, 10000) });
    expect(p.coverage).toBeCloseTo(15 / 58, 12); // 20000 / (232000 / 3)
    expect(p.overdue).toEqual({ count: 2, amount: 13000 });
    expect(p.focus).toBe('create');
  });

  test('teams of the config', () => {
    const east = r.teams.East.pipeline;
    expect(east.quota).toBeCloseTo(265000 / 3, 8);
    expect(east.closedWon).toBe(10000);
    expect(east.gap).toBeCloseTo(235000 / 3, 8);
    expect(east.attainment).toBeCloseTo(6 / 53, 12);
    expect(east.open).toEqual(oa(1, 20000, 10000));
    expect(east.coverage).toBeCloseTo(12 / 47, 12); // 20000 / (235000 / 3)
    expect(east.overdue).toEqual({ count: 2, amount: 13000 });
    expect(east.focus).toBe('create');
    expect(r.teams.West.pipeline).toEqual(r.reps.cid.pipeline);
  });
});

test('October, as-of 2026-10-25: P5 is now open; P2 closing on the as-of date is not overdue and still pipeline', async () => {
  const r = await report(DATA, '2026-10', '2026-10-25');
  expect(r.reps.bob.pipeline.open).toEqual(oa(1, 4000, 1000));
  expect(r.reps.bob.pipeline.openByStage).toEqual({ Discovery: oa(1, 4000, 1000) });
  expect(r.reps.bob.pipeline.coverage).toBeCloseTo(12000 / 175000, 12);
  expect(r.reps.ann.pipeline.overdue).toEqual({ count: 1, amount: 5000 }); // P3 only
  expect(r.reps.ann.pipeline.open).toEqual(oa(1, 20000, 10000)); // P2; P3 is overdue
  expect(r.team.pipeline.open).toEqual(oa(2, 24000, 11000));
  expect(r.team.pipeline.overdue).toEqual({ count: 2, amount: 13000 });
  expect(r.teams.East.pipeline.openByStage).toEqual({ Proposal: oa(1, 20000, 10000), Discovery: oa(1, 4000, 1000) });
});

describe('November, as-of 2026-10-15', async () => {
  const r = await report(DATA, '2026-11', '2026-10-15');

  test('cid: coverage 6000 / 2000 = 3 is not below the threshold -> close', () => {
    const p = r.reps.cid.pipeline;
    expect([p.quota, p.closedWon, p.gap, p.attainment]).toEqual([2000, 0, 2000, 0]);
    expect(p.open).toEqual(oa(1, 6000, 1500));
    expect(p.openByStage).toEqual({ Discovery: oa(1, 6000, 1500) });
    expect(p.coverage).toBe(3);
    expect(p.focus).toBe('close');
    expect(r.teams.West.pipeline.focus).toBe('close');
  });

  test('overdue covers every open deal whatever its period; ann has no November quota -> done', () => {
    expect(r.reps.ann.pipeline.overdue).toEqual({ count: 1, amount: 5000 });
    expect(r.reps.ann.pipeline.quota).toBe(0);
    expect(r.reps.ann.pipeline.focus).toBe('done');
    expect(r.reps.ann.pipeline.open).toEqual(oa(0, 0, 0));
    expect(r.reps.bob.pipeline.overdue).toEqual({ count: 1, amount: 8000 });
    expect(r.team.pipeline.overdue).toEqual({ count: 2, amount: 13000 });
    expect(r.teams.East.pipeline.overdue).toEqual({ count: 2, amount: 13000 });
    expect(r.team.pipeline.quota).toBeCloseTo(175000 / 3 + 2000, 8);
    expect(r.team.pipeline.coverage).toBeCloseTo(6000 / (175000 / 3 + 2000), 12);
  });
});

test('2026-Q4: quarter quota in full, three exact thirds of 175000 add up to 175000', async () => {
  const r = await report(DATA, '2026-Q4', '2026-10-15');
  expect(r.reps.bob.pipeline.quota).toBe(175000);
  expect(r.reps.ann.pipeline.quota).toBe(30000);
  expect(r.reps.cid.pipeline.quota).toBe(2000);
  expect(r.team.pipeline.quota).toBe(207000);
  expect(r.teams.East.pipeline.quota).toBe(205000);
  // cid: closedWon 1000 of 2000, open P7 6000 -> coverage 6000 / 1000 = 6 -> close
  expect(r.reps.cid.pipeline.attainment).toBe(0.5);
  expect(r.reps.cid.pipeline.coverage).toBe(6);
  expect(r.reps.cid.pipeline.focus).toBe('close');
  // team: closedWon 11000, gap 196000, open P2 P7 = 26000 (weighted 10000 + 1500); P3 is overdue
  expect(r.team.pipeline.closedWon).toBe(11000);
  expect(r.team.pipeline.gap).toBe(196000);
  expect(r.team.pipeline.open).toEqual(oa(2, 26000, 11500));
  expect(r.team.pipeline.coverage).toBeCloseTo(26000 / 196000, 12);
  expect(r.team.pipeline.attainment).toBeCloseTo(11000 / 207000, 12);
});

test('focus is done when closed-won meets the quota, even with open pipeline', async () => {
  const r = await report({
    'keepscore.config.json': TEAMS_CONFIG,
    'deals.csv': csv(
      'id,owner,stage,amount,created,close_date',
      'F1,ann,Closed Won,1500,2026-10-01,2026-10-02',
      'F2,ann,Negotiation,100,2026-10-01,2026-10-30',
    ),
    'quotas.csv': csv('owner,period,amount', 'ann,2026-10,1000'),
  }, '2026-10', '2026-10-05');
  for (const k of [r.reps.ann, r.teams.East, r.team]) {
    expect(k.pipeline.gap).toBe(0);
    expect(k.pipeline.attainment).toBe(1.5);
    expect(k.pipeline.coverage).toBeNull();
    expect(k.pipeline.focus).toBe('done');
    expect(k.pipeline.open).toEqual(oa(1, 100, 75));
  }
  // West has no rep with data: quota 0 -> done
  expect(r.teams.West.pipeline.focus).toBe('done');
  expect(r.teams.West.pipeline.quota).toBe(0);
});

test('a rep with only a quota row is listed; month and quarter rows add up; a deal created after as-of is neither open nor overdue', async () => {
  const r = await report({
    'keepscore.config.json': TEAMS_CONFIG,
    'deals.csv': csv(
      'id,owner,stage,amount,created,close_date',
      'R1,ann,Qualify,700,2026-10-20,2026-10-01',
      'R2,bob,Proposal,100,2026-10-01,2026-10-31',
    ),
    'quotas.csv': csv('owner,period,amount', 'bob,2026-10,1000', 'bob,2026-Q4,175000', 'dee,2026-10,500'),
  }, '2026-10', '2026-10-15');
  expect(r.reps.ann.pipeline.open).toEqual(oa(0, 0, 0));
  expect(r.reps.ann.pipeline.overdue).toEqual({ count: 0, amount: 0 });
  expect(r.reps.ann.pipeline.focus).toBe('done');
  expect(r.reps.bob.pipeline.quota).toBeCloseTo(1000 + 175000 / 3, 8);
  expect(r.reps.bob.pipeline.open).toEqual(oa(1, 100, 50));
  expect(Object.keys(r.reps).sort()).toEqual(['ann', 'bob', 'dee']);
  const dee = r.reps.dee.pipeline; // not in any team of the config, but in the team
  expect([dee.quota, dee.closedWon, dee.gap, dee.attainment, dee.coverage, dee.focus]).toEqual([500, 0, 500, 0, 0, 'create']);
  expect(r.teams.East.pipeline.quota).toBeCloseTo(1000 + 175000 / 3, 8);
  expect(r.team.pipeline.quota).toBeCloseTo(1500 + 175000 / 3, 8);
  expect(r.team.pipeline.overdue).toEqual({ count: 0, amount: 0 });
});

test('v2: deals past their close date are overdue, not pipeline, so they no longer lift coverage and focus', async () => {
  const r = await report({
    'keepscore.config.json': TEAMS_CONFIG,
    'deals.csv': csv(
      'id,owner,stage,amount,created,close_date',
      'V1,ann,Negotiation,30000,2026-09-01,2026-10-10', // due in October but slipped: overdue
      'V2,ann,Proposal,5000,2026-09-01,2026-10-28',
    ),
    'quotas.csv': csv('owner,period,amount', 'ann,2026-10,10000'),
  }, '2026-10', '2026-10-20');
  const p = r.reps.ann.pipeline;
  // Under v1 open was 35000 and coverage 3.5 ("close"); now only V2 is pipeline.
  expect(p.open).toEqual(oa(1, 5000, 2500));
  expect(p.openByStage).toEqual({ Proposal: oa(1, 5000, 2500) });
  expect(p.coverage).toBe(0.5);
  expect(p.focus).toBe('create');
  expect(p.overdue).toEqual({ count: 1, amount: 30000 });
  expect(r.reps.ann.outlook.forecast.deals).toBe(1);
  expect(r.reps.ann.outlook.velocity.opportunities).toBe(2); // velocity counts every open deal, overdue included
});

test('weighted pipeline is exact: no float noise from 0.7 or from the even steps i/(n+1) (issue 13, item 8)', async () => {
  // Five stages without probabilities: 1/6 .. 5/6. Summing doubles gave 813499.9999999999 and 52499.99999999999.
  const stages = ['S1', 'S2', 'S3', 'S4', 'S5'].map((name) => ({ name }));
  const r = await report({
    'keepscore.config.json': JSON.stringify({ stages: [...stages.slice(0, 4), { name: 'S5', probability: 0.7 }] }),
    'deals.csv': csv(
      'id,owner,stage,amount,created,close_date',
      'E1,ann,S4,401000,2026-10-01,2026-10-31',
      'E2,ann,S1,449000,2026-10-01,2026-10-31',
      'E3,ann,S4,707000,2026-10-01,2026-10-31',
      'E4,bob,S5,75000,2026-10-01,2026-10-31',
    ),
  }, '2026-10', '2026-10-01');
  // 401000 x 4/6 + 449000 x 1/6 + 707000 x 4/6 = 813500; 75000 x 0.7 = 52500
  expect(r.reps.ann.pipeline.open.weighted).toBe(813500);
  expect(r.reps.bob.pipeline.open.weighted).toBe(52500);
  expect(r.team.pipeline.open.weighted).toBe(866000);
  expect(r.team.pipeline.openByStage.S4.weighted).toBe(2216000 / 3); // 1108000 x 4/6, rounded once
});
