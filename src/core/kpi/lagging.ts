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
import { NO_DAY } from './leads.ts';
import { scratchMarks } from './scratch.ts';
import type { LaggingKpi } from '../schema/kpiReport.ts';

/**
 * Marks the accounts of the scope with a won deal closed on or before `end`,
 * less those churned by then; returns how many and the pass that marks them.
 */
function customersAt(facts: Facts, scope: readonly number[], end: Day): { count: number; pass: number; stamp: Int32Array } {
  const { marks, pass } = scratchMarks(facts, 'customers', facts.accountCount, 1);
  const { stamp } = marks[0];
  let count = 0;
  for (const rep of scope) {
    const list = facts.byRep.wonWithAccount[rep];
    const [, to] = rangeOf(list, -Infinity, end);
    for (let p = 0; p < to; p++) {
      const account = facts.accountOfDeal[list.rows[p]];
      if (stamp[account] === pass) continue;
      const churned = facts.churnDay?.[account] ?? NO_DAY;
      if (churned !== NO_DAY && churned <= end) continue;
      stamp[account] = pass;
      count++;
    }
  }
  return { count, pass, stamp };
}

export function laggingKpi(facts: Facts, scope: readonly number[], period: Period, closed: Closed): LaggingKpi {
  let churnRate: number | null = null;
  if (facts.churnedAccounts) {
    const atStart = customersAt(facts, scope, period.start - 1);
    const { rows } = facts.churnedAccounts;
    const [from, to] = rangeOf(facts.churnedAccounts, period.start, period.end);
    let churned = 0;
    for (let p = from; p < to; p++) if (atStart.stamp[rows[p]] === atStart.pass) churned++;
    churnRate = rate(churned, atStart.count);
  }
  return {
    totalSales: fromUnits(closed.wonUnits),
    won: closed.won,
    lost: closed.lost,
    customers: customersAt(facts, scope, period.end).count,
    churnRate,
  };
}
