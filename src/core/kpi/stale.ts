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
import { fromUnits } from './money.ts';
import type { StaleKpi } from '../schema/kpiReport.ts';

/** Per rep: how many of its deals open at as-of are stale, and their money units. */
export interface StaleByRep { count: Int32Array; units: Float64Array }

/** Latest touch on or before `asOf` of every deal in `open` (the deals open at as-of); other deals are left out. */
function lastTouches(dataset: Dataset, open: readonly DayList[], asOf: Day): Map<string, { deal: number; day: Day }> {
  const touched = new Map<string, { deal: number; day: Day }>();
  for (const list of open) for (const deal of list.rows) touched.set(dataset.deals[deal].id, { deal, day: dataset.deals[deal].created });
  const touch = (id: string | undefined, day: Day) => {
    const entry = id === undefined || day > asOf ? undefined : touched.get(id);
    if (entry && day > entry.day) entry.day = day;
  };
  for (const h of dataset.stageHistory) touch(h.deal, h.entered);
  for (const a of dataset.activities) touch(a.deal, a.date);
  return touched;
}

/** `openDeals[rep]` = the rep's deals open at as-of; `dealUnits` = money units of each deal. */
export function staleByRep(dataset: Dataset, openDeals: readonly DayList[], dealUnits: Float64Array, asOf: Day): StaleByRep {
  const { config } = dataset;
  const limit = new Map(config.stages.map((s) => [s.name, s.staleDays ?? config.staleDays]));
  const stale = new Uint8Array(dataset.deals.length);
  for (const { deal, day } of lastTouches(dataset, openDeals, asOf).values()) {
    if (asOf - day > limit.get(dataset.deals[deal].stage)!) stale[deal] = 1;
  }
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
