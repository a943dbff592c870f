import { describe, expect, it } from 'vitest';
import { dayToIso } from '../ingest/values.ts';
import { parsePeriod, periodOf, periodsBetween } from './periods.ts';

const range = (id: string) => {
  const p = parsePeriod(id);
  return p && [p.id, p.kind, dayToIso(p.start), dayToIso(p.end)];
};

describe('periods', () => {
  it('parses the four kinds, weeks in either spelling', () => {
    expect(range('2026-02')).toEqual(['2026-02', 'month', '2026-02-01', '2026-02-28']);
    expect(range('2024-Q1')).toEqual(['2024-Q1', 'quarter', '2024-01-01', '2024-03-31']);
    expect(range('2026-W01')).toEqual(['2026-W01', 'week', '2025-12-29', '2026-01-04']);
    expect(range('2026w53')).toEqual(['2026-W53', 'week', '2026-12-28', '2027-01-03']);
    expect(range('2026')).toEqual(['2026', 'year', '2026-01-01', '2026-12-31']);
    for (const bad of ['2025-W53', '2026-W00', '2026-13', '2026-Q5', '26-10', '2026-1']) expect(parsePeriod(bad), bad).toBeNull();
  });
  it('finds the period of a day and walks a range', () => {
    const day = parsePeriod('2027-01-01'.slice(0, 7))!.start; // 1 Jan 2027, a Friday
    expect(periodOf('week', day).id).toBe('2026-W53');
    expect(periodOf('quarter', day).id).toBe('2027-Q1');
    const months = periodsBetween('month', parsePeriod('2025-11')!.start + 10, parsePeriod('2026-02')!.start);
    expect(months.map((m) => m.id)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
