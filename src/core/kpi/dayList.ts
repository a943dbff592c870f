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
 * A counting sort over the days (a data set spans a few thousand), so a
 * million rows group in linear time.
 */
export function groupByDay(count: number, groups: number, groupOf: (row: number) => number, dayOf: (row: number) => Day): DayList[] {
  const group = new Int32Array(count);
  const day = new Int32Array(count);
  const sizes = new Int32Array(groups);
  let first = Infinity;
  let last = -Infinity;
  for (let row = 0; row < count; row++) {
    const g = (group[row] = groupOf(row));
    if (g < 0) continue;
    const d = (day[row] = dayOf(row));
    sizes[g]++;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  const lists = Array.from(sizes, (size) => ({ rows: new Int32Array(size), days: new Int32Array(size) }));
  if (first > last) return lists;
  // Rows by day: start offset of each day, then one pass in day order.
  const starts = new Int32Array(last - first + 2);
  for (let row = 0; row < count; row++) if (group[row] >= 0) starts[day[row] - first + 1]++;
  for (let d = 1; d < starts.length; d++) starts[d] += starts[d - 1];
  const byDay = new Int32Array(starts[starts.length - 1]);
  for (let row = 0; row < count; row++) if (group[row] >= 0) byDay[starts[day[row] - first]++] = row;
  const filled = new Int32Array(groups);
  for (const row of byDay) {
    const g = group[row];
    const at = filled[g]++;
    lists[g].rows[at] = row;
    lists[g].days[at] = day[row];
  }
  return lists;
}
