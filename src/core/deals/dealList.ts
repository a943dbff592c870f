/**
 * A list of deals with its count and amount, summed exactly from the same
 * money units the KPIs sum (kpi/money.ts), so a list's total is the KPI's
 * number to the cent; and the orders that put what matters first.
 */
import { compareCodePoints } from '../kpi/codePoints.ts';
import type { Facts } from '../kpi/facts.ts';
import { fromUnits } from '../kpi/money.ts';
import type { DealRow } from './dealRow.ts';

export interface DealList<Row extends DealRow = DealRow> {
  count: number;
  amount: number;
  rows: Row[];
}

type Order<Row> = (a: Row, b: Row) => number;

/** Money units of the deals (by index in `dataset.deals`). */
export function unitsOf(facts: Facts, deals: readonly number[]): number {
  let units = 0;
  for (const deal of deals) units += facts.dealUnits[deal];
  return units;
}

/** The deals in the `order` of their rows; ties by id, in code-point order, so a list reads the same on every build. */
export function sortDeals<Row extends DealRow>(deals: readonly number[], rowOf: (deal: number) => Row, order: Order<Row>): number[] {
  return [...deals].sort((a, b) => {
    const ra = rowOf(a);
    const rb = rowOf(b);
    return order(ra, rb) || compareCodePoints(ra.id, rb.id);
  });
}

/** The deals as a list, their rows in `order` (see sortDeals). */
export function listOf<Row extends DealRow>(facts: Facts, deals: readonly number[], rowOf: (deal: number) => Row, order: Order<Row>): DealList<Row> {
  return { count: deals.length, amount: fromUnits(unitsOf(facts, deals)), rows: sortDeals(deals, rowOf, order).map(rowOf) };
}

/** Several orders, each breaking the ties of the one before. */
function by<Row>(...orders: Order<Row>[]): Order<Row> {
  return (a, b) => {
    for (const order of orders) {
      const c = order(a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
}

const amountDown: Order<DealRow> = (a, b) => b.amount - a.amount;
const closeUp: Order<DealRow> = (a, b) => (a.closeDate < b.closeDate ? -1 : a.closeDate > b.closeDate ? 1 : 0);
const touchUp: Order<DealRow> = (a, b) => (a.lastTouch < b.lastTouch ? -1 : a.lastTouch > b.lastTouch ? 1 : 0);

/** Largest first, then the one due (or closed, or overdue) longest ago. */
export const BY_AMOUNT = by(amountDown, closeUp);
/** Soonest close date first, then the largest. */
export const BY_CLOSE_DATE = by(closeUp, amountDown);
/** Longest untouched first, then the largest. */
export const BY_LAST_TOUCH = by(touchUp, amountDown);
/** Largest expected value first, then the largest amount. */
export const BY_EXPECTED = by<DealRow & { expected: number }>((a, b) => b.expected - a.expected, amountDown);
