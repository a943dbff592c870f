/** KPI 3, win rate and the leads-needed plan (KPI-SPEC §3 and §6). */
import type { LeadFacts } from './activity.ts';
import { inSpan, trailingWindow, type Span } from './periods.ts';
import type { RefConfig, RefDeal } from './readCanonical.ts';
import { Q, ratio } from './rational.ts';
import { amountOf, closedIn } from './status.ts';

/** Leads of the scope (owner of their first activity) whose first activity is in the span. */
export function leadsIn(leads: Map<string, LeadFacts>, scope: Set<string>, span: Span): number {
  let count = 0;
  for (const l of leads.values()) if (scope.has(l.first.owner) && inSpan(l.first.date, span)) count++;
  return count;
}

/** Mean amount of the won deals closed in the window, exact; null when none. */
export function avgDealSize(deals: RefDeal[], config: RefConfig, period: Span): Q | null {
  const { won } = closedIn(deals, config, trailingWindow(period, config.window));
  return won.length === 0 ? null : amountOf(won).div(Q.of(won.length));
}

/** §6: null without an average deal (README: even when the quota is 0), 0 for a quota of 0, else the exact ceiling. */
function dealsNeeded(quota: Q, avg: Q | null): bigint | null {
  if (avg === null || avg.isZero()) return null;
  if (quota.isZero()) return 0n;
  return quota.div(avg).ceil();
}

export function winRateKpi(deals: RefDeal[], leads: Map<string, LeadFacts>, scope: Set<string>, config: RefConfig, period: Span, quota: Q) {
  const { won, lost } = closedIn(deals, config, period);
  const wonAmount = amountOf(won);
  const lostAmount = amountOf(lost);
  const avg = avgDealSize(deals, config, period);
  const needed = dealsNeeded(quota, avg);
  // The trailing conversion is pooled over the window: its won deals / its leads.
  const window = trailingWindow(period, config.window);
  const wonInWindow = closedIn(deals, config, window).won.length;
  const leadsInWindow = leadsIn(leads, scope, window);
  const conversion = leadsInWindow === 0 ? null : Q.of(wonInWindow, leadsInWindow);
  const leadsNeeded = needed === null || needed === 0n || conversion === null || conversion.isZero() ? null : Q.of(needed).div(conversion).ceil();
  return {
    won: won.length,
    lost: lost.length,
    rate: ratio(Q.of(won.length), Q.of(won.length + lost.length)),
    wonAmount: wonAmount.toNumber(),
    lostAmount: lostAmount.toNumber(),
    valueRate: ratio(wonAmount, wonAmount.add(lostAmount)),
    leadConversion: ratio(Q.of(won.length), Q.of(leadsIn(leads, scope, period))),
    avgDealSize: avg && avg.toNumber(),
    dealsNeeded: needed === null ? null : Number(needed),
    leadsNeeded: leadsNeeded === null ? null : Number(leadsNeeded),
  };
}
