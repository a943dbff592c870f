/**
 * The periods a page shows, all fixed by the as-of date: the current month
 * (usually still running) and the one before it, the quarter to date and
 * the quarter before it, the trend's months, the trailing window pooled for
 * coaching, and the months ahead for pipeline by close month.
 */
import { dayToIso, type Day } from '../core/ingest/values.ts';
import { monthIndexOf, monthStart, periodOf, type Period } from '../core/kpi/periods.ts';
import { fill, type Labels } from './text/dictionary.ts';
import { formatMonth } from './text/format.ts';

/** How many months a trend chart shows. */
export const TREND_MONTHS = 12;
/** How many months of open pipeline by close month, the current one included. */
export const MONTHS_AHEAD = 4;

export interface Timeline {
  asOf: Day;
  month: Period;
  previousMonth: Period;
  quarter: Period;
  previousQuarter: Period;
  /** The trend's months, oldest first, ending with the current month. */
  trend: Period[];
  /** The config's window (KPI-SPEC's trailing window), oldest first, ending with the current month. */
  window: Period[];
  /** The current month and the next ones, for open pipeline by close month. */
  ahead: Period[];
  /** True when the period ended on or before the as-of date. */
  complete(period: Period): boolean;
}

function monthsEndingWith(last: Period, count: number): Period[] {
  const end = monthIndexOf(last.start);
  return Array.from({ length: count }, (_, i) => periodOf('month', monthStart(end - count + 1 + i)));
}

/** The periods of a site whose as-of day is `asOf`, with a trailing window of `window` months. */
export function timelineOf(asOf: Day, window: number): Timeline {
  const month = periodOf('month', asOf);
  const quarter = periodOf('quarter', asOf);
  const first = monthIndexOf(month.start);
  return {
    asOf,
    month,
    previousMonth: periodOf('month', month.start - 1),
    quarter,
    previousQuarter: periodOf('quarter', quarter.start - 1),
    trend: monthsEndingWith(month, TREND_MONTHS),
    window: monthsEndingWith(month, window),
    ahead: Array.from({ length: MONTHS_AHEAD }, (_, i) => periodOf('month', monthStart(first + i))),
    complete: (period) => period.end <= asOf,
  };
}

/** A month in words: "November 2026"; a quarter: "Q4 2026" (ru: "4 кв. 2026"). */
export function periodName(period: Period, locale: string, l: Labels): string {
  const iso = dayToIso(period.start);
  if (period.kind === 'quarter') return fill(l['period.quarter'], { q: period.id.slice(-1), year: iso.slice(0, 4) });
  if (period.kind === 'month') return formatMonth(period.id, locale);
  return period.id;
}

/** A period in words, marked "to date" when the as-of date falls inside it (not when it is over, nor still ahead). */
export function periodTitle(period: Period, timeline: Timeline, locale: string, l: Labels): string {
  const name = periodName(period, locale, l);
  if (timeline.complete(period) || period.start > timeline.asOf) return name;
  return fill(l[period.kind === 'quarter' ? 'period.quarterToDate' : 'period.monthToDate'], { month: name, quarter: name });
}

/** A short month label for chart axes: "Nov 26" (en-US), "нояб. 26" (ru-RU). */
export function shortMonth(period: Period, locale: string): string {
  const date = new Date(`${dayToIso(period.start)}T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(date);
}
