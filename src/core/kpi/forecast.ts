/**
 * The forecast (KPI-SPEC §7, the outlook): what P is likely to end at.
 * Closed-won so far plus each deal of the period's pipeline weighted by the
 * chance that a deal which got as far as its stage is won — learned from
 * the closed deals of the trailing window, the whole team's, so every scope
 * uses one table and reps add up to the team. A 10th-90th percentile range
 * treats each deal as its own coin (a normal approximation). Exact until the
 * square root, which comes last.
 */
import type { Closed } from './closed.ts';
import { rangeOf } from './dayList.ts';
import type { Facts } from './facts.ts';
import { add, fraction, fractionValue, fromUnits, isZero, quotient, ratio, times, UNITS_PER_CURRENCY, ZERO, type Fraction } from './money.ts';
import { weightedUnits, type StageTally } from './pipeline.ts';
import type { ForecastKpi } from '../schema/kpiReport.ts';

/** Fewer closed deals than this and the data cannot say: the configured probability stands. */
export const MIN_CLOSED = 10;
/** The 90th percentile of a standard normal: low and high are the 10th and 90th. */
export const Z_90 = 1.2815515655446004;

/**
 * p(s) for each open stage: of every deal (all reps) closed with its close
 * date in the window that reached s by KPI 2's rule, the share won. The
 * configured probability when fewer than MIN_CLOSED of them closed, and for
 * every stage when fewer than MIN_CLOSED of the window's lost deals say where
 * they were lost (else every later stage would look like a sure win).
 */
export function winOdds(facts: Facts, window: { start: number; end: number }): Fraction[] {
  const won = facts.dataset.config.stages.length;
  // closedAt[r] = closed deals whose furthest position is r (won deals at `won`).
  const closedAt = new Array<number>(won + 1).fill(0);
  let lostKnown = 0;
  for (const list of facts.byRep.closedDeals) {
    const [from, to] = rangeOf(list, window.start, window.end);
    for (let p = from; p < to; p++) {
      const deal = list.rows[p];
      closedAt[facts.deals.reached[deal]]++;
      if (facts.deals.position[deal] !== won) lostKnown += facts.deals.lossStageKnown[deal];
    }
  }
  if (lostKnown < MIN_CLOSED) return facts.configuredOdds;
  let reached = closedAt[won];
  const odds = new Array<Fraction>(won);
  for (let s = won - 1; s >= 0; s--) {
    reached += closedAt[s];
    odds[s] = reached < MIN_CLOSED ? facts.configuredOdds[s] : fraction(closedAt[won], reached);
  }
  return odds;
}

/** Sum of squared units x p x (1 - p): the variance of the pipeline's outcome, in units squared. */
function variance(due: readonly StageTally[], odds: readonly Fraction[]): Fraction {
  return due.reduce((sum, t, s) => {
    const { num, den } = odds[s];
    return add(sum, times({ num: t.squares, den: 1n }, { num: num * (den - num), den: den * den }));
  }, ZERO);
}

/** `due` = the period's pipeline (KPI 4's open), `closed` = the scope's deals closed in P. */
export function forecastKpi(due: readonly StageTally[], odds: readonly Fraction[], closed: Closed, quota: Fraction): ForecastKpi {
  const deals = due.reduce((sum, t) => sum + t.count, 0);
  const expected = add(fraction(closed.wonUnits), weightedUnits(due, odds));
  const attainment = isZero(quota) ? null : ratio(expected, quota);
  const closedWon = fromUnits(closed.wonUnits);
  if (deals === 0) return { deals, expected: closedWon, low: closedWon, high: closedWon, attainment };
  const mean = fractionValue(expected);
  const spread = variance(due, odds);
  const sigma = Math.sqrt(quotient(spread.num, spread.den * BigInt(UNITS_PER_CURRENCY) ** 2n));
  const ceiling = fromUnits(closed.wonUnits + due.reduce((sum, t) => sum + t.units, 0));
  return { deals, expected: mean, low: Math.max(closedWon, mean - Z_90 * sigma), high: Math.min(ceiling, mean + Z_90 * sigma), attainment };
}
