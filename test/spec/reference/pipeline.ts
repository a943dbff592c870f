/** KPI 4, pipeline vs closed-won vs quota gap (KPI-SPEC §3 and §6, v2 `open`). */
import { inSpan, type Span } from './periods.ts';
import type { RefConfig, RefDeal } from './readCanonical.ts';
import { Q, ratio, sum, ZERO } from './rational.ts';
import { amountOf, openAt } from './status.ts';

export function probabilityOf(stage: string, config: RefConfig): Q {
  return config.stages.find((s) => s.name === stage)!.probability;
}

/** v2: open at as-of, close_date in P and on or after as-of (an overdue deal has slipped). */
export function openInPeriod(deals: RefDeal[], config: RefConfig, period: Span, asOf: string): RefDeal[] {
  return deals.filter((d) => openAt(d, config, asOf) && inSpan(d.close, period) && d.close >= asOf);
}

function totals(deals: RefDeal[], config: RefConfig) {
  const weighted = sum(deals.map((d) => d.amount.mul(probabilityOf(d.stage, config))));
  return { count: deals.length, amount: amountOf(deals).toNumber(), weighted: weighted.toNumber() };
}

export function pipelineKpi(deals: RefDeal[], config: RefConfig, period: Span, asOf: string, quota: Q, closedWon: Q) {
  const gap = quota.cmp(closedWon) > 0 ? quota.sub(closedWon) : ZERO;
  const open = openInPeriod(deals, config, period, asOf);
  const openByStage: Record<string, ReturnType<typeof totals>> = {};
  for (const s of config.stages) {
    const inStage = open.filter((d) => d.stage === s.name);
    if (inStage.length > 0) openByStage[s.name] = totals(inStage, config); // §6: zero entries may be left out
  }
  const overdue = deals.filter((d) => openAt(d, config, asOf) && d.close < asOf);
  const coverage = gap.isZero() ? null : amountOf(open).div(gap);
  let focus = 'done'; // §6: whenever the gap is 0, a quota of 0 included
  if (coverage !== null) focus = coverage.cmp(Q.num(config.coverageThreshold)) < 0 ? 'create' : 'close';
  return {
    quota: quota.toNumber(),
    closedWon: closedWon.toNumber(),
    gap: gap.toNumber(),
    attainment: ratio(closedWon, quota),
    open: totals(open, config),
    openByStage,
    coverage: coverage && coverage.toNumber(),
    overdue: { count: overdue.length, amount: amountOf(overdue).toNumber() },
    focus,
  };
}
