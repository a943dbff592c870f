/** The lagging indicators (KPI-SPEC §3 and §6): sales, customers and churn. */
import { addDays, inSpan, type Span } from './periods.ts';
import type { RefConfig, RefCustomer, RefDeal } from './readCanonical.ts';
import { Q, ratio } from './rational.ts';
import { amountOf, closedIn, statusOf } from './status.ts';

/** §6: an account listed twice churned on its earliest date. */
function churnDates(customers: RefCustomer[]): Map<string, string> {
  const dates = new Map<string, string>();
  for (const c of customers) if (!dates.has(c.account) || c.churned < dates.get(c.account)!) dates.set(c.account, c.churned);
  return dates;
}

/** Accounts with a won deal closed on or before `day`, less those churned by then. */
function customersAt(deals: RefDeal[], config: RefConfig, churned: Map<string, string>, day: string): Set<string> {
  const accounts = new Set<string>();
  for (const d of deals) {
    if (d.account === null || statusOf(d, config) !== 'won' || d.close > day) continue;
    const lostOn = churned.get(d.account);
    if (lostOn === undefined || lostOn > day) accounts.add(d.account);
  }
  return accounts;
}

export function laggingKpi(deals: RefDeal[], customers: RefCustomer[] | null, config: RefConfig, period: Span) {
  const { won, lost } = closedIn(deals, config, period);
  const churned = churnDates(customers ?? []);
  let churnRate: number | null = null;
  if (customers !== null) {
    // §6: customers at the start of P are those as of the end of the day before P.
    const atStart = customersAt(deals, config, churned, addDays(period.start, -1));
    const lostInP = [...atStart].filter((a) => churned.has(a) && inSpan(churned.get(a)!, period)).length;
    churnRate = ratio(Q.of(lostInP), Q.of(atStart.size));
  }
  return {
    totalSales: amountOf(won).toNumber(),
    won: won.length,
    lost: lost.length,
    customers: customersAt(deals, config, churned, period.end).size,
    churnRate,
  };
}
