/**
 * KPI 3 — win rate and overall conversion (lagging), and the plan it implies:
 * quota / average deal = deals needed; deals needed / lead conversion = leads
 * needed (the article: 100 000 / 5 000 = 20 deals; at 10 %, 200 leads).
 * KPI-SPEC §3, §6.
 */
import { leadsArrivedBetween, type Closed } from './closed.ts';
import type { Facts } from './facts.ts';
import { ceilRatio, fraction, fromUnits, isZero, quotient, UNITS_PER_CURRENCY, type Fraction } from './money.ts';
import { monthEnd, monthIndexOf, monthStart, type Period } from './periods.ts';
import { rate } from './rate.ts';
import type { WinRateKpi } from '../schema/kpiReport.ts';

/** The trailing window: `window` months ending with the last month of the period. */
export function trailingWindow(facts: Facts, period: Period): { start: number; end: number } {
  const last = monthIndexOf(period.end);
  return { start: monthStart(last - facts.dataset.config.window + 1), end: monthEnd(last) };
}

/** Deals needed to close the quota: exact ceiling of quota / average won deal. */
export function dealsNeeded(quota: Fraction, trailing: Closed): number | null {
  if (trailing.won === 0 || trailing.wonUnits === 0) return null;
  if (isZero(quota)) return 0;
  return ceilRatio(quota, fraction(trailing.wonUnits, trailing.won));
}

/** Leads needed for those deals at the trailing, pooled lead conversion. */
export function leadsNeeded(deals: number | null, trailingWon: number, trailingLeads: number): number | null {
  if (deals === null || deals === 0 || trailingWon === 0 || trailingLeads === 0) return null;
  return ceilRatio(fraction(deals * trailingLeads), fraction(trailingWon));
}

/** `closed` = the scope's deals closed in P, `trailing` = those closed in the trailing window. */
export function winRateKpi(facts: Facts, scope: readonly number[], period: Period, closed: Closed, trailing: Closed, quota: Fraction): WinRateKpi {
  const window = trailingWindow(facts, period);
  const trailingLeads = leadsArrivedBetween(facts, scope, window.start, window.end);
  const deals = dealsNeeded(quota, trailing);
  return {
    won: closed.won,
    lost: closed.lost,
    rate: rate(closed.won, closed.won + closed.lost),
    wonAmount: fromUnits(closed.wonUnits),
    lostAmount: fromUnits(closed.lostUnits),
    valueRate: rate(closed.wonUnits, closed.wonUnits + closed.lostUnits),
    leadConversion: rate(closed.won, leadsArrivedBetween(facts, scope, period.start, period.end)),
    avgDealSize: trailing.won === 0 ? null : quotient(BigInt(trailing.wonUnits), BigInt(trailing.won * UNITS_PER_CURRENCY)),
    dealsNeeded: deals,
    leadsNeeded: leadsNeeded(deals, trailing.won, trailingLeads),
  };
}
