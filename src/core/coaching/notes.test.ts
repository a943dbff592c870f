import { describe, expect, it } from 'vitest';
import { kpis, type MonthNumbers } from './fixtures.test-helpers.ts';
import { coachingNotes, leakCause, type CoachInput } from './notes.ts';
import { activityPlan } from './plan.ts';
import { pool } from './pool.ts';

/** Twelve complete months with the same numbers. */
function year(n: MonthNumbers) {
  return pool(Array.from({ length: 12 }, (_, i) => ({ period: `2026-${i + 1}`, complete: true, kpis: kpis(n) })));
}

const TEAM = year({ outreach: 800, firstMeetings: 100, withNextStep: 70, leads: 400, won: 20, lost: 60, wonAmount: 100_000, reached: [100, 60, 40, 25, 20] });

function input(rep: MonthNumbers, current: MonthNumbers = {}, quota = 25_000): CoachInput {
  const pooled = year(rep);
  const plan = activityPlan({
    quota,
    avgDealSize: pooled.won ? pooled.wonAmount / pooled.won : null,
    leadConversion: pooled.leadConversion,
    winsPerFirstMeeting: pooled.winsPerFirstMeeting,
    outreachPerFirstMeeting: pooled.outreachPerFirstMeeting,
    overall: pooled.overall,
  });
  return { current: kpis(current), pooled, team: TEAM, plan, coverageThreshold: 3 };
}

describe('leakCause', () => {
  it("maps the funnel's place to the article's causes", () => {
    expect([0, 1, 2, 3].map((i) => leakCause(i, 4))).toEqual(['qualification', 'nextStep', 'decisionMaker', 'negotiation']);
    expect([0, 1, 2].map((i) => leakCause(i, 3))).toEqual(['qualification', 'decisionMaker', 'negotiation']);
    expect(leakCause(0, 1)).toBe('negotiation');
  });
});

describe('coachingNotes', () => {
  // A rep a month: 10 first meetings (7 with a next step), 80 outreach, 2 wins of 5 000 from 8 closed,
  // 10 deals created of which 6 reach Discovery, 2 Proposal, 2 Negotiation, 2 won.
  const rep: MonthNumbers = { outreach: 80, firstMeetings: 10, withNextStep: 7, leads: 40, won: 2, lost: 6, wonAmount: 10_000, reached: [10, 6, 2, 2, 2] };

  it('finds the leak, names its cause and cites the numbers against the team', () => {
    const [leak] = coachingNotes(input(rep)).filter((n) => n.kind === 'leak');
    // Pooled: Discovery -> Proposal 24 of 72 = 33 %; the team 40 of 60 = 67 %: 10+ points behind.
    expect(leak).toMatchObject({ kind: 'leak', severity: 'act', cause: 'nextStep', months: 12, transition: { from: 'Discovery', to: 'Proposal', reached: 72, advanced: 24 } });
    expect(leak.kind === 'leak' && leak.teamRate).toBeCloseTo(40 / 60, 12);
  });

  it("says when first meetings fall short of the plan for the quota", () => {
    // Quota 25 000 / 5 000 = 5 deals; 24 wins from 120 first meetings -> 25 first meetings; held 10 a month.
    const notes = coachingNotes(input(rep));
    expect(notes.find((n) => n.kind === 'fewFirstMeetings')).toEqual({ kind: 'fewFirstMeetings', severity: 'act', heldPerMonth: 10, neededPerMonth: 25, neededPerWeek: 6 });
    expect(coachingNotes(input(rep, {}, 10_000)).some((n) => n.kind === 'fewFirstMeetings')).toBe(false); // 2 deals -> 10 meetings
  });

  it('flags a next-step rate below half (act), or behind the team by the status rule: 5+ points watch, 15+ act', () => {
    const low = coachingNotes(input({ ...rep, withNextStep: 4 })).find((n) => n.kind === 'lowNextStep');
    expect(low).toMatchObject({ severity: 'act', withNextStep: 48, firstMeetings: 120, rate: 0.4, teamRate: 0.7 });
    const severity = (withNextStep: number) => coachingNotes(input({ ...rep, withNextStep })).find((n) => n.kind === 'lowNextStep')?.severity;
    expect(severity(6)).toBe('watch'); // 60 % vs 70 %: 10 points behind
    expect(severity(5)).toBe('act'); // 50 % vs 70 %: 20 points behind
    expect(severity(7)).toBeUndefined(); // 70 % = the team
  });

  it('turns KPI 4 into build pipeline / close what you have / quota reached, and flags overdue deals', () => {
    const thin = coachingNotes(input(rep, { pipeline: { quota: 25_000, closedWon: 5_000, gap: 20_000, coverage: 1.5, open: { count: 3, amount: 30_000, weighted: 9_000 }, focus: 'create', overdue: { count: 2, amount: 7_000 } } }));
    // To reach 3x the 20 000 gap: 60 000 of pipeline, 30 000 more than the 30 000 open.
    expect(thin.find((n) => n.kind === 'thinPipeline')).toEqual({ kind: 'thinPipeline', severity: 'act', open: 30_000, gap: 20_000, coverage: 1.5, threshold: 3, toCreate: 30_000 });
    expect(thin.find((n) => n.kind === 'overdue')).toEqual({ kind: 'overdue', severity: 'act', count: 2, amount: 7_000, open: 0 });
    const close = coachingNotes(input(rep, { pipeline: { quota: 25_000, gap: 10_000, coverage: 4, open: { count: 4, amount: 40_000, weighted: 20_000 }, focus: 'close' } }));
    expect(close.find((n) => n.kind === 'closeWhatYouHave')).toMatchObject({ severity: 'good', coverage: 4 });
    const done = coachingNotes(input(rep, { pipeline: { quota: 25_000, closedWon: 30_000, focus: 'done' } }));
    expect(done.find((n) => n.kind === 'quotaReached')).toEqual({ kind: 'quotaReached', severity: 'good', quota: 25_000, closedWon: 30_000 });
    expect(coachingNotes(input(rep)).some((n) => n.kind === 'noQuota')).toBe(true);
  });

  it('puts notes to act on first and warns when too few deals closed to judge', () => {
    const notes = coachingNotes(input({ ...rep, won: 0, lost: 0, wonAmount: 0 }));
    expect(notes.find((n) => n.kind === 'fewClosed')).toEqual({ kind: 'fewClosed', severity: 'watch', closed: 0, months: 12 });
    const order = notes.map((n) => n.severity);
    expect(order).toEqual([...order].sort((a, b) => ['act', 'watch', 'good'].indexOf(a) - ['act', 'watch', 'good'].indexOf(b)));
  });

  it('flags overdue and stale deals by the status rule: up to a tenth of the open deals watch, more act', () => {
    const deals = (openDeals: number) =>
      coachingNotes(input(rep, { openDeals, stale: { count: 3, amount: 9_000 }, pipeline: { overdue: { count: 2, amount: 7_000 } } }))
        .filter((n) => n.kind === 'overdue' || n.kind === 'stale')
        .map((n) => `${n.kind} ${n.severity}`);
    expect(deals(30)).toEqual(['stale watch', 'overdue watch']); // 3 and 2 of 30: within a tenth; the larger share first
    expect(deals(20)).toEqual(['stale act', 'overdue watch']); // 3 of 20 is over a tenth: act
  });

  it('orders notes by severity, then by how far each falls short, whatever its KPI', () => {
    // 8 overdue deals of 20 open (40 % short) outrank a leak of 50 % against the team's 67 % (25 % short).
    const behind: MonthNumbers = { ...rep, reached: [10, 6, 3, 2, 2] };
    const notes = coachingNotes(input(behind, { openDeals: 20, pipeline: { quota: 0, overdue: { count: 8, amount: 520_000 } } }, 0));
    expect(notes.map((n) => `${n.kind} ${n.severity}`)).toEqual(['overdue act', 'leak act', 'noQuota watch']);
    expect(notes[0]).toMatchObject({ kind: 'overdue', count: 8, amount: 520_000 });
  });

  it('leaves the pipeline out of the notes of a period that is over', () => {
    const over = coachingNotes({ ...input(rep, { openDeals: 20, pipeline: { quota: 25_000, gap: 20_000, coverage: 0, focus: 'create', overdue: { count: 8, amount: 1 } } }), running: false });
    expect(over.filter((n) => ['thinPipeline', 'overdue', 'stale', 'noQuota'].includes(n.kind))).toEqual([]);
    expect(over.some((n) => n.kind === 'leak')).toBe(true);
  });

  it('says there is no activity data instead of judging meetings', () => {
    const notes = coachingNotes(input({ won: 5, lost: 10, wonAmount: 25_000, reached: [10, 8, 6, 5, 5] }));
    expect(notes.filter((n) => n.kind === 'noActivity' || n.kind === 'fewFirstMeetings' || n.kind === 'lowNextStep').map((n) => n.kind)).toEqual(['noActivity']);
  });

  it('stays quiet about a leak that rests on fewer than 5 deals', () => {
    const notes = coachingNotes({ ...input(rep), pooled: pool([{ period: '2026-10', complete: true, kpis: kpis({ ...rep, reached: [4, 2, 1, 1, 1] }) }]) });
    expect(notes.some((n) => n.kind === 'leak')).toBe(false);
  });
});
