/**
 * Coaching notes: pure rules over a scope's numbers that say what to work
 * on, in the article's terms. Each note carries the numbers it rests on;
 * words.ts turns it into sentences. Rules and thresholds:
 *
 * - leak: the pooled transition with the lowest rate (as KPI 2 picks it),
 *   once at least SMALL.cases deals reached it. Its place in the funnel
 *   names the usual cause (the article: "not qualifying enough, not
 *   proposing the right next step, not reaching the decision maker and/or
 *   negotiating poorly"): the first step -> qualification, the last ->
 *   negotiation, the one before the last -> the decision maker, any other
 *   -> the next step. "act" when 10+ points below the whole team.
 * - too few first meetings: the complete months' average is below what the
 *   plan needs for this month's quota.
 * - low next-step rate: below 50 %, or behind the whole team by the status
 *   rule of status.ts (amber: "watch", red: "act").
 * - pipeline: KPI 4's focus as read by `focusOf` (thin pipeline -> build;
 *   enough -> close; quota reached; no quota).
 * - overdue and stale deals, by the status rule of status.ts (amber: "watch",
 *   red: "act"); too few closed deals to judge; no activity data.
 *
 * Order: notes to act on first, then those to watch, then good news; within
 * each, the number that falls furthest short of its mark first (its
 * `shortfall`, 0–1: how far below the team, the threshold or the plan; the
 * share of open deals overdue), so 8 overdue deals of 20 outrank a leak a
 * few points behind the team.
 */
import type { Kpis } from '../schema/kpiReport.ts';
import { focusOf } from '../schema/metric.ts';
import { SMALL } from '../smallNumbers.ts';
import type { Plan } from './plan.ts';
import type { Pooled, PooledTransition } from './pool.ts';
import { dealsStatus, nextStepStatus, type Level } from './status.ts';

/** Below this share of first meetings with a next step, the next step is the thing to fix. */
export const NEXT_STEP_FLOOR = 0.5;
/** A rate this far below the whole team's (in fraction points) makes a note one to act on. */
export const BEHIND_TEAM = 0.1;

export type Severity = 'act' | 'watch' | 'good';
export type LeakCause = 'qualification' | 'nextStep' | 'decisionMaker' | 'negotiation';

export type Note =
  | { kind: 'leak'; severity: Severity; cause: LeakCause; transition: PooledTransition; months: number; teamRate: number | null }
  | { kind: 'fewFirstMeetings'; severity: Severity; heldPerMonth: number; neededPerMonth: number; neededPerWeek: number | null }
  | { kind: 'lowNextStep'; severity: Severity; withNextStep: number; firstMeetings: number; rate: number; teamRate: number | null; months: number }
  | { kind: 'thinPipeline'; severity: Severity; open: number; gap: number; coverage: number; threshold: number; toCreate: number }
  | { kind: 'closeWhatYouHave'; severity: Severity; open: number; gap: number; coverage: number; threshold: number }
  | { kind: 'quotaReached'; severity: Severity; quota: number; closedWon: number }
  | { kind: 'noQuota'; severity: Severity }
  | { kind: 'overdue'; severity: Severity; count: number; amount: number; open: number }
  | { kind: 'stale'; severity: Severity; count: number; amount: number; open: number }
  | { kind: 'fewClosed'; severity: Severity; closed: number; months: number }
  | { kind: 'noActivity'; severity: Severity };

export interface CoachInput {
  /** The scope's KPIs for the current month: the pipeline today. */
  current: Kpis;
  /** The scope's trailing window. */
  pooled: Pooled;
  /** The whole team's trailing window, when the scope is part of it; null for the whole team. */
  team: Pooled | null;
  plan: Plan;
  coverageThreshold: number;
  /** False for a period that is over: its pipeline (focus, overdue and stale deals today) is not worth a note. Default true. */
  running?: boolean;
}

/** What a leak at transition `index` of `count` usually means. */
export function leakCause(index: number, count: number): LeakCause {
  if (index === count - 1) return 'negotiation';
  if (index === 0) return 'qualification';
  if (index === count - 2) return 'decisionMaker';
  return 'nextStep';
}

const behind = (rate: number, teamRate: number | null | undefined) => teamRate != null && rate <= teamRate - BEHIND_TEAM;

function funnelNotes({ pooled, team }: CoachInput): Note[] {
  const leak = pooled.leak;
  if (!leak || leak.reached < SMALL.cases || leak.rate === null) return [];
  const index = pooled.transitions.indexOf(leak);
  const teamRate = team ? (team.transitions[index]?.rate ?? null) : null;
  const severity = behind(leak.rate, teamRate) ? 'act' : 'watch';
  return [{ kind: 'leak', severity, cause: leakCause(index, pooled.transitions.length), transition: leak, months: pooled.months, teamRate }];
}

function activityNotes({ pooled, team, plan }: CoachInput): Note[] {
  const notes: Note[] = [];
  if (pooled.outreach + pooled.firstMeetings === 0) return [{ kind: 'noActivity', severity: 'watch' }];
  const needed = plan.month.firstMeetings;
  const held = pooled.firstMeetingsPerMonth;
  if (needed !== null && needed > 0 && held !== null && held < needed) {
    notes.push({ kind: 'fewFirstMeetings', severity: 'act', heldPerMonth: held, neededPerMonth: needed, neededPerWeek: plan.week.firstMeetings });
  }
  const rate = pooled.nextStepRate;
  const vsTeam = nextStepStatus(rate, team?.nextStepRate ?? null, pooled.firstMeetings < SMALL.cases).level;
  if (rate !== null && pooled.firstMeetings >= SMALL.cases && (rate < NEXT_STEP_FLOOR || vsTeam === 'warn' || vsTeam === 'bad')) {
    notes.push({
      kind: 'lowNextStep',
      severity: rate < NEXT_STEP_FLOOR || vsTeam === 'bad' ? 'act' : 'watch',
      withNextStep: pooled.firstMeetingsWithNextStep,
      firstMeetings: pooled.firstMeetings,
      rate,
      teamRate: team?.nextStepRate ?? null,
      months: pooled.months,
    });
  }
  return notes;
}

function pipelineNotes({ current, coverageThreshold: threshold, running = true }: CoachInput): Note[] {
  if (!running) return [];
  const p = current.pipeline;
  const notes: Note[] = [];
  const focus = focusOf(current);
  if (focus === 'create') {
    const coverage = p.coverage ?? 0;
    notes.push({ kind: 'thinPipeline', severity: 'act', open: p.open.amount, gap: p.gap, coverage, threshold, toCreate: Math.max(0, p.gap * threshold - p.open.amount) });
  } else if (focus === 'close') {
    notes.push({ kind: 'closeWhatYouHave', severity: 'good', open: p.open.amount, gap: p.gap, coverage: p.coverage ?? 0, threshold });
  } else if (focus === 'done') {
    notes.push({ kind: 'quotaReached', severity: 'good', quota: p.quota, closedWon: p.closedWon });
  } else {
    notes.push({ kind: 'noQuota', severity: 'watch' });
  }
  const open = current.outlook.velocity.opportunities;
  for (const kind of ['overdue', 'stale'] as const) {
    const { count, amount } = kind === 'overdue' ? p.overdue : current.outlook.stale;
    if (count > 0) notes.push({ kind, severity: SEVERITY[dealsStatus(count, open).level], count, amount, open });
  }
  return notes;
}

const SEVERITY: Record<Level, Severity> = { bad: 'act', warn: 'watch', good: 'good', neutral: 'watch' };

const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0);

/** How far a note's number falls short of its mark, 0 to 1 (0 for good news and notes with no mark). */
export function shortfall(note: Note): number {
  switch (note.kind) {
    case 'leak':
      return note.teamRate && note.transition.rate !== null ? share(note.teamRate - note.transition.rate, note.teamRate) : 0;
    case 'fewFirstMeetings':
      return share(note.neededPerMonth - note.heldPerMonth, note.neededPerMonth);
    case 'lowNextStep':
      return note.teamRate ? share(note.teamRate - note.rate, note.teamRate) : share(NEXT_STEP_FLOOR - note.rate, NEXT_STEP_FLOOR);
    case 'thinPipeline':
      return share(note.threshold - note.coverage, note.threshold);
    case 'overdue':
    case 'stale':
      return share(note.count, note.open);
    default:
      return 0;
  }
}

const ORDER: Record<Severity, number> = { act: 0, watch: 1, good: 2 };

/** The notes for one scope: to act on first, then to watch, then good; the largest shortfall first within each (stable on ties). */
export function coachingNotes(input: CoachInput): Note[] {
  const closed = input.pooled.won + input.pooled.lost;
  const notes = [...pipelineNotes(input), ...funnelNotes(input), ...activityNotes(input)];
  if (closed < SMALL.closed) notes.push({ kind: 'fewClosed', severity: 'watch', closed, months: input.pooled.months });
  return notes
    .map((note, i) => ({ note, i, short: shortfall(note) }))
    .sort((a, b) => ORDER[a.note.severity] - ORDER[b.note.severity] || b.short - a.short || a.i - b.i)
    .map((x) => x.note);
}
