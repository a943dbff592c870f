import { describe, expect, test } from 'vitest';
import { exactProbability } from './odds.ts';

const f = (num: bigint, den: bigint) => ({ num, den });

describe('exactProbability', () => {
  test('a written probability is its decimal', () => {
    expect(exactProbability(0.1, 0, 4)).toEqual(f(1n, 10n));
    expect(exactProbability(0.75, 3, 4)).toEqual(f(75n, 100n));
    expect(exactProbability(0.35, 1, 4)).toEqual(f(35n, 100n));
    expect(exactProbability(1e-7, 0, 4)).toEqual(f(1n, 10_000_000n));
    expect(exactProbability(2.5e-8, 0, 4)).toEqual(f(25n, 1_000_000_000n));
    expect(exactProbability(1, 0, 4)).toEqual(f(1n, 1n));
    expect(exactProbability(0, 0, 4)).toEqual(f(0n, 1n));
  });
  test('the even step i/(n+1) of a stage without one stays that fraction', () => {
    expect(exactProbability(1 / 3, 0, 2)).toEqual(f(1n, 3n));
    expect(exactProbability(4 / 6, 3, 5)).toEqual(f(4n, 6n));
    // 0.5 is both the written decimal and the step 2/4 of four stages: the same number either way
    expect(exactProbability(0.5, 1, 3)).toEqual(f(2n, 4n));
  });
});
