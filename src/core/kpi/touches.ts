/**
 * When each deal was last touched, and when it entered the stage it is in,
 * as of the as-of date: KPI-SPEC §7's lastTouch (the stale rule) and the
 * deal lists' days in stage. The one place that reads stage history and
 * activities deal by deal, so the stale count and the lists behind it
 * share one reading.
 */
import type { Dataset } from '../ingest/dataset.ts';
import type { Day } from '../ingest/values.ts';
import { NO_DAY, NONE } from './leads.ts';

export interface DealTouches {
  /** Per deal: the latest of its created date, its stage-history entries and its linked activities, those on or before as-of. */
  lastTouch: Int32Array;
  /** Per deal: its latest stage-history entry into its current stage on or before as-of; NO_DAY when the history has none. */
  stageEntered: Int32Array;
}

/** Reads the columns of stage history and activities, whose deal links are deal indexes (NONE for none). */
export function dealTouches(dataset: Dataset, asOf: Day): DealTouches {
  const { deals, stageHistory: history, activities } = dataset;
  const lastTouch = Int32Array.from(deals, (d) => d.created);
  const stageEntered = new Int32Array(deals.length).fill(NO_DAY);
  // Each deal's stage as a code of the history's stage column (NONE when the history never names it).
  const stageCode = new Map(history.stage.names.map((name, code) => [name, code]));
  const currentStage = Int32Array.from(deals, (d) => stageCode.get(d.stage) ?? NONE);
  for (let r = 0; r < history.length; r++) {
    const deal = history.deal[r];
    const entered = history.entered[r];
    if (deal === NONE || entered > asOf) continue;
    if (entered > lastTouch[deal]) lastTouch[deal] = entered;
    if (history.stage.codes[r] === currentStage[deal] && entered > stageEntered[deal]) stageEntered[deal] = entered;
  }
  for (let r = 0; r < activities.length; r++) {
    const deal = activities.deal[r];
    const day = activities.date[r];
    if (deal !== NONE && day <= asOf && day > lastTouch[deal]) lastTouch[deal] = day;
  }
  return { lastTouch, stageEntered };
}
