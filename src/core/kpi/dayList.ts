/**
 * A list of row indexes sorted by a day, with the days alongside, so the rows
 * of any period are found by two binary searches.
 */
import type { Day } from '../ingest/values.ts';

export interface DayList {
  rows: Int32Array;
  days: Int32Array;
}

/** First position whose day is >= `day`. */
function lowerBound(days: Int32Array, day: Day): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [from, to) positions of the days within [start, end]. */
export function rangeOf(list: DayList, start: Day, end: Day): [number, number] {
  return [lowerBound(list.days, start), lowerBound(list.days, end + 1)];
}

/**
 * Groups rows into one day-sorted list per group. `groupOf` gives the group of
 * a row or -1 to leave it out. Stable: rows of one day keep their input order.
 */
export function groupByDay(count: number, groups: number, groupOf: (row: number) => number, dayOf: (row: number) => Day): DayList[] {
  const buckets: number[][] = Array.from({ length: groups }, () => []);
  for (let row = 0; row < count; row++) {
    const group = groupOf(row);
    if (group >= 0) buckets[group].push(row);
  }
  return buckets.map((rows) => {
    rows.sort((a, b) => dayOf(a) - dayOf(b) || a - b);
    const sorted = Int32Array.from(rows);
    return { rows: sorted, days: sorted.map(dayOf) };
  });
}
