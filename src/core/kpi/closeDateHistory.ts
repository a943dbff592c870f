/**
 * The close dates recorded for each deal (close_dates.csv: what each deals
 * export said, dated by the export), grouped by deal and ordered by the day
 * recorded, so the deal lists can tell which deals slipped out of a period.
 */
import type { Dataset } from '../ingest/dataset.ts';

/** The entries of deal `d` are at positions `start[d]` to `start[d + 1] - 1`, by day recorded (file order within a day). */
export interface CloseDateHistory {
  start: Int32Array;
  closeDate: Int32Array;
  recorded: Int32Array;
}

/** null without close_dates.csv. Entries of deals not in `dataset.deals` are passed over. */
export function closeDateHistory(dataset: Dataset): CloseDateHistory | null {
  if (dataset.closeDates === null) return null;
  const dealIndex = new Map(dataset.deals.map((d, i) => [d.id, i]));
  const entries = dataset.closeDates
    .map((e) => ({ deal: dealIndex.get(e.deal) ?? -1, closeDate: e.close_date, recorded: e.recorded }))
    .filter((e) => e.deal >= 0)
    .sort((a, b) => a.deal - b.deal || a.recorded - b.recorded);
  const start = new Int32Array(dataset.deals.length + 1);
  for (const e of entries) start[e.deal + 1]++;
  for (let d = 1; d < start.length; d++) start[d] += start[d - 1];
  return { start, closeDate: Int32Array.from(entries, (e) => e.closeDate), recorded: Int32Array.from(entries, (e) => e.recorded) };
}
