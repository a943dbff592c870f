/**
 * Lagging indicators (KPI-SPEC §3, §6): total sales, won and lost, customers
 * (accounts with a won deal, less those churned by then) and churn rate.
 */
import type { Day } from '../ingest/values.ts';
import type { Closed } from './closed.ts';
import { rangeOf } from './dayList.ts';
import type { Facts } from './facts.ts';
import { fromUnits } from './money.ts';
import type { Period } from './periods.ts';
import { rate } from './rate.ts';

export interface LaggingKpi {
  totalSales: number;
  won: number;
  lost: number;
  customers: number;
  churnRate: number | null;
}

/** Accounts of the scope with a won deal closed on or before `end`, less those churned by then. */
function customersAt(facts: Facts, scope: readonly number[], end: Day): Set<string> {
  const { deals, config } = facts.dataset;
  const won = config.stages.length;
  const accounts = new Set<string>();
  for (const rep of scope) {
    const list = facts.byRep.closedDeals[rep];
    const [, to] = rangeOf(list, -Infinity, end);
    for (let p = 0; p < to; p++) {
      const deal = list.rows[p];
      const account = deals[deal].account;
      if (account === undefined || facts.deals.position[deal] !== won) continue;
      const churned = facts.churnDay?.get(account);
      if (churned === undefined || churned > end) accounts.add(account);
    }
  }
  return accounts;
}

export function laggingKpi(facts: Facts, scope: readonly number[], period: Period, closed: Closed): LaggingKpi {
  let churnRate: number | null = null;
  if (facts.churnDay) {
    const atStart = customersAt(facts, scope, period.start - 1);
    let churned = 0;
    for (const account of atStart) {
      const day = facts.churnDay.get(account);
      if (day !== undefined && day >= period.start && day <= period.end) churned++;
    }
    churnRate = rate(churned, atStart.size);
  }
  return {
    totalSales: fromUnits(closed.wonUnits),
    won: closed.won,
    lost: closed.lost,
    customers: customersAt(facts, scope, period.end).size,
    churnRate,
  };
}
