/**
 * The months a site has a report for: every month from the data's first
 * day to its as-of date, plus any month frozen in a snapshot outside that
 * span (a snapshot outlives the rows it was made from).
 */
import type { Day } from '../ingest/values.ts';
import { parsePeriod, periodsBetween } from '../kpi/periods.ts';

export interface ReportMonth {
  /** `YYYY-MM`. */
  id: string;
  /** A snapshot exists: the report renders from it, not from the data. */
  frozen: boolean;
  /** The month ended on or before the as-of date (a month in progress is not). */
  complete: boolean;
}

/** Report months, newest first; `frozen` holds the months of the snapshots. */
export function reportMonths(first: Day, asOf: Day, frozen: Iterable<string>): ReportMonth[] {
  const frozenSet = new Set(frozen);
  const ids = new Set(first <= asOf ? periodsBetween('month', first, asOf).map((p) => p.id) : []);
  for (const id of frozenSet) if (parsePeriod(id)?.kind === 'month') ids.add(id);
  return [...ids]
    .sort()
    .reverse()
    .map((id) => ({ id, frozen: frozenSet.has(id), complete: (parsePeriod(id)?.end ?? Infinity) <= asOf }));
}

/** The month before and after `id` among `months` (any order), for previous/next links; null at the ends. */
export function neighbours(months: readonly ReportMonth[], id: string): { previous: string | null; next: string | null } {
  const ids = months.map((m) => m.id).sort();
  const at = ids.indexOf(id);
  return { previous: at > 0 ? ids[at - 1] : null, next: at >= 0 && at < ids.length - 1 ? ids[at + 1] : null };
}
