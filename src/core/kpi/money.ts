/**
 * Exact money. Amounts are summed as integers of 1/10,000 of the currency
 * (exact for every amount with up to four decimals), and quotas, which
 * include thirds of quarters and prorated weeks, are exact fractions of
 * those units. So a gap is 0 exactly when it should be, and ceilings are
 * taken on exact values (KPI-SPEC §6: 15000.45 / 5000.15 is 3, not 4).
 * Probabilities are exact fractions too, so weighted pipeline and the
 * forecast carry no float noise; each number is rounded once, at the end.
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

/** A non-negative exact fraction: of money units, or a probability. */
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

export function times(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** max(0, a - b) */
export function gapBetween(a: Fraction, b: Fraction): Fraction {
  const num = a.num * b.den - b.num * a.den;
  return num > 0n ? { num, den: a.den * b.den } : ZERO;
}

export function isZero(a: Fraction): boolean {
  return a.num === 0n;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** num / den as the nearest double (den > 0): the one rounding of an exact value. */
export function quotient(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  // Both exact as doubles: one IEEE division rounds correctly.
  if (num <= SAFE && den <= SAFE) return Number(num) / Number(den);
  // Else a quotient of at least 64 bits with a sticky bit for the remainder, rounded once by Number().
  const shift = Math.max(0, 64 - (num.toString(2).length - den.toString(2).length));
  const scaled = num << BigInt(shift);
  let q = scaled / den;
  if (q * den !== scaled) q |= 1n;
  return Number(q) / 2 ** shift;
}

/** Currency value as a number. */
export function fractionValue(a: Fraction): number {
  return quotient(a.num, a.den * BigInt(UNITS_PER_CURRENCY));
}

/** a / b as a number; b must not be zero. */
export function ratio(a: Fraction, b: Fraction): number {
  return quotient(a.num * b.den, b.num * a.den);
}

/** ceil(a / b) for positive b, exactly. */
export function ceilRatio(a: Fraction, b: Fraction): number {
  const top = a.num * b.den;
  const bottom = b.num * a.den;
  return Number((top + bottom - 1n) / bottom);
}
