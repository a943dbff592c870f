/**
 * Stale deals (KPI-SPEC §7, the outlook): open deals nobody has moved or
 * touched for longer than the stage's `staleDays` — what Pipedrive calls
 * "rotting". A deal's last touch is the latest of its created date, its
 * stage-history entries and its linked activities, each on or before as-of.
 * Staleness depends on the as-of date only, not on the period, so it is
 * worked out once per rep when the index is built.
 */
import type { Dataset } from '../ingest/dataset.ts';
import type { Day } from '../ingest/values.ts';
import type { DayList } from './dayList.ts';
import type { Facts } from './facts.ts';
import { NO_DAY, NONE } from './leads.ts';
import { fromUnits } from './money.ts';
import type { StaleKpi } from '../schema/kpiReport.ts';

/** Per rep: how many of its deals open at as-of are stale, and their money units. */
export interface StaleByRep { count: Int32Array; units: Float64Array }

/** Latest touch on or before `asOf` of every deal in `open` (the deals open at as-of), by deal index; NO_DAY for other deals. */
function lastTouches(dataset: Dataset, open: readonly DayList[], asOf: Day): Int32Array {
  const touched = new Int32Array(dataset.deals.length).fill(NO_DAY);
  for (const list of open) for (const deal of list.rows) touched[deal] = dataset.deals[deal].created;
  const touch = (deals: Int32Array, days: Int32Array) => {
    for (let r = 0; r < deals.length; r++) {
      const deal = deals[r];
      if (deal !== NONE && days[r] <= asOf && touched[deal] !== NO_DAY && days[r] > touched[deal]) touched[deal] = days[r];
    }
  };
  touch(dataset.stageHistory.deal, dataset.stageHistory.entered);
  touch(dataset.activities.deal, dataset.activities.date);
  return touched;
}

/** `openDeals[rep]` = the rep's deals open at as-of; `dealUnits` = money units of each deal. */
export function staleByRep(dataset: Dataset, openDeals: readonly DayList[], dealUnits: Float64Array, asOf: Day): StaleByRep {
  const { config } = dataset;
  const limit = new Map(config.stages.map((s) => [s.name, s.staleDays ?? config.staleDays]));
  const stale = new Uint8Array(dataset.deals.length);
  const touched = lastTouches(dataset, openDeals, asOf);
  touched.forEach((day, deal) => {
    if (day !== NO_DAY && asOf - day > limit.get(dataset.deals[deal].stage)!) stale[deal] = 1;
  });
  const count = new Int32Array(openDeals.length);
  const units = new Float64Array(openDeals.length);
  openDeals.forEach((list, rep) => {
    for (const deal of list.rows) {
      if (!stale[deal]) continue;
      count[rep]++;
      units[rep] += dealUnits[deal];
    }
  });
  return { count, units };
}

/** The scope's stale deals, whatever their close date. */
export function staleKpi(facts: Facts, scope: readonly number[]): StaleKpi {
  let count = 0;
  let units = 0;
  for (const rep of scope) {
    count += facts.stale.count[rep];
    units += facts.stale.units[rep];
  }
  return { count, amount: fromUnits(units) };
}
