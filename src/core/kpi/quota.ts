/**
 * Quotas per rep and month (KPI-SPEC §1, §6): month rows count whole, a
 * quarter row counts one third towards each of its months, several rows for
 * one rep and period add up. Kept in thirds of money units so they stay exact.
 * A period's quota is the sum over the months it overlaps, each prorated by
 * the days it covers: whole months for months, quarters and years; a week
 * takes days/days-in-month of its month(s) (our choice; the spec is silent).
 */
import type { Quota } from '../schema/rows.ts';
import { add, fraction, ZERO, type Fraction } from './money.ts';
import { monthEnd, monthsOf, monthStart, type Period } from './periods.ts';
import { toUnits } from './money.ts';

/** rep -> month index -> quota in thirds of money units. */
export type QuotaTable = Map<number, Map<number, number>>;

export function quotaTable(quotas: readonly Quota[], repIndex: ReadonlyMap<string, number>): QuotaTable {
  const table: QuotaTable = new Map();
  const credit = (rep: number, month: number, thirds: number) => {
    let months = table.get(rep);
    if (!months) table.set(rep, (months = new Map()));
    months.set(month, (months.get(month) ?? 0) + thirds);
  };
  for (const q of quotas) {
    const rep = repIndex.get(q.owner)!;
    const year = Number(q.period.slice(0, 4));
    const units = toUnits(q.amount);
    if (q.period[5] === 'Q') {
      const first = year * 12 + (Number(q.period[6]) - 1) * 3;
      for (let m = first; m < first + 3; m++) credit(rep, m, units);
    } else credit(rep, year * 12 + Number(q.period.slice(5, 7)) - 1, 3 * units);
  }
  return table;
}

/** Exact quota (in money units) of a set of reps for a period. */
export function quotaOf(table: QuotaTable, reps: readonly number[], period: Period): Fraction {
  let total = ZERO;
  for (const month of monthsOf(period)) {
    let thirds = 0;
    for (const rep of reps) thirds += table.get(rep)?.get(month) ?? 0;
    if (thirds === 0) continue;
    const first = monthStart(month);
    const last = monthEnd(month);
    const covered = Math.min(last, period.end) - Math.max(first, period.start) + 1;
    const days = last - first + 1;
    total = add(total, covered === days ? fraction(thirds, 3) : fraction(thirds * covered, 3 * days));
  }
  return total;
}
