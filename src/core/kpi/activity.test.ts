/**
 * KPI 1 — activity ratios (KPI-SPEC §3 KPI 1, §6 ties / lead ownership / byChannel).
 * Reps: ann + bob = team East, cid = team West. P = 2026-10, as-of 2026-10-31 unless said.
 */
import { describe, expect, test } from 'vitest';
import { NO_CHANNELS, NO_DEALS, TEAMS_CONFIG, ch, csv, report, sourcesOf, src } from './spec.test-helpers.ts';

// Data set A: ties, ownership, source fallback, first meetings.
const A = {
  'keepscore.config.json': TEAMS_CONFIG,
  'deals.csv': NO_DEALS,
  'activities.csv': csv(
    'id,date,owner,type,lead,source,deal,next_step',
    'A-1,2026-10-01,ann,call,L1,referral,,',
    'A-9,2026-10-05,ann,meeting,L1,,,demo 2026-10-12',
    'A-10007,2026-10-05,bob,meeting,L1,,,',
    'B-9,2026-10-02,bob,call,L2,web,,',
    'B-10007,2026-10-02,cid,email,L2,,,',
    'B-2,2026-10-20,cid,meeting,L2,,,   ',
    'C-1,2026-10-10,ann,social,L3,,,',
    'C-2,2026-11-02,ann,meeting,L3,,,call back',
    'D-1,2026-09-20,bob,event,L4,partner,,',
    'D-2,2026-10-14,ann,meeting,L4,,,proposal',
  ),
};
// First meetings (whole data set, ties by plain string id):
//   L1: A-9 and A-10007 both on 10-05; "A-10007" < "A-9" -> A-10007 (bob, no next step)
//   L2: B-2 (cid, 10-20; next_step is blanks -> trimmed -> absent)
//   L3: C-2 (ann, 11-02: after P and after as-of)
//   L4: D-2 (ann, 10-14, next step "proposal")
// First activities: L1 A-1 (ann, referral); L2 tie on 10-02: "B-10007" < "B-9" -> cid,
//   its source empty -> first non-empty in (date,id) order: B-10007 '', B-9 'web' -> web;
//   L3 C-1 (ann, no source anywhere -> unknown); L4 D-1 (bob, partner, September).
// Outreach in October: A-1 ann, B-9 bob, B-10007 cid, C-1 ann (D-1 is September).

describe('activity ratios, data set A (October)', async () => {
  const r = await report(A, '2026-10', '2026-10-31');

  test('team: outreach 4, first meetings L1 L2 L4 = 3, one with a next step', () => {
    const a = r.team.activity;
    expect(a.outreach).toBe(4);
    expect(a.firstMeetings).toBe(3);
    expect(a.outreachPerFirstMeeting).toBeCloseTo(4 / 3, 12);
    expect(a.firstMeetingsWithNextStep).toBe(1);
    expect(a.nextStepRate).toBeCloseTo(1 / 3, 12);
  });

  test('reps: a first meeting counts for the owner of that meeting (tie -> A-10007 is bob\'s)', () => {
    const ann = r.reps.ann.activity; // outreach A-1, C-1; first meeting D-2 (with next step); A-9 is not a first meeting
    expect([ann.outreach, ann.firstMeetings, ann.firstMeetingsWithNextStep]).toEqual([2, 1, 1]);
    expect(ann.outreachPerFirstMeeting).toBe(2);
    expect(ann.nextStepRate).toBe(1);
    const bob = r.reps.bob.activity; // outreach B-9; first meeting of L1 (A-10007), no next step
    expect([bob.outreach, bob.firstMeetings, bob.firstMeetingsWithNextStep]).toEqual([1, 1, 0]);
    expect(bob.outreachPerFirstMeeting).toBe(1);
    expect(bob.nextStepRate).toBe(0);
    const cid = r.reps.cid.activity; // outreach B-10007; first meeting B-2 with a blank next step
    expect([cid.outreach, cid.firstMeetings, cid.firstMeetingsWithNextStep]).toEqual([1, 1, 0]);
    expect(cid.nextStepRate).toBe(0);
  });

  test('teams of the config: East = ann + bob, West = cid', () => {
    const east = r.teams.East.activity; // outreach 3, first meetings 2, one with next step
    expect([east.outreach, east.firstMeetings, east.firstMeetingsWithNextStep]).toEqual([3, 2, 1]);
    expect(east.outreachPerFirstMeeting).toBe(1.5);
    expect(east.nextStepRate).toBe(0.5);
    const west = r.teams.West.activity;
    expect([west.outreach, west.firstMeetings, west.firstMeetingsWithNextStep]).toEqual([1, 1, 0]);
    expect(west.outreachPerFirstMeeting).toBe(1);
  });

  test('bySource: lead owned by its first activity, source fallback, met by anyone, met <= as-of', () => {
    // L1 referral (met 10-05 by bob), L2 web (met 10-20), L3 unknown (meeting 11-02 > as-of)
    expect(sourcesOf(r.team.activity.bySource)).toEqual({ referral: src(1, 1, 1), web: src(1, 1, 1), unknown: src(1, 0, 0) });
    // ann owns L1 and L3; L1's first meeting was held by bob and still counts as met
    expect(sourcesOf(r.reps.ann.activity.bySource)).toEqual({ referral: src(1, 1, 1), unknown: src(1, 0, 0) });
    // bob touched L1 and L2 but owns neither; his L4 began in September
    expect(sourcesOf(r.reps.bob.activity.bySource)).toEqual({});
    // L2 belongs to cid (B-10007 wins the tie), its source is web (from bob's B-9)
    expect(sourcesOf(r.reps.cid.activity.bySource)).toEqual({ web: src(1, 1, 1) });
    expect(sourcesOf(r.teams.East.activity.bySource)).toEqual({ referral: src(1, 1, 1), unknown: src(1, 0, 0) });
    expect(sourcesOf(r.teams.West.activity.bySource)).toEqual({ web: src(1, 1, 1) });
  });

  test('byChannel: the four outreach types always appear', () => {
    // call: A-1 (L1, fm 10-05 >= 10-01), B-9 (L2, fm 10-20 >= 10-02) -> 2 touches, 2 leads, 2 met
    // email: B-10007 (L2) -> met; event: only D-1 in September; social: C-1 (L3, fm after as-of)
    expect(r.team.activity.byChannel).toEqual({ call: ch(2, 2, 2, 1), email: ch(1, 1, 1, 1), event: ch(0, 0, 0, null), social: ch(1, 1, 0, 0) });
    expect(r.reps.ann.activity.byChannel).toEqual({ ...NO_CHANNELS, call: ch(1, 1, 1, 1), social: ch(1, 1, 0, 0) });
    expect(r.reps.bob.activity.byChannel).toEqual({ ...NO_CHANNELS, call: ch(1, 1, 1, 1) });
    expect(r.reps.cid.activity.byChannel).toEqual({ ...NO_CHANNELS, email: ch(1, 1, 1, 1) });
    expect(r.teams.East.activity.byChannel).toEqual({ ...NO_CHANNELS, call: ch(2, 2, 2, 1), social: ch(1, 1, 0, 0) });
    expect(r.teams.West.activity.byChannel).toEqual({ ...NO_CHANNELS, email: ch(1, 1, 1, 1) });
  });
});

describe('activity ratios, data set A in other periods and as-of dates', () => {
  test('September: bob owns L4 (partner), met by ann on 10-14: met counts up to as-of, not the end of P', async () => {
    const r = await report(A, '2026-09', '2026-10-31');
    expect(sourcesOf(r.reps.bob.activity.bySource)).toEqual({ partner: src(1, 1, 1) });
    expect(sourcesOf(r.team.activity.bySource)).toEqual({ partner: src(1, 1, 1) });
    expect(r.team.activity.outreach).toBe(1); // D-1
    expect(r.team.activity.firstMeetings).toBe(0);
    expect(r.team.activity.outreachPerFirstMeeting).toBeNull();
    expect(r.team.activity.nextStepRate).toBeNull();
    // event: D-1 (L4); first meeting 10-14 is after the touch and <= as-of
    expect(r.reps.bob.activity.byChannel.event).toEqual(ch(1, 1, 1, 1));
  });

  test('September with as-of 2026-10-10: L4 not met yet', async () => {
    const r = await report(A, '2026-09', '2026-10-10');
    expect(sourcesOf(r.reps.bob.activity.bySource)).toEqual({ partner: src(1, 0, 0) });
    expect(r.reps.bob.activity.byChannel.event).toEqual(ch(1, 1, 0, 0));
  });

  test('October with as-of 2026-11-30: L3 is met (its first meeting 11-02 is on or before as-of)', async () => {
    const r = await report(A, '2026-10', '2026-11-30');
    expect(sourcesOf(r.reps.ann.activity.bySource)).toEqual({ referral: src(1, 1, 1), unknown: src(1, 1, 1) });
    expect(r.reps.ann.activity.byChannel.social).toEqual(ch(1, 1, 1, 1));
    expect(r.team.activity.firstMeetings).toBe(3); // C-2 is in November, not October
  });

  test('November: the only first meeting is C-2 with a next step; no outreach', async () => {
    const r = await report(A, '2026-11', '2026-11-30');
    expect(r.reps.ann.activity.firstMeetings).toBe(1);
    expect(r.reps.ann.activity.firstMeetingsWithNextStep).toBe(1);
    expect(r.reps.ann.activity.outreachPerFirstMeeting).toBe(0);
    expect(r.team.activity.byChannel).toEqual(NO_CHANNELS);
  });
});

// Data set B: byChannel "first c-touch in P" of the scope's own activities.
const B = {
  'keepscore.config.json': TEAMS_CONFIG,
  'deals.csv': NO_DEALS,
  'activities.csv': csv(
    'id,date,owner,type,lead',
    'E-1,2026-09-30,ann,meeting,M1',
    'E-2,2026-10-03,ann,call,M1',
    'E-3,2026-10-02,bob,email,M2',
    'E-4,2026-10-09,ann,email,M2',
    'E-5,2026-10-06,bob,meeting,M2',
    'E-6,2026-10-07,ann,social,M3',
    'E-7,2026-10-07,cid,meeting,M3',
    'E-8,2026-09-25,bob,call,M4',
    'E-9,2026-10-01,cid,meeting,M4',
    'E-10,2026-10-04,bob,call,M4',
  ),
};
// First meetings: M1 09-30, M2 10-06, M3 10-07, M4 10-01.
// team  call : E-2 (M1 10-03: fm 09-30 before -> no), E-10 (M4: first call in P 10-04, fm 10-01 before -> no;
//              the September call E-8 does not count) -> 2 touches, 2 leads, 0 met
// team  email: E-3 (M2 10-02), E-4 (M2 10-09) -> 2 touches, 1 lead, first email in P 10-02 <= fm 10-06 -> met
// team social: E-6 (M3 10-07), fm 10-07 same day -> met
// ann   email: own first email-touch of M2 is E-4 (10-09) > fm 10-06 -> not met
describe('byChannel, data set B (October, as-of 2026-10-31)', async () => {
  const r = await report(B, '2026-10', '2026-10-31');

  test('team', () => {
    expect(r.team.activity.byChannel).toEqual({ call: ch(2, 2, 0, 0), email: ch(2, 1, 1, 1), event: ch(0, 0, 0, null), social: ch(1, 1, 1, 1) });
    expect(r.team.activity.outreach).toBe(5); // E-2, E-3, E-4, E-6, E-10
    expect(r.team.activity.firstMeetings).toBe(3); // M2 (bob), M3 (cid), M4 (cid); M1 was in September
  });

  test('reps use their own first c-touch', () => {
    expect(r.reps.ann.activity.byChannel).toEqual({ call: ch(1, 1, 0, 0), email: ch(1, 1, 0, 0), event: ch(0, 0, 0, null), social: ch(1, 1, 1, 1) });
    expect(r.reps.bob.activity.byChannel).toEqual({ call: ch(1, 1, 0, 0), email: ch(1, 1, 1, 1), event: ch(0, 0, 0, null), social: ch(0, 0, 0, null) });
    expect(r.reps.cid.activity.byChannel).toEqual(NO_CHANNELS); // meetings only: zeros and null rates
    expect(r.reps.cid.activity.outreach).toBe(0);
    expect(r.reps.cid.activity.firstMeetings).toBe(2);
    expect(r.reps.cid.activity.outreachPerFirstMeeting).toBe(0);
  });

  test('teams of the config', () => {
    // East email: E-3 and E-4 on one lead; East's first email-touch is bob's 10-02 -> met
    expect(r.teams.East.activity.byChannel).toEqual({ call: ch(2, 2, 0, 0), email: ch(2, 1, 1, 1), event: ch(0, 0, 0, null), social: ch(1, 1, 1, 1) });
    expect(r.teams.West.activity.byChannel).toEqual(NO_CHANNELS);
  });

  test('bySource: every lead is unknown; owners by first activity (M1 ann, M2 bob, M3 ann, M4 bob)', () => {
    // October first activities: M2 (E-3 bob), M3 (E-6 ann, tie 10-07: "E-6" < "E-7"); M1 and M4 began in September
    expect(sourcesOf(r.team.activity.bySource)).toEqual({ unknown: src(2, 2, 1) });
    expect(sourcesOf(r.reps.ann.activity.bySource)).toEqual({ unknown: src(1, 1, 1) });
    expect(sourcesOf(r.reps.bob.activity.bySource)).toEqual({ unknown: src(1, 1, 1) });
    expect(sourcesOf(r.reps.cid.activity.bySource)).toEqual({});
  });
});

test('without activities.csv KPI 1 has no data: zeros and nulls', async () => {
  const r = await report({ 'deals.csv': csv('id,owner,stage,amount,created,close_date', 'D1,ann,Qualify,10,2026-10-01,2026-11-01') }, '2026-10');
  expect(r.reps.ann.activity).toEqual({
    outreach: 0, firstMeetings: 0, outreachPerFirstMeeting: null, firstMeetingsWithNextStep: 0, nextStepRate: null,
    bySource: {}, byChannel: NO_CHANNELS,
  });
});

test('an "other" activity is no outreach but can make the lead its owner\'s; headers are case-insensitive, values trimmed', async () => {
  const r = await report({
    'keepscore.config.json': TEAMS_CONFIG,
    'deals.csv': NO_DEALS,
    'activities.csv': csv(
      ' ID ,Date,OWNER,Type, Lead ,Source,Mood',
      'O-1,2026-10-01,cid,other,L9,,happy',
      'O-2,2026-10-02, ann ,call,L9, Web ,',
      'O-3,2026-10-03,ann,meeting,L9,,',
    ),
  }, '2026-10', '2026-10-31');
  // L9: first activity O-1 (cid, other, no source) -> cid's, source "Web" from O-2; met 10-03 by ann
  expect(sourcesOf(r.reps.cid.activity.bySource)).toEqual({ Web: src(1, 1, 1) });
  expect(sourcesOf(r.teams.West.activity.bySource)).toEqual({ Web: src(1, 1, 1) });
  expect(sourcesOf(r.reps.ann.activity.bySource)).toEqual({});
  expect(r.reps.cid.activity.outreach).toBe(0);
  expect(r.reps.ann.activity.outreach).toBe(1);
  expect(r.team.activity.outreach).toBe(1);
  expect(r.reps.ann.activity.byChannel.call).toEqual(ch(1, 1, 1, 1));
  expect(r.reps.ann.activity.firstMeetings).toBe(1);
  expect(r.teams.East.activity.outreachPerFirstMeeting).toBe(1);
});

test('a datetime counts by its date only: same-day ties go by id, not by time of day', async () => {
  const r = await report({
    'keepscore.config.json': TEAMS_CONFIG,
    'deals.csv': NO_DEALS,
    'activities.csv': csv(
      'id,date,owner,type,lead,source,deal,next_step',
      'A-2,2026-10-05T08:00:00,bob,call,L1,web,,',
      'A-10,2026-10-05T17:00:00,cid,email,L1,,,',
      'M-2,2026-10-06T08:00:00,bob,meeting,L1,,,',
      'M-10,2026-10-06T17:00:00,ann,meeting,L1,,,next week',
    ),
  }, '2026-10', '2026-10-31');
  // first activity: "A-10" < "A-2" -> cid's lead (source from A-2: web); first meeting "M-10" < "M-2" -> ann's
  expect(sourcesOf(r.reps.cid.activity.bySource)).toEqual({ web: src(1, 1, 1) });
  expect(sourcesOf(r.reps.bob.activity.bySource)).toEqual({});
  expect([r.reps.ann.activity.firstMeetings, r.reps.ann.activity.firstMeetingsWithNextStep]).toEqual([1, 1]);
  expect(r.reps.bob.activity.firstMeetings).toBe(0);
  expect(r.teams.East.activity.nextStepRate).toBe(1);
});
