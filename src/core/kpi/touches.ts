/**
 * When each deal was last touched, and when it entered the stage it is in,
 * as of the as-of date: KPI-SPEC §7's lastTouch (the stale rule) and the
 * deal lists' days in stage. The one place that reads stage history and
 * activities deal by deal, so the stale count and the lists behind it
 * share one reading.
 */
import type { Dataset } from '../ingest/dataset.ts';
import type { Day } from '../ingest/values.ts';
import { NO_DAY } from './leads.ts';

export interface DealTouches {
  /** Per deal: the latest of its created date, its stage-history entries and its linked activities, those on or before as-of. */
  lastTouch: Int32Array;
  /** Per deal: its latest stage-history entry into its current stage on or before as-of; NO_DAY when the history has none. */
  stageEntered: Int32Array;
}

/** `index` maps a deal id to its index in `dataset.deals`. */
export function dealTouches(dataset: Dataset, index: ReadonlyMap<string, number>, asOf: Day): DealTouches {
  const { deals } = dataset;
  const lastTouch = Int32Array.from(deals, (d) => d.created);
  const stageEntered = new Int32Array(deals.length).fill(NO_DAY);
  for (const h of dataset.stageHistory) {
    const deal = h.entered > asOf ? undefined : index.get(h.deal);
    if (deal === undefined) continue;
    if (h.entered > lastTouch[deal]) lastTouch[deal] = h.entered;
    if (h.stage === deals[deal].stage && h.entered > stageEntered[deal]) stageEntered[deal] = h.entered;
  }
  for (const a of dataset.activities) {
    const deal = a.deal === undefined || a.date > asOf ? undefined : index.get(a.deal);
    if (deal !== undefined && a.date > lastTouch[deal]) lastTouch[deal] = a.date;
  }
  return { lastTouch, stageEntered };
}
