import { describe, expect, it } from 'vitest';
import { labels } from './text/dictionary.ts';
import { isoToDay } from '../core/ingest/values.ts';
import { periodTitle, shortMonth, timelineOf } from './timeline.ts';

const day = (iso: string) => isoToDay(iso) as number;

describe('timelineOf', () => {
  it('fixes every period of a page from the as-of date', () => {
    const t = timelineOf(day('2026-11-27'), 12);
    expect([t.month.id, t.previousMonth.id, t.quarter.id, t.previousQuarter.id]).toEqual(['2026-11', '2026-10', '2026-Q4', '2026-Q3']);
    expect(t.trend.map((p) => p.id)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(t.window).toEqual(t.trend);
    expect(t.ahead.map((p) => p.id)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(t.complete(t.month)).toBe(false);
    expect(t.complete(t.previousMonth)).toBe(true);
  });

  it('crosses year ends and honours a shorter window', () => {
    const t = timelineOf(day('2026-01-31'), 3);
    expect([t.previousMonth.id, t.previousQuarter.id]).toEqual(['2025-12', '2025-Q4']);
    expect(t.window.map((p) => p.id)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(t.complete(t.month)).toBe(true); // the as-of is the month's last day
  });
});

describe('period words', () => {
  it('names months and quarters, "to date" while they run', () => {
    const t = timelineOf(day('2026-11-27'), 12);
    expect(periodTitle(t.month, t, 'en-US', labels('en-US'))).toBe('November 2026, to date');
    expect(periodTitle(t.previousMonth, t, 'en-US', labels('en-US'))).toBe('October 2026');
    expect(periodTitle(t.quarter, t, 'en-US', labels('en-US'))).toBe('Q4 2026, to date');
    expect(periodTitle(t.previousQuarter, t, 'ru-RU', labels('ru-RU'))).toBe('3 кв. 2026');
    expect(periodTitle(t.ahead[1], t, 'en-US', labels('en-US'))).toBe('December 2026'); // ahead: not "to date"
    expect(shortMonth(t.month, 'en-US')).toBe('Nov 26');
  });
});
