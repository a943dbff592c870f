/**
 * Red / amber / green on a scope's key numbers, from stated rules (the page
 * shows each rule's words): one pure place, shared with the coaching notes.
 *
 * - Attainment pace: elapsed = days of P up to as-of ÷ days in P (1 once P
 *   is over). green when attainment ≥ elapsed, amber when ≥ 0.8 × elapsed,
 *   red below. No quota: neutral.
 * - Forecast: green when the expected result reaches the quota, amber when
 *   only the high end does (reachable), red when even the high end falls
 *   short. No quota: neutral.
 * - Coverage: green at or over the threshold, or when nothing is left to
 *   close (done); amber at or over half the threshold; red below.
 * - Next-step rate against the team: green within 5 points of the team's,
 *   amber within 15, red further below. Too few first meetings: neutral.
 * - Overdue / stale deals: green none; amber up to 10 % of the scope's open
 *   deals; red more.
 * A number flagged too few to judge gets a neutral status, saying so.
 */
import type { Day } from '../ingest/values.ts';

export type Level = 'good' | 'warn' | 'bad' | 'neutral';

/** Why a status is neutral, or that a good one means nothing is left to do. */
export type StatusNote = 'noQuota' | 'tooFew' | 'noTeam' | 'noValue' | 'done';

export interface Status {
  level: Level;
  note?: StatusNote;
}

/** Amber from this share of the elapsed pace (0.8 × elapsed). */
export const PACE_AMBER = 0.8;
/** Next-step rate: amber from this far below the team (fraction points), red from the second. */
export const NEXT_STEP_BEHIND = { amber: 0.05, red: 0.15 } as const;
/** Overdue or stale deals: amber up to this share of the scope's open deals. */
export const DEALS_AMBER_SHARE = 0.1;

const neutral = (note: StatusNote): Status => ({ level: 'neutral', note });
/** `a` ≥ `b`, forgiving float noise in a derived mark (0.8 × 0.9 is 0.7200000000000001). */
const atLeast = (a: number, b: number) => a >= b - 1e-9;

/** The share of `period` elapsed at `asOf` (as-of day included): 0 before it starts, 1 once it is over. */
export function elapsedShare(period: { start: Day; end: Day }, asOf: Day): number {
  const days = period.end - period.start + 1;
  return Math.min(1, Math.max(0, (asOf - period.start + 1) / days));
}

/** Days of `period` left after `asOf` (0 once it is over). */
export function daysLeft(period: { start: Day; end: Day }, asOf: Day): number {
  return Math.max(0, Math.min(period.end - period.start + 1, period.end - asOf));
}

/** Attainment (null without a quota) against the share of the period elapsed. */
export function attainmentStatus(attainment: number | null, elapsed: number): Status {
  if (attainment === null) return neutral('noQuota');
  if (atLeast(attainment, elapsed)) return attainment >= 1 ? { level: 'good', note: 'done' } : { level: 'good' };
  return { level: atLeast(attainment, PACE_AMBER * elapsed) ? 'warn' : 'bad' };
}

/** The forecast's expected result and its high end against the quota. */
export function forecastStatus(forecast: { expected: number; high: number }, quota: number): Status {
  if (quota <= 0) return neutral('noQuota');
  if (forecast.expected >= quota) return { level: 'good' };
  return { level: forecast.high >= quota ? 'warn' : 'bad' };
}

/** Coverage (null when the gap is 0) against the threshold; a scope without a quota is neutral. */
export function coverageStatus(p: { coverage: number | null; gap: number; quota: number }, threshold: number): Status {
  if (p.quota <= 0) return neutral('noQuota');
  if (p.gap <= 0 || p.coverage === null) return { level: 'good', note: 'done' };
  if (p.coverage >= threshold) return { level: 'good' };
  return { level: atLeast(p.coverage, threshold / 2) ? 'warn' : 'bad' };
}

/**
 * A next-step rate against the team's; `tooFew` when it rests on too few
 * first meetings. The coaching notes use the same rule on pooled rates.
 */
export function nextStepStatus(rate: number | null, teamRate: number | null, tooFew: boolean): Status {
  if (tooFew) return neutral('tooFew');
  if (rate === null) return neutral('noValue');
  if (teamRate === null) return neutral('noTeam');
  if (atLeast(rate, teamRate - NEXT_STEP_BEHIND.amber)) return { level: 'good' };
  return { level: atLeast(rate, teamRate - NEXT_STEP_BEHIND.red) ? 'warn' : 'bad' };
}

/** Overdue or stale deals: `count` of them among the scope's `open` deals (all open at as-of). */
export function dealsStatus(count: number, open: number): Status {
  if (count === 0) return { level: 'good' };
  return { level: atLeast(DEALS_AMBER_SHARE * open, count) ? 'warn' : 'bad' };
}

const RANK: Record<Level, number> = { bad: 0, warn: 1, good: 2, neutral: 3 };

/** The worse of several statuses (red before amber before green; neutral only when all are). */
export function worst(statuses: readonly Status[]): Status {
  if (statuses.length === 0) return neutral('noValue');
  return statuses.reduce((a, b) => (RANK[b.level] < RANK[a.level] ? b : a));
}
