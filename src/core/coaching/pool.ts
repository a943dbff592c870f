/**
 * Trailing ratios for coaching and the plan: a scope's monthly KPIs added
 * up over a window of months (the config's `window`, default 12). Pooled
 * sums, not averages of monthly rates, as KPI-SPEC §6 does for the trailing
 * lead conversion: a quiet month weighs less than a busy one.
 */
import type { Kpis } from '../schema/kpiReport.ts';

/** One month of a scope, and whether the month is over (the as-of month usually is not). */
export interface MonthKpis {
  period: string;
  kpis: Kpis;
  complete: boolean;
}

export interface PooledTransition {
  from: string;
  to: string;
  reached: number;
  advanced: number;
  rate: number | null;
}

/** A scope's window, added up. Rates are null with a zero denominator. */
export interface Pooled {
  months: number;
  /** Months of the window that are over; per-month averages use only these. */
  completeMonths: number;
  outreach: number;
  firstMeetings: number;
  firstMeetingsWithNextStep: number;
  /** First meetings a month, over the complete months only (null when none is complete). */
  firstMeetingsPerMonth: number | null;
  /** Leads whose first activity fell in the window (sum of `bySource` leads). */
  leads: number;
  won: number;
  lost: number;
  wonAmount: number;
  transitions: PooledTransition[];
  /** The transition with the lowest pooled rate among those reached (earliest on ties), as KPI-SPEC §3 picks the leak. */
  leak: PooledTransition | null;
  outreachPerFirstMeeting: number | null;
  nextStepRate: number | null;
  winRate: number | null;
  leadConversion: number | null;
  /** Won deals per first meeting: how many first meetings one win takes, inverted. */
  winsPerFirstMeeting: number | null;
  /** Won / deals that reached the first stage, over the window's cohorts. */
  overall: number | null;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Adds up the months of a window (any order); an empty window gives zeros and null rates. */
export function pool(months: readonly MonthKpis[]): Pooled {
  let outreach = 0, firstMeetings = 0, withNextStep = 0, leads = 0, won = 0, lost = 0, wonAmount = 0;
  let completeMeetings = 0, completeMonths = 0;
  const transitions: PooledTransition[] = [];
  for (const { kpis, complete } of months) {
    const a = kpis.activity;
    outreach += a.outreach;
    firstMeetings += a.firstMeetings;
    withNextStep += a.firstMeetingsWithNextStep;
    for (const source of Object.values(a.bySource)) leads += source.leads;
    won += kpis.winRate.won;
    lost += kpis.winRate.lost;
    wonAmount += kpis.winRate.wonAmount;
    if (complete) {
      completeMonths++;
      completeMeetings += a.firstMeetings;
    }
    kpis.stages.transitions.forEach((t, i) => {
      transitions[i] ??= { from: t.from, to: t.to, reached: 0, advanced: 0, rate: null };
      transitions[i].reached += t.reached;
      transitions[i].advanced += t.advanced;
    });
  }
  for (const t of transitions) t.rate = ratio(t.advanced, t.reached);
  let leak: PooledTransition | null = null;
  for (const t of transitions) if (t.reached > 0 && (leak === null || (t.rate as number) < (leak.rate as number))) leak = t;
  const first = transitions[0];
  const last = transitions[transitions.length - 1];
  return {
    months: months.length,
    completeMonths,
    outreach,
    firstMeetings,
    firstMeetingsWithNextStep: withNextStep,
    firstMeetingsPerMonth: ratio(completeMeetings, completeMonths),
    leads,
    won,
    lost,
    wonAmount,
    transitions,
    leak,
    outreachPerFirstMeeting: ratio(outreach, firstMeetings),
    nextStepRate: ratio(withNextStep, firstMeetings),
    winRate: ratio(won, won + lost),
    leadConversion: ratio(won, leads),
    winsPerFirstMeeting: ratio(won, firstMeetings),
    overall: first && last ? ratio(last.advanced, first.reached) : null,
  };
}
