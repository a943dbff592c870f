/**
 * KPI 4 — pipeline today vs closed-won vs quota gap (leading): what is left
 * to close this period, what open pipeline is due in it, and so whether to
 * build pipeline or close what is there (KPI-SPEC §3, §6).
 */
import type { Closed } from './closed.ts';
import { rangeOf } from './dayList.ts';
import type { Facts } from './facts.ts';
import { fraction, fractionValue, fromUnits, gapBetween, isZero, ratio, UNITS_PER_CURRENCY, type Fraction } from './money.ts';
import type { Period } from './periods.ts';
import { nameRecord } from './records.ts';

export interface OpenAmount { count: number; amount: number; weighted: number }

export interface PipelineKpi {
  quota: number;
  closedWon: number;
  gap: number;
  attainment: number | null;
  open: OpenAmount;
  openByStage: Record<string, OpenAmount>;
  coverage: number | null;
  overdue: { count: number; amount: number };
  focus: 'create' | 'close' | 'done';
}

function openPipeline(facts: Facts, scope: readonly number[], period: Period) {
  const stages = facts.dataset.config.stages;
  const byStage = stages.map(() => ({ count: 0, units: 0, weightedUnits: 0 }));
  for (const rep of scope) {
    const list = facts.byRep.openDeals[rep];
    const [from, to] = rangeOf(list, period.start, period.end);
    for (let p = from; p < to; p++) {
      const deal = list.rows[p];
      const stage = facts.deals.position[deal];
      const entry = byStage[stage];
      entry.count++;
      entry.units += facts.dealUnits[deal];
      entry.weightedUnits += facts.dealUnits[deal] * stages[stage].probability;
    }
  }
  const open = { count: 0, units: 0, weightedUnits: 0 };
  const openByStage = nameRecord<OpenAmount>();
  byStage.forEach((entry, i) => {
    open.count += entry.count;
    open.units += entry.units;
    open.weightedUnits += entry.weightedUnits;
    if (entry.count > 0) openByStage[stages[i].name] = toAmount(entry);
  });
  return { open, openByStage };
}

function toAmount(entry: { count: number; units: number; weightedUnits: number }): OpenAmount {
  return { count: entry.count, amount: fromUnits(entry.units), weighted: entry.weightedUnits / UNITS_PER_CURRENCY };
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

export function pipelineKpi(facts: Facts, scope: readonly number[], period: Period, closed: Closed, quota: Fraction): PipelineKpi {
  const closedWon = fraction(closed.wonUnits);
  const gap = gapBetween(quota, closedWon);
  const { open, openByStage } = openPipeline(facts, scope, period);
  const coverage = isZero(gap) ? null : ratio(fraction(open.units), gap);
  return {
    quota: fractionValue(quota),
    closedWon: fromUnits(closed.wonUnits),
    gap: fractionValue(gap),
    attainment: isZero(quota) ? null : ratio(closedWon, quota),
    open: toAmount(open),
    openByStage,
    coverage,
    overdue: overdue(facts, scope),
    focus: coverage === null ? 'done' : coverage < facts.dataset.config.coverageThreshold ? 'create' : 'close',
  };
}
