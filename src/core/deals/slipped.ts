/**
 * Slipped deals: open deals whose close date moved out of the period. Stage
 * history carries no close dates, so they come from close_dates.csv, the
 * close dates the upload records export by export (upload/history.ts). A
 * deal open at as-of A slipped out of P when its close date now is after P
 * and a close date recorded on or before A, and on or before P's last day,
 * lay in P. Without two recorded exports no deal can be seen to slip.
 */
import type { Day } from '../ingest/values.ts';
import type { CloseDateHistory } from '../kpi/closeDateHistory.ts';
import { rangeOf } from '../kpi/dayList.ts';
import type { Facts } from '../kpi/facts.ts';
import type { Period } from '../kpi/periods.ts';

export interface Slip {
  deal: number;
  /** The latest close date in P recorded for it (by the day recorded). */
  from: Day;
  recorded: Day;
}

/** The latest close date recorded for `deal` on or before `until` that lay in P; null when none did. */
function closeDateInPeriod(history: CloseDateHistory, deal: number, period: Period, until: Day): Omit<Slip, 'deal'> | null {
  let found: Omit<Slip, 'deal'> | null = null;
  for (let i = history.start[deal]; i < history.start[deal + 1] && history.recorded[i] <= until; i++) {
    const close = history.closeDate[i];
    if (close >= period.start && close <= period.end) found = { from: close, recorded: history.recorded[i] };
  }
  return found;
}

/** The scope's deals that slipped out of P; none without close_dates.csv. */
export function slippedDeals(facts: Facts, scope: readonly number[], period: Period): Slip[] {
  const history = facts.closeDates;
  if (history === null) return [];
  const until = Math.min(facts.asOf, period.end);
  const slips: Slip[] = [];
  for (const rep of scope) {
    const list = facts.byRep.openDeals[rep];
    const [from, to] = rangeOf(list, period.end + 1, Infinity);
    for (let p = from; p < to; p++) {
      const found = closeDateInPeriod(history, list.rows[p], period, until);
      if (found) slips.push({ deal: list.rows[p], ...found });
    }
  }
  return slips;
}

/** How many exports' close dates are recorded (distinct days recorded); below 2 no deal can be seen to slip. */
export function exportsRecorded(facts: Facts): number {
  return facts.closeDates === null ? 0 : new Set(facts.closeDates.recorded).size;
}
