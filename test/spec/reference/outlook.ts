/** KPI-SPEC §7 (v2): cycle, velocity, stale deals and the forecast, exact until the square root. */
import { dayNumber, type Span } from './periods.ts';
import { openInPeriod, probabilityOf } from './pipeline.ts';
import type { RefActivity, RefConfig, RefDeal, RefEntry } from './readCanonical.ts';
import { ONE, Q, ratio, sum } from './rational.ts';
import { lastOpenStageInHistory, reachLevel } from './stages.ts';
import { amountOf, closedIn, openAt } from './status.ts';

/** The 10th and 90th percentiles of a normal (§7). */
export const Z = 1.2815515655446004;

/** Below this many closed deals (or lost deals with a known loss stage) the configured probabilities stand. */
const MIN_CLOSED = 10;

/** Whole days from created to close of the won deals closed in the window (a negative difference is 0), sorted. */
export function cycleDays(deals: RefDeal[], config: RefConfig, window: Span): number[] {
  const { won } = closedIn(deals, config, window);
  return won.map((d) => Math.max(0, dayNumber(d.close) - dayNumber(d.created))).sort((a, b) => a - b);
}

export function meanOf(days: number[]): Q | null {
  return days.length === 0 ? null : Q.of(days.reduce((a, b) => a + b, 0), days.length);
}

export function cycle(days: number[]) {
  const mid = days.length >> 1;
  const median = days.length === 0 ? null : days.length % 2 === 1 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
  const mean = meanOf(days);
  return { wonDeals: days.length, medianDays: median, meanDays: mean && mean.toNumber() };
}

export function velocity(deals: RefDeal[], config: RefConfig, window: Span, asOf: string, avg: Q | null, meanDays: Q | null) {
  const opportunities = deals.filter((d) => openAt(d, config, asOf)).length;
  const { won, lost } = closedIn(deals, config, window);
  const winRate = won.length + lost.length === 0 ? null : Q.of(won.length, won.length + lost.length);
  const perDay =
    winRate === null || avg === null || meanDays === null || meanDays.isZero()
      ? null
      : Q.of(opportunities).mul(winRate).mul(avg).div(meanDays).toNumber();
  return {
    opportunities,
    winRate: winRate && winRate.toNumber(),
    avgDealSize: avg && avg.toNumber(),
    cycleDays: meanDays && meanDays.toNumber(),
    perDay,
  };
}

/** lastTouch: created, history entered on or before A, linked activities on or before A. */
function lastTouch(deal: RefDeal, entries: RefEntry[], activities: RefActivity[], asOf: string): string {
  let last = deal.created;
  for (const e of entries) if (e.date <= asOf && e.date > last) last = e.date;
  for (const a of activities) if (a.deal === deal.id && a.date <= asOf && a.date > last) last = a.date;
  return last;
}

export function stale(deals: RefDeal[], byDeal: Map<string, RefEntry[]>, activities: RefActivity[], config: RefConfig, asOf: string) {
  const found = deals.filter((d) => {
    if (!openAt(d, config, asOf)) return false;
    const limit = config.stages.find((s) => s.name === d.stage)!.staleDays ?? config.staleDays;
    return dayNumber(asOf) - dayNumber(lastTouch(d, byDeal.get(d.id) ?? [], activities, asOf)) > limit;
  });
  return { count: found.length, amount: amountOf(found).toNumber() };
}

/**
 * p(s) for every open stage, from every deal in the data closed in the
 * window; the configured probability when fewer than 10 of them reached s,
 * and for every stage when fewer than 10 lost ones have a known loss stage (v2.1).
 */
export function stageOdds(allDeals: RefDeal[], byDeal: Map<string, RefEntry[]>, config: RefConfig, window: Span): Map<string, Q> {
  const { won, lost } = closedIn(allDeals, config, window);
  const known = lost.filter((d) => d.lostAtStage !== null || lastOpenStageInHistory(byDeal.get(d.id) ?? [], config) !== null);
  const closed = [...won, ...lost].map((d) => ({ won: won.includes(d), level: reachLevel(d, byDeal.get(d.id) ?? [], config) }));
  const odds = new Map<string, Q>();
  config.stages.forEach((s, k) => {
    const reached = closed.filter((c) => c.level >= k + 1);
    const learned = known.length >= MIN_CLOSED && reached.length >= MIN_CLOSED;
    odds.set(s.name, learned ? Q.of(reached.filter((c) => c.won).length, reached.length) : s.probability);
  });
  return odds;
}

export interface ForecastInput {
  deals: RefDeal[];
  odds: Map<string, Q>;
  period: Span;
  asOf: string;
  closedWon: Q;
  quota: Q;
}

export function forecast({ deals, odds, period, asOf, closedWon, quota }: ForecastInput, config: RefConfig) {
  const counted = openInPeriod(deals, config, period, asOf);
  const p = (d: RefDeal) => odds.get(d.stage) ?? probabilityOf(d.stage, config);
  const expected = closedWon.add(sum(counted.map((d) => d.amount.mul(p(d)))));
  const variance = sum(counted.map((d) => d.amount.mul(d.amount).mul(p(d)).mul(ONE.sub(p(d)))));
  const sigma = Math.sqrt(variance.toNumber()); // the square root last, on the exact sum
  const floor = closedWon.toNumber();
  const ceiling = closedWon.add(amountOf(counted)).toNumber();
  return {
    deals: counted.length,
    expected: expected.toNumber(),
    low: counted.length === 0 ? floor : Math.max(floor, expected.toNumber() - Z * sigma),
    high: counted.length === 0 ? floor : Math.min(ceiling, expected.toNumber() + Z * sigma),
    attainment: ratio(expected, quota),
  };
}
