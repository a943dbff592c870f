import { describe, expect, it } from 'vitest';
import { joined, partsOf, partsText } from './parts.ts';

describe('partsOf', () => {
  it('fills placeholders with cells and words, joining adjacent words', () => {
    const low = { text: '$1,050', kpi: { name: 'outlook.forecast.low', scope: 'team', period: '2026-11' } };
    const parts = partsOf('range {low} – {high}{unit}, {x}', { low, high: '$1,200', unit: '' });
    expect(parts).toEqual(['range ', low, ' – $1,200, {x}']);
    expect(partsText(parts)).toBe('range $1,050 – $1,200, {x}');
  });

  it('lists cells with a separator', () => {
    const [a, b] = [{ text: 'Ann' }, { text: 'Bob' }];
    expect(joined([[a], [b, ' (80%)']], ', ')).toEqual([a, ', ', b, ' (80%)']);
    expect(partsOf('{n} reps: {names}', { n: '2', names: [a, ', ', b] })).toEqual(['2 reps: ', a, ', ', b]);
    expect(joined([], ', ')).toEqual([]);
  });
});
