/**
 * One deal as a list shows it: who, what, how much, and how long it has sat
 * (days in its stage, days since anyone touched it), as of the as-of date.
 * Dates are `YYYY-MM-DD`; days are whole days up to as-of.
 */
import { dayToIso, type Day } from '../ingest/values.ts';
import type { Facts } from '../kpi/facts.ts';
import { NO_DAY } from '../kpi/leads.ts';
import { fromUnits } from '../kpi/money.ts';

export interface DealRow {
  id: string;
  name: string | null;
  account: string | null;
  owner: string;
  stage: string;
  amount: number;
  created: string;
  /** The expected close date of an open deal, the day it closed for a won or lost one. */
  closeDate: string;
  /** Days since the deal's latest entry into its current stage on or before as-of (stage history), else since it was created; null when that day is after as-of. */
  daysInStage: number | null;
  /** KPI-SPEC §7's last touch: the latest of created, its stage entries and its linked activities, on or before as-of. */
  lastTouch: string;
  /** Days from the last touch to as-of; null when the deal was created after as-of. */
  daysSinceTouch: number | null;
  /** Days an open deal's expected close date has passed (it is overdue); null otherwise. */
  daysOverdue: number | null;
}

/** A deal of the forecast: its chance to close won, p(stage) of KPI-SPEC §7, and amount x p. */
export interface ForecastRow extends DealRow {
  probability: number;
  expected: number;
}

/** A deal that slipped out of the period: the close date in the period it had, and the export that recorded it. */
export interface SlippedRow extends DealRow {
  slippedFrom: string;
  recorded: string;
}

const daysUpTo = (asOf: Day, day: Day) => (day > asOf ? null : asOf - day);

/**
 * Builds the row of a deal (by its index in `dataset.deals`) once, however
 * many lists it is in. `open`: the deal is open at as-of (it came from
 * `facts.byRep.openDeals`), so a passed close date makes it overdue.
 */
export function dealRows(facts: Facts): (deal: number, open: boolean) => DealRow {
  const { dataset, asOf, touches } = facts;
  const made = new Map<number, DealRow>();
  return (deal, open) => {
    let row = made.get(deal);
    if (row) return row;
    const d = dataset.deals[deal];
    const entered = touches.stageEntered[deal] === NO_DAY ? d.created : touches.stageEntered[deal];
    const lastTouch = touches.lastTouch[deal];
    row = {
      id: d.id,
      name: d.name ?? null,
      account: d.account ?? null,
      owner: d.owner,
      stage: d.stage,
      amount: fromUnits(facts.dealUnits[deal]),
      created: dayToIso(d.created),
      closeDate: dayToIso(d.close_date),
      daysInStage: daysUpTo(asOf, entered),
      lastTouch: dayToIso(lastTouch),
      daysSinceTouch: daysUpTo(asOf, lastTouch),
      daysOverdue: open && d.close_date < asOf ? asOf - d.close_date : null,
    };
    made.set(deal, row);
    return row;
  };
}
