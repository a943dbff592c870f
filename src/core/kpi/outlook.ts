/**
 * The outlook (KPI-SPEC §7): beside the article's four KPIs, what hosted
 * CRMs show — how long a won deal takes (cycle), how much revenue the
 * pipeline makes per day (velocity), which open deals have gone quiet
 * (stale.ts) and what the period will likely end at (forecast.ts). The
 * cycle and velocity read the scope's deals closed in the trailing window
 * of KPI 3.
 */
import type { Closed } from './closed.ts';
import { rangeOf } from './dayList.ts';
import type { Facts } from './facts.ts';
import { forecastKpi } from './forecast.ts';
import { quotient, UNITS_PER_CURRENCY, type Fraction } from './money.ts';
import type { StageTally } from './pipeline.ts';
import { rate } from './rate.ts';
import { staleKpi } from './stale.ts';
import type { CycleKpi, OutlookKpi } from '../schema/kpiReport.ts';

/** What the outlook shares with the rest of the scope's KPIs for the period. */
export interface OutlookInput {
  window: { start: number; end: number };
  /** The scope's deals closed in P, and in the window. */
  closed: Closed;
  trailing: Closed;
  /** KPI 3's average won deal over the window. */
  avgDealSize: number | null;
  /** KPI 4's pipeline of P per stage, and the period's p(s) table. */
  due: readonly StageTally[];
  odds: readonly Fraction[];
  quota: Fraction;
}

/** Cycle days of the scope's won deals closed in the window, sorted. */
function cycleDays(facts: Facts, scope: readonly number[], window: { start: number; end: number }): Int32Array {
  const ranges = scope.map((rep) => rangeOf(facts.byRep.wonDeals[rep], window.start, window.end));
  const days = new Int32Array(ranges.reduce((sum, [from, to]) => sum + to - from, 0));
  let n = 0;
  scope.forEach((rep, i) => {
    const { rows } = facts.byRep.wonDeals[rep];
    for (let p = ranges[i][0]; p < ranges[i][1]; p++) days[n++] = facts.cycleDays[rows[p]];
  });
  return days.sort();
}

function cycleKpi(days: Int32Array): CycleKpi & { totalDays: number } {
  const n = days.length;
  const totalDays = days.reduce((sum, d) => sum + d, 0);
  if (n === 0) return { wonDeals: 0, medianDays: null, meanDays: null, totalDays };
  const middle = n >> 1;
  const medianDays = n % 2 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
  return { wonDeals: n, medianDays, meanDays: totalDays / n, totalDays };
}

/**
 * opportunities x win rate x average deal / cycle days. With the window's n
 * won deals, W won units, L lost deals and D cycle days in all, that is
 * opportunities x W x n / ((n + L) x D) units a day: one exact quotient.
 */
function perDay(opportunities: number, trailing: Closed, totalDays: number): number | null {
  const decided = trailing.won + trailing.lost;
  if (trailing.won === 0 || totalDays === 0) return null;
  const num = BigInt(opportunities) * BigInt(trailing.wonUnits) * BigInt(trailing.won);
  return quotient(num, BigInt(decided) * BigInt(totalDays) * BigInt(UNITS_PER_CURRENCY));
}

export function outlookKpi(facts: Facts, scope: readonly number[], input: OutlookInput): OutlookKpi {
  const { totalDays, ...cycle } = cycleKpi(cycleDays(facts, scope, input.window));
  let opportunities = 0;
  for (const rep of scope) opportunities += facts.byRep.openDeals[rep].rows.length;
  const { trailing } = input;
  return {
    cycle,
    velocity: {
      opportunities,
      winRate: rate(trailing.won, trailing.won + trailing.lost),
      avgDealSize: input.avgDealSize,
      cycleDays: cycle.meanDays,
      perDay: perDay(opportunities, trailing, totalDays),
    },
    stale: staleKpi(facts, scope),
    forecast: forecastKpi(input.due, input.odds, input.closed, input.quota),
  };
}
