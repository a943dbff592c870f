/**
 * Stale deals (KPI-SPEC §7): open at as-of and untouched for longer than
 * the stage's staleDays (else the config's). Here staleDays is 10, and 3 for
 * Proposal; as-of 2026-10-20. ann + bob = East, cid = West.
 */
import { describe, expect, test } from 'vitest';
import { csv, report } from './spec.test-helpers.ts';

const CONFIG = JSON.stringify({
  teams: { ann: 'East', bob: 'East', cid: 'West' },
  staleDays: 10,
  stages: [
    { name: 'Qualify', probability: 0.1 },
    { name: 'Discovery', probability: 0.25 },
    { name: 'Proposal', probability: 0.5, staleDays: 3 },
    { name: 'Negotiation', probability: 0.75 },
  ],
});

const DATA = {
  'keepscore.config.json': CONFIG,
  'deals.csv': csv(
    'id,owner,stage,amount,created,close_date',
    'S1,ann,Qualify,100,2026-10-10,2026-10-31', // created 10 days ago: not more than 10
    'S2,ann,Qualify,200,2026-10-09,2026-09-30', // created 11 days ago: stale (and overdue)
    'S3,ann,Discovery,300,2026-09-01,2026-10-31', // entered Discovery 10-12: 8 days
    'S4,ann,Discovery,400,2026-09-01,2026-10-31', // last entry on or before as-of 09-05: stale
    'S5,ann,Negotiation,500,2026-09-01,2026-10-31', // a linked call 10-15: 5 days
    'S6,ann,Negotiation,600,2026-09-01,2026-10-31', // its only activity is after as-of: stale
    'S7,ann,Proposal,700,2026-10-16,2026-10-31', // 4 days > Proposal's own 3: stale
    'S8,ann,Proposal,800,2026-10-17,2026-10-31', // 3 days: not more than 3
    'S9,ann,Qualify,900,2026-10-01,2026-12-31', // 19 days, due in December: stale whatever the close date
    'S10,ann,Closed Won,1000,2026-01-01,2026-02-01', // closed: never stale
    'S11,ann,Qualify,1100,2026-10-25,2026-10-31', // created after as-of: not open
    'B1,bob,Qualify,50,2026-01-01,2026-10-31',
    'C1,cid,Discovery,70,2026-10-15,2026-10-31',
  ),
  'stage_history.csv': csv(
    'deal,stage,entered',
    'S3,Qualify,2026-09-01',
    'S3,Discovery,2026-10-12',
    'S4,Qualify,2026-09-05',
    'S4,Discovery,2026-10-25',
  ),
  'activities.csv': csv(
    'id,date,owner,type,lead,deal',
    'A1,2026-10-15,ann,call,L1,S5',
    'A2,2026-10-30,ann,call,L2,S6',
    'A3,2026-10-19,bob,email,L3,',
  ),
};

describe('stale deals, as-of 2026-10-20', async () => {
  const r = await report(DATA, '2026-10', '2026-10-20');

  test('ann: S2 (from created), S4 (from a stage entry), S6 (no activity by as-of), S7 (per-stage limit), S9', () => {
    expect(r.reps.ann.outlook.stale).toEqual({ count: 5, amount: 2800 });
  });

  test('an activity not linked to the deal does not touch it', () => {
    expect(r.reps.bob.outlook.stale).toEqual({ count: 1, amount: 50 });
    expect(r.reps.cid.outlook.stale).toEqual({ count: 0, amount: 0 });
  });

  test('teams and the whole team add up, and the period does not matter', async () => {
    expect(r.teams.East.outlook.stale).toEqual({ count: 6, amount: 2850 });
    expect(r.teams.West.outlook.stale).toEqual({ count: 0, amount: 0 });
    expect(r.team.outlook.stale).toEqual({ count: 6, amount: 2850 });
    const december = await report(DATA, '2026-12', '2026-10-20');
    expect(december.team.outlook.stale).toEqual(r.team.outlook.stale);
  });

  test('a later as-of: S1 passes 10 days; once as-of reaches it, the history entry of 10-25 counts for S4', async () => {
    const later = await report(DATA, '2026-10', '2026-10-23');
    // now also S1 (13 days), S3 (11 days since 10-12), S8 (6 days > 3); S5 8 days is not
    expect(later.reps.ann.outlook.stale).toEqual({ count: 8, amount: 4000 });
    const after = await report(DATA, '2026-10', '2026-10-26');
    // S4 entered Discovery 10-25 (1 day) drops out, S5 (11 days) comes in; S11 is open but 1 day old
    expect(after.reps.ann.outlook.stale).toEqual({ count: 8, amount: 4100 });
  });
});
