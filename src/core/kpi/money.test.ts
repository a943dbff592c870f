import { describe, expect, test } from 'vitest';
import { fraction, fractionValue, quotient, ratio } from './money.ts';

describe('quotient: an exact fraction rounded once to the nearest double', () => {
  test('small terms: one IEEE division', () => {
    expect(quotient(1n, 3n)).toBe(1 / 3);
    expect(quotient(0n, 7n)).toBe(0);
    expect(quotient(9000n, 71n)).toBe(9000 / 71);
  });
  test('big terms keep every bit until the rounding', () => {
    const big = 10n ** 20n;
    expect(quotient(3n * big, 7n * big)).toBe(3 / 7);
    const tie = 2n ** 54n + 2n; // halfway between the doubles 2^54 and 2^54 + 4: rounds to even
    expect(quotient(tie, 1n)).toBe(2 ** 54);
    expect(quotient(tie * 3n + 1n, 3n)).toBe(2 ** 54 + 4); // a hair above the tie rounds up
    // Rounding both terms to doubles first lands one double off (checked against the exact distances).
    const [num, den] = [885023924560825317481537n, 4072957369300619451n];
    expect(quotient(num, den)).toBe(217292.7051070008);
    expect(Number(num) / Number(den)).toBe(217292.70510700083);
  });
  test('money values and ratios go through it', () => {
    expect(fractionValue(fraction(1_750_000_000, 3))).toBe(175000 / 3);
    expect(ratio(fraction(20000), fraction(2_320_000_000, 3 * 10_000))).toBe(15 / 58);
  });
});
