/** Won and lost deals of a scope closed within a day range: the base of KPI 3, KPI 4 and the lagging indicators. */
import type { Day } from '../ingest/values.ts';
import { rangeOf, type DayList } from './dayList.ts';
import type { Facts } from './facts.ts';

export interface Closed {
  won: number;
  lost: number;
  /** Money units (see money.ts). */
  wonUnits: number;
  lostUnits: number;
}

/** Running totals of won and lost deals and their units along a rep's closed deals: entry p covers the first p deals. */
export interface ClosedSums {
  won: Int32Array;
  wonUnits: Float64Array;
  lostUnits: Float64Array;
}

/** `won` is the won stage's position. Units are whole numbers, so a difference of two totals is exact. */
export function closedSums(closedDeals: readonly DayList[], position: Int32Array, won: number, dealUnits: Float64Array): ClosedSums[] {
  return closedDeals.map(({ rows }) => {
    const sums = { won: new Int32Array(rows.length + 1), wonUnits: new Float64Array(rows.length + 1), lostUnits: new Float64Array(rows.length + 1) };
    rows.forEach((deal, p) => {
      const isWon = position[deal] === won;
      sums.won[p + 1] = sums.won[p] + (isWon ? 1 : 0);
      sums.wonUnits[p + 1] = sums.wonUnits[p] + (isWon ? dealUnits[deal] : 0);
      sums.lostUnits[p + 1] = sums.lostUnits[p] + (isWon ? 0 : dealUnits[deal]);
    });
    return sums;
  });
}

export function closedBetween(facts: Facts, scope: readonly number[], start: Day, end: Day): Closed {
  const closed: Closed = { won: 0, lost: 0, wonUnits: 0, lostUnits: 0 };
  for (const rep of scope) {
    const [from, to] = rangeOf(facts.byRep.closedDeals[rep], start, end);
    const sums = facts.closedSums[rep];
    const won = sums.won[to] - sums.won[from];
    closed.won += won;
    closed.lost += to - from - won;
    closed.wonUnits += sums.wonUnits[to] - sums.wonUnits[from];
    closed.lostUnits += sums.lostUnits[to] - sums.lostUnits[from];
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
