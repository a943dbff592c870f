/**
 * KPI-SPEC §6 orders ids "as plain strings (code-point order)". JavaScript's
 * `<` compares UTF-16 units, which puts a character above U+FFFF (a surrogate
 * pair, 0xD800–0xDFFF) before one in U+E000–U+FFFF; code-point order puts it
 * after. Only the first differing unit matters, so a plain scan is enough.
 */
import type { PackedText } from '../ingest/columns.ts';

/** Negative, zero or positive as `a` is before, equal to or after `b` in code-point order. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** A UTF-16 unit's rank in code-point order: surrogates after the rest of the BMP. */
export function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** Rows `a` and `b` of a packed text column in code-point order, as `compareCodePoints` orders their strings. */
export function compareTextsAt(text: PackedText, a: number, b: number): number {
  const { units, starts } = text;
  const x = starts[a];
  const y = starts[b];
  const lengthA = starts[a + 1] - x;
  const lengthB = starts[b + 1] - y;
  const n = Math.min(lengthA, lengthB);
  for (let i = 0; i < n; i++) {
    const u = units[x + i];
    const v = units[y + i];
    if (u !== v) return codePointRank(u) - codePointRank(v);
  }
  return lengthA - lengthB;
}
