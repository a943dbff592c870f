import { describe, expect, it } from 'vitest';
import { isoToDay } from '../ingest/values.ts';
import { neighbours, reportMonths } from './months.ts';

const day = (iso: string) => isoToDay(iso) as number;

describe('reportMonths', () => {
  it('lists every month of the span newest first, marking frozen and complete ones', () => {
    const months = reportMonths(day('2026-08-15'), day('2026-10-25'), ['2026-09']);
    expect(months).toEqual([
      { id: '2026-10', frozen: false, complete: false },
      { id: '2026-09', frozen: true, complete: true },
      { id: '2026-08', frozen: false, complete: true },
    ]);
  });
  it('keeps a frozen month outside the span, and a month that ends on the as-of day is complete', () => {
    const months = reportMonths(day('2026-10-01'), day('2026-10-31'), ['2025-01', 'not-a-month']);
    expect(months.map((m) => [m.id, m.frozen, m.complete])).toEqual([
      ['2026-10', false, true],
      ['2025-01', true, true],
    ]);
  });
});

describe('neighbours', () => {
  it('gives the previous and next month, null at the ends', () => {
    const months = reportMonths(day('2026-08-01'), day('2026-10-01'), []);
    expect(neighbours(months, '2026-09')).toEqual({ previous: '2026-08', next: '2026-10' });
    expect(neighbours(months, '2026-08')).toEqual({ previous: null, next: '2026-09' });
    expect(neighbours(months, '2026-10')).toEqual({ previous: '2026-09', next: null });
  });
});
