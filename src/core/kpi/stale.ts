/**
 * Stale deals (KPI-SPEC §7, the outlook): open deals nobody has moved or
 * touched for longer than the stage's `staleDays` — what Pipedrive calls
 * "rotting". A deal's last touch is the latest of its created date, its
 * stage-history entries and its linked activities, each on or before as-of
 * (touches.ts). Staleness depends on the as-of date only, not on the
 * period, so it is worked out once per rep when the index is built.
 */
import type { Dataset } from '../ingest/dataset.ts';
import type { Day } from '../ingest/values.ts';
import type { DayList } from './dayList.ts';
import type { Facts } from './facts.ts';
import { fromUnits } from './money.ts';
import type { StaleKpi } from '../schema/kpiReport.ts';

/** Per rep: how many of its deals open at as-of are stale, and their money units; per deal: 1 when it is one of them. */
export interface StaleByRep { count: Int32Array; units: Float64Array; isStale: Uint8Array }

/**
 * `openDeals[rep]` = the rep's deals open at as-of; `dealUnits` = money units
 * of each deal; `lastTouch` = each deal's last touch (touches.ts).
 */
export function staleByRep(dataset: Dataset, openDeals: readonly DayList[], dealUnits: Float64Array, lastTouch: Int32Array, asOf: Day): StaleByRep {
  const { config } = dataset;
  const limit = new Map(config.stages.map((s) => [s.name, s.staleDays ?? config.staleDays]));
  const isStale = new Uint8Array(dataset.deals.length);
  const count = new Int32Array(openDeals.length);
  const units = new Float64Array(openDeals.length);
  openDeals.forEach((list, rep) => {
    for (const deal of list.rows) {
      if (asOf - lastTouch[deal] <= limit.get(dataset.deals[deal].stage)!) continue;
      isStale[deal] = 1;
      count[rep]++;
      units[rep] += dealUnits[deal];
    }
  });
  return { count, units, isStale };
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
