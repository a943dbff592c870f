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
 * - low next-step rate: below 50 %, or 10+ points below the whole team.
 * - pipeline: KPI 4's focus as read by `focusOf` (thin pipeline -> build;
 *   enough -> close; quota reached; no quota).
 * - overdue deals, too few closed deals to judge, no activity data.
 */
import type { Kpis } from '../schema/kpiReport.ts';
import { focusOf } from '../schema/metric.ts';
import { SMALL } from '../smallNumbers.ts';
import type { Plan } from './plan.ts';
import type { Pooled, PooledTransition } from './pool.ts';

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
  | { kind: 'overdue'; severity: Severity; count: number; amount: number }
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
  if (rate !== null && pooled.firstMeetings >= SMALL.cases && (rate < NEXT_STEP_FLOOR || behind(rate, team?.nextStepRate))) {
    notes.push({
      kind: 'lowNextStep',
      severity: 'act',
      withNextStep: pooled.firstMeetingsWithNextStep,
      firstMeetings: pooled.firstMeetings,
      rate,
      teamRate: team?.nextStepRate ?? null,
      months: pooled.months,
    });
  }
  return notes;
}

function pipelineNotes({ current, coverageThreshold: threshold }: CoachInput): Note[] {
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
  if (p.overdue.count > 0) notes.push({ kind: 'overdue', severity: 'watch', count: p.overdue.count, amount: p.overdue.amount });
  return notes;
}

const ORDER: Record<Severity, number> = { act: 0, watch: 1, good: 2 };

/** The notes for one scope, the ones to act on first (stable within a severity). */
export function coachingNotes(input: CoachInput): Note[] {
  const closed = input.pooled.won + input.pooled.lost;
  const notes = [...funnelNotes(input), ...activityNotes(input), ...pipelineNotes(input)];
  if (closed < SMALL.closed) notes.push({ kind: 'fewClosed', severity: 'watch', closed, months: input.pooled.months });
  return notes.map((note, i) => ({ note, i })).sort((a, b) => ORDER[a.note.severity] - ORDER[b.note.severity] || a.i - b.i).map((x) => x.note);
}
