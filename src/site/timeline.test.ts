import { describe, expect, it } from 'vitest';
import { labels } from './text/dictionary.ts';
import { formattersFor } from './text/format.ts';
import { isoToDay } from '../core/ingest/values.ts';
import { parsePeriod, type Period } from '../core/kpi/periods.ts';
import { leadsWithPrevious, periodTitle, shortMonth, timelineOf } from './timeline.ts';

const day = (iso: string) => isoToDay(iso) as number;
const period = (id: string) => parsePeriod(id) as Period;
const ids = (periods: Period[]) => periods.map((p) => p.id);

describe('timelineOf', () => {
  const t = timelineOf(day('2026-11-27'), 12, day('2025-06-01'));

  it('draws every trend over the data’s last 12 months up to the as-of month, whatever the period', () => {
    expect(ids(t.trend)).toEqual(ids(t.months.slice(-12)));
    expect([t.trend[0].id, t.trend[11].id]).toEqual(['2025-12', '2026-11']);
    const young = timelineOf(day('2026-11-27'), 12, day('2026-09-15'));
    expect(ids(young.trend)).toEqual(['2026-09', '2026-10', '2026-11']);
  });

  it('lists every month and quarter of the data, ending with the current ones', () => {
    expect([t.month.id, t.quarter.id]).toEqual(['2026-11', '2026-Q4']);
    expect(t.months).toHaveLength(18);
    expect([t.months[0].id, t.months[17].id]).toEqual(['2025-06', '2026-11']);
    expect(ids(t.quarters)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('fixes what the page of the current month shows', () => {
    const v = t.view(t.month);
    expect([v.previous.id, v.endMonth.id, v.running]).toEqual(['2026-10', '2026-11', true]);
    expect(ids(v.window)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(ids(v.ahead)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(t.complete(t.month)).toBe(false);
  });

  it('ends a past period’s trend with its last month, a running quarter’s with the as-of month', () => {
    const q3 = t.view(period('2026-Q3'));
    expect([q3.previous.id, q3.endMonth.id, q3.running, q3.ahead.length]).toEqual(['2026-Q2', '2026-09', false, 0]);
    expect(q3.window[11].id).toBe('2026-09');
    const q4 = t.view(t.quarter);
    expect([q4.previous.id, q4.endMonth.id, q4.running]).toEqual(['2026-Q3', '2026-11', true]);
  });

  it('links each period to its neighbours within the data and to its month or quarter', () => {
    expect(t.around(period('2025-06'))).toEqual({ previous: null, next: period('2025-07') });
    expect(t.around(t.month)).toEqual({ previous: period('2026-10'), next: null });
    expect(t.around(period('2026-Q3'))).toEqual({ previous: period('2026-Q2'), next: period('2026-Q4') });
    expect(t.other(period('2026-08')).id).toBe('2026-Q3');
    expect(t.other(period('2026-Q3')).id).toBe('2026-09');
    expect(t.other(t.quarter).id).toBe('2026-11');
  });

  it('crosses year ends and honours a shorter window; a month ending on the as-of day is complete', () => {
    const jan = timelineOf(day('2026-01-31'), 3);
    const v = jan.view(jan.month);
    expect([v.previous.id, jan.view(jan.quarter).previous.id]).toEqual(['2025-12', '2025-Q4']);
    expect(ids(v.window)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(jan.complete(jan.month)).toBe(true);
    expect(ids(jan.months)).toEqual(['2026-01']);
  });
});

describe('leadsWithPrevious', () => {
  const december = period('2026-12');
  it('leads with the month before in the first 5 days, or until a deal of the month closes', () => {
    expect(leadsWithPrevious(day('2026-12-01'), december, 3)).toBe(true);
    expect(leadsWithPrevious(day('2026-12-05'), december, 3)).toBe(true);
    expect(leadsWithPrevious(day('2026-12-06'), december, 3)).toBe(false);
    expect(leadsWithPrevious(day('2026-12-20'), december, 0)).toBe(true);
    expect(leadsWithPrevious(day('2026-12-31'), december, 0)).toBe(false); // the month is over
  });
});

const en = { l: labels('en-US'), f: formattersFor('en-US', 'USD') };
const ru = { l: labels('ru-RU'), f: formattersFor('ru-RU', 'RUB') };

describe('period words', () => {
  it('names months and quarters, "to date" while they run', () => {
    const t = timelineOf(day('2026-11-27'), 12);
    expect(periodTitle(t.month, t, en)).toBe('November 2026, to date');
    expect(periodTitle(period('2026-10'), t, en)).toBe('October 2026');
    expect(periodTitle(t.quarter, t, en)).toBe('Q4 2026, to date');
    expect(periodTitle(period('2026-Q3'), t, ru)).toBe('3 кв. 2026');
    expect(periodTitle(period('2026-12'), t, en)).toBe('December 2026'); // ahead: not "to date"
    expect(shortMonth(t.month, en)).toBe('Nov 26');
  });
});
