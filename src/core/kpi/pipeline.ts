/**
 * KPI 4 — pipeline today vs closed-won vs quota gap (leading): what is left
 * to close this period, what open pipeline can still close in it, and so
 * whether to build pipeline or close what is there (KPI-SPEC §3, §6). Since
 * KPI-SPEC v2 a deal whose close date has passed is overdue, not pipeline:
 * it no longer props up coverage.
 */
import type { Closed } from './closed.ts';
import { rangeOf } from './dayList.ts';
import type { Facts } from './facts.ts';
import { add, fraction, fractionValue, fromUnits, gapBetween, isZero, ratio, times, ZERO, type Fraction } from './money.ts';
import type { Period } from './periods.ts';
import type { OpenAmount, PipelineKpi } from '../schema/kpiReport.ts';
import { nameRecord } from './records.ts';

/** Open deals of one stage: how many, their money units and the sum of their squared units (for the forecast's spread). */
export interface StageTally { count: number; units: number; squares: bigint }

/**
 * The scope's pipeline of P, per open stage (config order): deals open at
 * as-of whose close date is in P and on or after the as-of date. Shared by
 * KPI 4 and the forecast (KPI-SPEC §7 counts the same deals).
 */
export function openDueIn(facts: Facts, scope: readonly number[], period: Period): StageTally[] {
  const tallies = facts.dataset.config.stages.map(() => ({ count: 0, units: 0, squares: 0n }));
  for (const rep of scope) {
    const list = facts.byRep.openDeals[rep];
    const [from, to] = rangeOf(list, Math.max(period.start, facts.asOf), period.end);
    for (let p = from; p < to; p++) {
      const deal = list.rows[p];
      const tally = tallies[facts.deals.position[deal]];
      const units = facts.dealUnits[deal];
      tally.count++;
      tally.units += units;
      tally.squares += BigInt(units) * BigInt(units);
    }
  }
  return tallies;
}

/** Sum of units x probability over the stages, exact (units of money). */
export function weightedUnits(tallies: readonly StageTally[], odds: readonly Fraction[]): Fraction {
  return tallies.reduce((sum, t, s) => add(sum, times(fraction(t.units), odds[s])), ZERO);
}

function openAmount(tallies: readonly StageTally[], odds: readonly Fraction[]): OpenAmount {
  const units = tallies.reduce((sum, t) => sum + t.units, 0);
  return { count: tallies.reduce((sum, t) => sum + t.count, 0), amount: fromUnits(units), weighted: fractionValue(weightedUnits(tallies, odds)) };
}

/** Every open deal of the scope whose expected close date has passed, whatever its period. */
function overdue(facts: Facts, scope: readonly number[]) {
  let count = 0;
  let units = 0;
  for (const rep of scope) {
    const list = facts.byRep.openDeals[rep];
    const [from, to] = rangeOf(list, -Infinity, facts.asOf - 1);
    count += to - from;
    for (let p = from; p < to; p++) units += facts.dealUnits[list.rows[p]];
  }
  return { count, amount: fromUnits(units) };
}

/** `due` = openDueIn(facts, scope, period). */
export function pipelineKpi(facts: Facts, scope: readonly number[], due: readonly StageTally[], closed: Closed, quota: Fraction): PipelineKpi {
  const { stages, coverageThreshold } = facts.dataset.config;
  const odds = facts.configuredOdds;
  const closedWon = fraction(closed.wonUnits);
  const gap = gapBetween(quota, closedWon);
  const open = openAmount(due, odds);
  const openByStage = nameRecord<OpenAmount>();
  due.forEach((t, s) => {
    if (t.count > 0) openByStage[stages[s].name] = openAmount([t], [odds[s]]);
  });
  const coverage = isZero(gap) ? null : ratio(fraction(due.reduce((sum, t) => sum + t.units, 0)), gap);
  return {
    quota: fractionValue(quota),
    closedWon: fromUnits(closed.wonUnits),
    gap: fractionValue(gap),
    attainment: isZero(quota) ? null : ratio(closedWon, quota),
    open,
    openByStage,
    coverage,
    overdue: overdue(facts, scope),
    focus: coverage === null ? 'done' : coverage < coverageThreshold ? 'create' : 'close',
  };
}
