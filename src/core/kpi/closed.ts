/** Won and lost deals of a scope closed within a day range: the base of KPI 3, KPI 4 and the lagging indicators. */
import type { Day } from '../ingest/values.ts';
import { rangeOf } from './dayList.ts';
import type { Facts } from './facts.ts';

export interface Closed {
  won: number;
  lost: number;
  /** Money units (see money.ts). */
  wonUnits: number;
  lostUnits: number;
}

export function closedBetween(facts: Facts, scope: readonly number[], start: Day, end: Day): Closed {
  const closed: Closed = { won: 0, lost: 0, wonUnits: 0, lostUnits: 0 };
  const won = facts.dataset.config.stages.length;
  for (const rep of scope) {
    const list = facts.byRep.closedDeals[rep];
    const [from, to] = rangeOf(list, start, end);
    for (let p = from; p < to; p++) {
      const deal = list.rows[p];
      if (facts.deals.position[deal] === won) {
        closed.won++;
        closed.wonUnits += facts.dealUnits[deal];
      } else {
        closed.lost++;
        closed.lostUnits += facts.dealUnits[deal];
      }
    }
  }
  return closed;
}

/** Leads of the scope (owner of their first activity) whose first activity falls within the range. */
export function leadsArrivedBetween(facts: Facts, scope: readonly number[], start: Day, end: Day): number {
  let count = 0;
  for (const rep of scope) {
    const [from, to] = rangeOf(facts.byRep.leads[rep], start, end);
    count += to - from;
  }
  return count;
}
