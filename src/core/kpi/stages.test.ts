/**
 * KPI 2 — stage-to-stage conversion (KPI-SPEC §3 KPI 2, §6 "Stages").
 * Default stages: Qualify(1) Discovery(2) Proposal(3) Negotiation(4), then Closed Won.
 * Reps: ann + bob = East, cid = West.
 */
import { describe, expect, test } from 'vitest';
import { TEAMS_CONFIG, csv, movesOf, report } from './spec.test-helpers.ts';

const t = (from: string, to: string, reached: number, advanced: number, rate: number | null) => ({ from, to, reached, advanced, rate });
const Q = 'Qualify', D = 'Discovery', P = 'Proposal', N = 'Negotiation', W = 'Closed Won';

const DEALS = csv(
  'id,owner,stage,amount,created,close_date,lost_at_stage',
  'S1,ann,Closed Won,1000,2026-10-01,2026-10-20,',
  'S2,ann,Proposal,500,2026-10-02,2026-11-30,',
  'S3,bob,Closed Lost,300,2026-10-03,2026-10-25,Discovery',
  'S4,bob,Closed Lost,200,2026-10-04,2026-10-26,',
  'S5,cid,Qualify,100,2026-10-05,2026-12-01,',
  'S6,cid,Closed Lost,100,2026-10-06,2026-10-27,',
  'S7,ann,Negotiation,100,2026-09-15,2026-11-15,',
);
// History rows of S4 deliberately out of date order in the file.
const HISTORY = csv(
  'deal,stage,entered',
  'S4,Discovery,2026-10-12',
  'S4,Qualify,2026-10-04',
  'S4,Closed Lost,2026-10-26',
  'S4,Proposal,2026-10-10',
  'S5,Qualify,2026-10-05',
  'S5,Negotiation,2026-10-08',
  'S5,Qualify,2026-10-09',
);
const COHORT = { 'keepscore.config.json': TEAMS_CONFIG, 'deals.csv': DEALS, 'stage_history.csv': HISTORY };

// October cohort (created in P): S1..S6 (S7 was created in September).
//   S1 won                                   -> Q D P N Won
//   S2 current Proposal                      -> Q D P
//   S3 lost, lost_at_stage Discovery         -> Q D
//   S4 lost, history entered Proposal        -> Q D P   (by date: Q 10-04, P 10-10, D 10-12, Lost 10-26)
//   S5 open Qualify, history entered Negot.  -> Q D P N (not won: only a won deal reaches won)
//   S6 lost, no lost_at_stage, no history    -> Q (s1)
// team reached: Q 6, D 5, P 4, N 2, Won 1
describe('transitions, October cohort', async () => {
  const r = await report(COHORT, '2026-10', '2026-10-31');

  test('team: rates 5/6, 4/5, 2/4, 1/2; overall 1/6; leak tie 0.5/0.5 -> the earliest (Proposal -> Negotiation)', () => {
    const s = r.team.stages;
    expect(s.transitions).toEqual([t(Q, D, 6, 5, 5 / 6), t(D, P, 5, 4, 0.8), t(P, N, 4, 2, 0.5), t(N, W, 2, 1, 0.5)]);
    expect(s.overall).toBeCloseTo(1 / 6, 12);
    expect(s.leak).toEqual({ from: P, to: N });
  });

  test('reps', () => {
    // ann: S1, S2 -> Q 2, D 2, P 2, N 1, Won 1
    expect(r.reps.ann.stages.transitions).toEqual([t(Q, D, 2, 2, 1), t(D, P, 2, 2, 1), t(P, N, 2, 1, 0.5), t(N, W, 1, 1, 1)]);
    expect(r.reps.ann.stages.overall).toBe(0.5);
    expect(r.reps.ann.stages.leak).toEqual({ from: P, to: N });
    // bob: S3, S4 -> Q 2, D 2, P 1, N 0; the last transition has reached 0 and is no leak candidate
    expect(r.reps.bob.stages.transitions).toEqual([t(Q, D, 2, 2, 1), t(D, P, 2, 1, 0.5), t(P, N, 1, 0, 0), t(N, W, 0, 0, null)]);
    expect(r.reps.bob.stages.overall).toBe(0);
    expect(r.reps.bob.stages.leak).toEqual({ from: P, to: N });
    // cid: S5, S6 -> Q 2, D 1, P 1, N 1, Won 0
    expect(r.reps.cid.stages.transitions).toEqual([t(Q, D, 2, 1, 0.5), t(D, P, 1, 1, 1), t(P, N, 1, 1, 1), t(N, W, 1, 0, 0)]);
    expect(r.reps.cid.stages.overall).toBe(0);
    expect(r.reps.cid.stages.leak).toEqual({ from: N, to: W });
  });

  test('teams of the config', () => {
    // East: S1..S4 -> Q 4, D 4, P 3, N 1, Won 1
    const east = r.teams.East.stages;
    expect(east.transitions).toEqual([t(Q, D, 4, 4, 1), t(D, P, 4, 3, 0.75), t(P, N, 3, 1, 1 / 3), t(N, W, 1, 1, 1)]);
    expect(east.overall).toBe(0.25);
    expect(east.leak).toEqual({ from: P, to: N });
    expect(r.teams.West.stages.transitions).toEqual(r.reps.cid.stages.transitions);
  });

  test('moves in October (all deals): S4 Q->P fwd, P->D back, D->Lost neither; S5 Q->N fwd, N->Q back', () => {
    expect(movesOf(r.team.stages.forward)).toEqual({ [P]: 1, [N]: 1 });
    expect(movesOf(r.team.stages.backward)).toEqual({ [D]: 1, [Q]: 1 });
    expect(movesOf(r.reps.bob.stages.forward)).toEqual({ [P]: 1 });
    expect(movesOf(r.reps.bob.stages.backward)).toEqual({ [D]: 1 });
    expect(movesOf(r.reps.cid.stages.forward)).toEqual({ [N]: 1 });
    expect(movesOf(r.reps.cid.stages.backward)).toEqual({ [Q]: 1 });
    expect(movesOf(r.reps.ann.stages.forward)).toEqual({});
    expect(movesOf(r.teams.East.stages.forward)).toEqual({ [P]: 1 });
    expect(movesOf(r.teams.West.stages.backward)).toEqual({ [Q]: 1 });
  });
});

test('September cohort: S7 (ann, open Negotiation) reaches Negotiation but not won; empty scopes give nulls', async () => {
  const r = await report(COHORT, '2026-09', '2026-10-31');
  const s7 = [t(Q, D, 1, 1, 1), t(D, P, 1, 1, 1), t(P, N, 1, 1, 1), t(N, W, 1, 0, 0)];
  expect(r.team.stages.transitions).toEqual(s7);
  expect(r.reps.ann.stages.transitions).toEqual(s7);
  expect(r.teams.East.stages.transitions).toEqual(s7);
  expect(r.team.stages.overall).toBe(0);
  expect(r.team.stages.leak).toEqual({ from: N, to: W });
  expect(r.reps.bob.stages.transitions).toEqual([t(Q, D, 0, 0, null), t(D, P, 0, 0, null), t(P, N, 0, 0, null), t(N, W, 0, 0, null)]);
  expect(r.reps.bob.stages.overall).toBeNull();
  expect(r.reps.bob.stages.leak).toBeNull();
  expect(movesOf(r.team.stages.forward)).toEqual({});
});

test('without stage_history.csv: forward and backward are {}; S4 falls back to s1, S5 to its current stage', async () => {
  const r = await report({ 'keepscore.config.json': TEAMS_CONFIG, 'deals.csv': DEALS }, '2026-10', '2026-10-31');
  // reached: S1 all, S2 Q-P, S3 Q-D, S4 Q, S5 Q, S6 Q -> Q 6, D 3, P 2, N 1, Won 1
  expect(r.team.stages.transitions).toEqual([t(Q, D, 6, 3, 0.5), t(D, P, 3, 2, 2 / 3), t(P, N, 2, 1, 0.5), t(N, W, 1, 1, 1)]);
  expect(r.team.stages.leak).toEqual({ from: Q, to: D }); // 0.5 ties 0.5: the earliest
  expect(r.team.stages.forward).toEqual({});
  expect(r.team.stages.backward).toEqual({});
  expect(r.reps.bob.stages.forward).toEqual({});
  expect(r.teams.West.stages.backward).toEqual({});
});

// Moves data set: file order matters for same-day rows of one deal.
const MOVES = {
  'keepscore.config.json': TEAMS_CONFIG,
  'deals.csv': csv(
    'id,owner,stage,amount,created,close_date',
    'M1,ann,Closed Won,100,2026-09-01,2026-10-20',
    'M2,bob,Discovery,100,2026-09-01,2026-12-01',
    'M3,bob,Qualify,100,2026-09-01,2026-12-01',
    'M4,cid,Proposal,100,2026-09-01,2026-12-01',
  ),
  'stage_history.csv': csv(
    'deal,stage,entered',
    'M2,Discovery,2026-11-02',
    'M1,Proposal,2026-09-20',
    'M2,Discovery,2026-10-15',
    'M1,Negotiation,2026-10-01',
    'M2,Qualify,2026-10-15',
    'M1,Closed Won,2026-10-20',
    'M3,Closed Lost,2026-10-10',
    'M3,Qualify,2026-10-12',
    'M4,Qualify,2026-10-05',
    'M4,Closed Lost,2026-10-06',
    'M4,Proposal,2026-10-07',
  ),
};
// M1: P(09-20) -> N(10-01) forward N; N -> Won(10-20) forward Won (won included)
// M2 by date, same day in file order: D(10-15), Q(10-15), D(11-02): D->Q backward Q (Oct); Q->D forward D (Nov)
// M3: Lost -> Q: neither.  M4: Q -> Lost, Lost -> P: neither (not a forward move Q -> P either)
describe('forward and backward moves', () => {
  test('October', async () => {
    const r = await report(MOVES, '2026-10', '2026-10-31');
    expect(movesOf(r.team.stages.forward)).toEqual({ [N]: 1, [W]: 1 });
    expect(movesOf(r.team.stages.backward)).toEqual({ [Q]: 1 });
    expect(movesOf(r.reps.ann.stages.forward)).toEqual({ [N]: 1, [W]: 1 });
    expect(movesOf(r.reps.ann.stages.backward)).toEqual({});
    expect(movesOf(r.reps.bob.stages.forward)).toEqual({});
    expect(movesOf(r.reps.bob.stages.backward)).toEqual({ [Q]: 1 });
    expect(movesOf(r.reps.cid.stages.forward)).toEqual({});
    expect(movesOf(r.reps.cid.stages.backward)).toEqual({});
    expect(movesOf(r.teams.East.stages.forward)).toEqual({ [N]: 1, [W]: 1 });
    expect(movesOf(r.teams.East.stages.backward)).toEqual({ [Q]: 1 });
    expect(movesOf(r.teams.West.stages.forward)).toEqual({});
  });

  test('November: the history is not cut at the as-of date (as-of 2026-10-31, move on 11-02)', async () => {
    const r = await report(MOVES, '2026-11', '2026-10-31');
    expect(movesOf(r.team.stages.forward)).toEqual({ [D]: 1 });
    expect(movesOf(r.reps.bob.stages.forward)).toEqual({ [D]: 1 });
    expect(movesOf(r.team.stages.backward)).toEqual({});
  });

  test('September: a first history row is no move', async () => {
    const r = await report(MOVES, '2026-09', '2026-10-31');
    expect(movesOf(r.team.stages.forward)).toEqual({});
    expect(movesOf(r.team.stages.backward)).toEqual({});
  });
});

test('a lost deal whose history enters the won stage does not reach won (project: counts as the last open stage)', async () => {
  const r = await report({
    'deals.csv': csv('id,owner,stage,amount,created,close_date', 'X1,cid,Closed Lost,50,2026-10-07,2026-10-10'),
    'stage_history.csv': csv('deal,stage,entered', 'X1,Qualify,2026-10-07', 'X1,Closed Won,2026-10-09', 'X1,Closed Lost,2026-10-10'),
  }, '2026-10');
  expect(r.reps.cid.stages.transitions).toEqual([t(Q, D, 1, 1, 1), t(D, P, 1, 1, 1), t(P, N, 1, 1, 1), t(N, W, 1, 0, 0)]);
  expect(r.reps.cid.stages.overall).toBe(0);
  // Q -> Won is a forward move into won; Won -> Lost is neither
  expect(movesOf(r.reps.cid.stages.forward)).toEqual({ [W]: 1 });
  expect(movesOf(r.reps.cid.stages.backward)).toEqual({});
});

test('config stages and names are used in order', async () => {
  const config = JSON.stringify({ stages: [{ name: 'Lead' }, { name: 'Demo' }], wonStage: 'Signed', lostStage: 'Dropped' });
  const r = await report({
    'keepscore.config.json': config,
    'deals.csv': csv(
      'id,owner,stage,amount,created,close_date,lost_at_stage',
      'K1,ann,Signed,10,2026-10-01,2026-10-02,',
      'K2,ann,Dropped,10,2026-10-01,2026-10-02,Demo',
      'K3,ann,Lead,10,2026-10-01,2026-12-02,',
    ),
  }, '2026-10');
  // reached: Lead 3, Demo 2 (K1, K2), Signed 1
  expect(r.reps.ann.stages.transitions).toEqual([t('Lead', 'Demo', 3, 2, 2 / 3), t('Demo', 'Signed', 2, 1, 0.5)]);
  expect(r.reps.ann.stages.overall).toBeCloseTo(1 / 3, 12);
  expect(r.reps.ann.stages.leak).toEqual({ from: 'Demo', to: 'Signed' });
});

test('reached takes the furthest of lost_at_stage and history; a lost deal with no open stage anywhere reached s1', async () => {
  const r = await report({
    'keepscore.config.json': TEAMS_CONFIG,
    'deals.csv': csv(
      'id,owner,stage,amount,created,close_date,lost_at_stage',
      'L1,ann,Closed Lost,10,2026-10-01,2026-10-09,Qualify',
      'L2,bob,Closed Lost,10,2026-10-01,2026-10-09,',
      'L3,cid,Closed Lost,10,2026-10-01,2026-10-06,',
    ),
    'stage_history.csv': csv(
      'deal,stage,entered',
      'L1,Proposal,2026-10-05', 'L1,Closed Lost,2026-10-09',
      'L2,Closed Lost,2026-10-09',
      'L3,Discovery,2026-10-02', 'L3,Qualify,2026-10-04', 'L3,Closed Lost,2026-10-06',
    ),
  }, '2026-10', '2026-10-31');
  // L1: lost_at_stage Qualify, but history entered Proposal -> Q D P
  expect(r.reps.ann.stages.transitions).toEqual([t(Q, D, 1, 1, 1), t(D, P, 1, 1, 1), t(P, N, 1, 0, 0), t(N, W, 0, 0, null)]);
  // L2: no lost_at_stage, history has no open stage -> s1 only
  expect(r.reps.bob.stages.transitions).toEqual([t(Q, D, 1, 0, 0), t(D, P, 0, 0, null), t(P, N, 0, 0, null), t(N, W, 0, 0, null)]);
  expect(r.reps.bob.stages.leak).toEqual({ from: Q, to: D });
  // L3: last open stage in history is Qualify, but it entered Discovery -> Q D; D -> Q is a backward move
  expect(r.reps.cid.stages.transitions).toEqual([t(Q, D, 1, 1, 1), t(D, P, 1, 0, 0), t(P, N, 0, 0, null), t(N, W, 0, 0, null)]);
  expect(movesOf(r.teams.West.stages.backward)).toEqual({ [Q]: 1 });
  expect(movesOf(r.team.stages.forward)).toEqual({});
  // team: Q 3, D 2, P 1 -> 2/3, 1/2, 0/1
  expect(r.team.stages.transitions).toEqual([t(Q, D, 3, 2, 2 / 3), t(D, P, 2, 1, 0.5), t(P, N, 1, 0, 0), t(N, W, 0, 0, null)]);
  expect(r.team.stages.overall).toBe(0);
  expect(r.team.stages.leak).toEqual({ from: P, to: N });
  expect(r.teams.East.stages.transitions[0]).toEqual(t(Q, D, 2, 1, 0.5));
});

test('history datetimes (v2.1): same-day rows in time order when each carries a time, else file order; rows after as-of still count', async () => {
  const r = await report({
    'deals.csv': csv('id,owner,stage,amount,created,close_date', 'H1,bob,Qualify,10,2026-10-01,2026-12-01', 'H2,bob,Qualify,10,2026-10-01,2026-12-01'),
    'stage_history.csv': csv(
      'deal,stage,entered',
      'H1,Discovery,2026-10-15T18:00:00',
      'H1,Qualify,2026-10-15T09:00:00',
      'H1,Proposal,2026-11-05',
      'H1,Qualify,2026-11-06',
      // One of the day's rows has no time: the day keeps file order.
      'H2,Discovery,2026-10-16T18:00:00',
      'H2,Qualify,2026-10-16',
    ),
  }, '2026-10', '2026-10-31');
  // H1 on 10-15 by time: Qualify 09:00 then Discovery 18:00 -> forward Discovery; H2 on 10-16 in file order -> backward Qualify
  expect(movesOf(r.reps.bob.stages.forward)).toEqual({ [D]: 1 });
  expect(movesOf(r.reps.bob.stages.backward)).toEqual({ [Q]: 1 });
  // entered Proposal on 11-05, after as-of 10-31: H1 reached Proposal
  expect(r.reps.bob.stages.transitions).toEqual([t(Q, D, 2, 2, 1), t(D, P, 2, 1, 0.5), t(P, N, 1, 0, 0), t(N, W, 0, 0, null)]);
});
