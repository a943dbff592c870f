/** KPI-SPEC §1 status and §6 "open at as-of", the facts every KPI asks of a deal. */
import { inSpan, type Span } from './periods.ts';
import type { RefConfig, RefDeal } from './readCanonical.ts';
import { sum, type Q } from './rational.ts';

export type Status = 'won' | 'lost' | 'open';

export function statusOf(deal: RefDeal, config: RefConfig): Status {
  if (deal.stage === config.wonStage) return 'won';
  if (deal.stage === config.lostStage) return 'lost';
  return 'open';
}

/** §6: current stage open and created on or before as-of. */
export function openAt(deal: RefDeal, config: RefConfig, asOf: string): boolean {
  return statusOf(deal, config) === 'open' && deal.created <= asOf;
}

/** 1..n for the open stages in config order, n+1 for won, null for lost. */
export function stageIndex(stage: string, config: RefConfig): number | null {
  if (stage === config.wonStage) return config.stages.length + 1;
  if (stage === config.lostStage) return null;
  return config.stages.findIndex((s) => s.name === stage) + 1;
}

/** Won and lost deals whose close_date is in the span (KPI 3; not cut at as-of). */
export function closedIn(deals: RefDeal[], config: RefConfig, span: Span): { won: RefDeal[]; lost: RefDeal[] } {
  const inIt = deals.filter((d) => inSpan(d.close, span));
  return { won: inIt.filter((d) => statusOf(d, config) === 'won'), lost: inIt.filter((d) => statusOf(d, config) === 'lost') };
}

export function amountOf(deals: RefDeal[]): Q {
  return sum(deals.map((d) => d.amount));
}
