import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './codePoints.ts';

const byCodePoints = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);

describe('compareCodePoints', () => {
  it('orders as plain strings: "A-10007" before "A-9"', () => {
    expect(compareCodePoints('A-10007', 'A-9')).toBeLessThan(0);
    expect(compareCodePoints('A-9', 'A-9')).toBe(0);
    expect(compareCodePoints('A', 'A-1')).toBeLessThan(0);
  });

  it('puts U+FF01 before U+1F600, which UTF-16 units put the other way', () => {
    expect('A-😀' < 'A-！').toBe(true);
    expect(compareCodePoints('A-！', 'A-😀')).toBeLessThan(0);
    expect(compareCodePoints('A-😀', 'A-！')).toBeGreaterThan(0);
  });

  it('agrees with comparing the code point sequences', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const [x, y] = [byCodePoints(a), byCodePoints(b)];
        let expected = 0;
        for (let i = 0; i < Math.min(x.length, y.length) && expected === 0; i++) expected = x[i] - y[i];
        if (expected === 0) expected = x.length - y.length;
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(expected));
      }),
    );
  });
});
