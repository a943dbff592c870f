/** Quotas (KPI-SPEC §1, §6): rows add up, a quarter counts one exact third towards each month. */
import { daysIn, monthSpan, monthsOf, type Span } from './periods.ts';
import type { RefQuota } from './readCanonical.ts';
import { Q, ZERO } from './rational.ts';

const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

function monthQuota(quotas: RefQuota[], scope: Set<string>, month: string): Q {
  let total = ZERO;
  for (const q of quotas) {
    if (!scope.has(q.owner)) continue;
    if (q.period === month) total = total.add(q.amount);
    if (q.period === quarterOf(month)) total = total.add(q.amount.div(Q.of(3)));
  }
  return total;
}

/**
 * quota(P) of a scope. Months, quarters and years take whole months; a week
 * takes each month's quota prorated by its days in that month (README
 * "Choices where the spec is silent").
 */
export function periodQuota(quotas: RefQuota[], scope: Set<string>, period: Span): Q {
  let total = ZERO;
  for (const month of monthsOf(period)) {
    const whole = monthSpan(month);
    const part = { start: period.start > whole.start ? period.start : whole.start, end: period.end < whole.end ? period.end : whole.end };
    total = total.add(monthQuota(quotas, scope, month).mul(Q.of(daysIn(part), daysIn(whole))));
  }
  return total;
}
