/**
 * Exact money. Amounts are summed as integers of 1/10,000 of the currency
 * (exact for every amount with up to four decimals), and quotas, which
 * include thirds of quarters and prorated weeks, are exact fractions of
 * those units. So a gap is 0 exactly when it should be, and ceilings are
 * taken on exact values (KPI-SPEC §6: 15000.45 / 5000.15 is 3, not 4).
 */

export const UNITS_PER_CURRENCY = 10_000;

/** Integer units of an amount. */
export function toUnits(amount: number): number {
  return Math.round(amount * UNITS_PER_CURRENCY);
}

/** Currency value of integer units (the nearest double to the exact decimal). */
export function fromUnits(units: number): number {
  return units / UNITS_PER_CURRENCY;
}

/** A non-negative exact fraction of units. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export const ZERO: Fraction = { num: 0n, den: 1n };

export function fraction(units: number, den = 1): Fraction {
  return { num: BigInt(units), den: BigInt(den) };
}

export function add(a: Fraction, b: Fraction): Fraction {
  return a.den === b.den ? { num: a.num + b.num, den: a.den } : { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

/** max(0, a - b) */
export function gapBetween(a: Fraction, b: Fraction): Fraction {
  const num = a.num * b.den - b.num * a.den;
  return num > 0n ? { num, den: a.den * b.den } : ZERO;
}

export function isZero(a: Fraction): boolean {
  return a.num === 0n;
}

/** Currency value as a number. */
export function fractionValue(a: Fraction): number {
  return Number(a.num) / Number(a.den) / UNITS_PER_CURRENCY;
}

/** a / b as a number; b must not be zero. */
export function ratio(a: Fraction, b: Fraction): number {
  return Number(a.num * b.den) / Number(b.num * a.den);
}

/** ceil(a / b) for positive b, exactly. */
export function ceilRatio(a: Fraction, b: Fraction): number {
  const top = a.num * b.den;
  const bottom = b.num * a.den;
  return Number((top + bottom - 1n) / bottom);
}
