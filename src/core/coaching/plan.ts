/**
 * The plan (the article's KPI 3 arithmetic, carried down to weekly
 * activity): quota / average deal size = deals to win; deals / lead
 * conversion = leads; deals / (wins per first meeting) = first meetings;
 * first meetings x outreach per first meeting = outreach touches. The
 * article's example: 100 000 / 5 000 = 20 deals; at 10 % that is 200 leads.
 */
import type { Kpis } from '../schema/kpiReport.ts';
import type { Pooled } from './pool.ts';

/** An average month has 52 / 12 weeks; weekly figures divide a month's by this. */
export const WEEKS_PER_MONTH = 52 / 12;

export interface PlanInput {
  /** The month's quota. */
  quota: number;
  /** Mean won deal over the trailing window; null when nothing was won. */
  avgDealSize: number | null;
  /** Trailing won deals / leads. */
  leadConversion: number | null;
  /** Trailing won deals / first meetings. */
  winsPerFirstMeeting: number | null;
  /** Trailing outreach / first meetings. */
  outreachPerFirstMeeting: number | null;
  /** Trailing won / deals created (the funnel's overall conversion). */
  overall: number | null;
}

/** A month's targets; each null when a ratio it needs is missing or zero. */
export interface PlanTargets {
  deals: number | null;
  leads: number | null;
  opportunities: number | null;
  firstMeetings: number | null;
  outreach: number | null;
}

export interface Plan {
  quota: number;
  /** Per month (the quota's month). */
  month: PlanTargets;
  /** Per week: the month's targets / WEEKS_PER_MONTH, rounded up. */
  week: PlanTargets;
  /** Which inputs were missing, for the page to explain a gap: e.g. ['avgDealSize']. */
  missing: (keyof PlanInput)[];
}

/**
 * What a scope's plan rests on: the current month's quota and KPI 3's
 * trailing average deal (the engine's, over the same window), and the
 * pooled window's ratios. A scope absent from the month has a quota of 0.
 */
export function planInputOf(current: Kpis | null, trailing: Pooled): PlanInput {
  return {
    quota: current?.pipeline.quota ?? 0,
    avgDealSize: current?.winRate.avgDealSize ?? null,
    leadConversion: trailing.leadConversion,
    winsPerFirstMeeting: trailing.winsPerFirstMeeting,
    outreachPerFirstMeeting: trailing.outreachPerFirstMeeting,
    overall: trailing.overall,
  };
}

/**
 * Rounds up, forgiving float noise: 20.000000000000004 deals is 20, not 21
 * (100 000 / 5 000 computed through rates can land a hair above).
 */
export function ceilExact(value: number): number {
  const nearest = Math.round(value);
  return Math.abs(value - nearest) < 1e-9 * Math.max(1, Math.abs(value)) ? nearest : Math.ceil(value);
}

function divide(amount: number | null, by: number | null): number | null {
  return amount === null || by === null || by <= 0 ? null : ceilExact(amount / by);
}

/** Deals needed for a quota: 0 for a quota of 0, null without an average deal size (KPI-SPEC §6). */
export function dealsFor(quota: number, avgDealSize: number | null): number | null {
  if (avgDealSize === null || avgDealSize <= 0) return null;
  return quota <= 0 ? 0 : ceilExact(quota / avgDealSize);
}

/** The monthly and weekly targets that reach the quota at the trailing ratios. */
export function activityPlan(input: PlanInput): Plan {
  const deals = dealsFor(input.quota, input.avgDealSize);
  const firstMeetings = divide(deals, input.winsPerFirstMeeting);
  const month: PlanTargets = {
    deals,
    leads: deals === 0 ? 0 : divide(deals, input.leadConversion),
    opportunities: deals === 0 ? 0 : divide(deals, input.overall),
    firstMeetings: deals === 0 ? 0 : firstMeetings,
    outreach:
      deals === 0 ? 0 : firstMeetings === null || input.outreachPerFirstMeeting === null ? null : ceilExact(firstMeetings * input.outreachPerFirstMeeting),
  };
  const weekly = (n: number | null) => (n === null ? null : ceilExact(n / WEEKS_PER_MONTH));
  const week: PlanTargets = {
    deals: weekly(month.deals),
    leads: weekly(month.leads),
    opportunities: weekly(month.opportunities),
    firstMeetings: weekly(month.firstMeetings),
    outreach: weekly(month.outreach),
  };
  const missing = (['avgDealSize', 'leadConversion', 'winsPerFirstMeeting', 'outreachPerFirstMeeting', 'overall'] as const).filter(
    (key) => input[key] === null || input[key] === 0,
  );
  return { quota: input.quota, month, week, missing };
}
