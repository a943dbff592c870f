/**
 * The periods of the site, all fixed by the as-of date: every month and
 * quarter of the data (each has its pages), the current ones (the
 * bookmarked pages show them), the trends' months (the same on every
 * page: the last months of the data up to the as-of month, so a trend is
 * drawn once, not once per period), and for a period shown, what its page
 * needs: the period before (the cards' change), the month its pooled
 * window ends with, and the months ahead for open pipeline.
 */
import { dayToIso, type Day } from '../core/ingest/values.ts';
import { monthIndexOf, monthStart, periodOf, periodsBetween, type Period } from '../core/kpi/periods.ts';
import { fill, type Labels } from './text/dictionary.ts';
import type { Formatters } from './text/format.ts';

/** How many months a trend chart shows at most: the data's last ones, up to the as-of month. */
export const TREND_MONTHS = 12;
/** How many months of open pipeline by close month, the current one included. */
export const MONTHS_AHEAD = 4;
/** The first days of a month in which its pages lead with the month before (see `leadsWithPrevious`). */
export const YOUNG_DAYS = 5;

/** What the page of one period is made of. */
export interface PeriodView {
  period: Period;
  /** The period before, of the same kind (the cards compare with it). */
  previous: Period;
  /** The month the pooled window ends with: the period's last month, or the as-of month while it runs. */
  endMonth: Period;
  /** The config's window (KPI-SPEC's trailing window), oldest first, ending with `endMonth`. */
  window: Period[];
  /** While the period runs: the as-of month and the next ones, for open pipeline by close month; else none. */
  ahead: Period[];
  /** The as-of date falls inside the period and it is not over yet. */
  running: boolean;
}

export interface Timeline {
  asOf: Day;
  /** The as-of month and quarter: what the bookmarked pages show. */
  month: Period;
  quarter: Period;
  /** Every month and every quarter of the data, oldest first, ending with the current ones. */
  months: Period[];
  quarters: Period[];
  /** The trends' months, oldest first: the last TREND_MONTHS of the data, ending with the as-of month. */
  trend: Period[];
  /** True when the period ended on or before the as-of date. */
  complete(period: Period): boolean;
  view(period: Period): PeriodView;
  /** The periods of the same kind before and after `period` that the site has pages for. */
  around(period: Period): { previous: Period | null; next: Period | null };
  /** The switch between a month and its quarter: a month's quarter; a quarter's current month while it runs, else its last month. */
  other(period: Period): Period;
}

function monthsEndingWith(last: Period, count: number): Period[] {
  const end = monthIndexOf(last.start);
  return Array.from({ length: count }, (_, i) => periodOf('month', monthStart(end - count + 1 + i)));
}

/**
 * The periods of a site whose as-of day is `asOf` and whose data starts on
 * `first` (default: the as-of day), with a trailing window of `window` months.
 */
export function timelineOf(asOf: Day, window: number, first: Day = asOf): Timeline {
  const month = periodOf('month', asOf);
  const quarter = periodOf('quarter', asOf);
  const start = Math.min(first, asOf);
  const months = periodsBetween('month', start, asOf);
  const quarters = periodsBetween('quarter', start, asOf);
  const complete = (period: Period) => period.end <= asOf;
  const running = (period: Period) => period.start <= asOf && !complete(period);
  const view = (period: Period): PeriodView => {
    const endMonth = running(period) ? month : periodOf('month', period.end);
    const first = monthIndexOf(month.start);
    return {
      period,
      previous: periodOf(period.kind, period.start - 1),
      endMonth,
      window: monthsEndingWith(endMonth, window),
      ahead: running(period) ? Array.from({ length: MONTHS_AHEAD }, (_, i) => periodOf('month', monthStart(first + i))) : [],
      running: running(period),
    };
  };
  return {
    asOf,
    month,
    quarter,
    months,
    quarters,
    trend: months.slice(-TREND_MONTHS),
    complete,
    view,
    around(period) {
      const list = period.kind === 'quarter' ? quarters : months;
      const at = list.findIndex((p) => p.id === period.id);
      return { previous: at > 0 ? list[at - 1] : null, next: at >= 0 && at < list.length - 1 ? list[at + 1] : null };
    },
    other(period) {
      if (period.kind !== 'quarter') return periodOf('quarter', period.start);
      return running(period) ? month : periodOf('month', period.end);
    },
  };
}

/**
 * Whether the current month is too young to lead its pages, which then
 * show the month before's final numbers first and this month to date
 * beside them: within its first YOUNG_DAYS days, or before any deal of the
 * month has closed (`closedInMonth`: won + lost so far). A month that is
 * over (the as-of is its last day) never is.
 */
export function leadsWithPrevious(asOf: Day, month: Period, closedInMonth: number): boolean {
  if (asOf >= month.end || asOf < month.start) return false;
  return asOf - month.start < YOUNG_DAYS || closedInMonth === 0;
}

/** What naming a period takes: the site's words and its bound formats. */
interface PeriodWords {
  l: Labels;
  f: Formatters;
}

/** A month in words: "November 2026"; a quarter: "Q4 2026" (ru: "4 кв. 2026"). */
export function periodName(period: Period, { l, f }: PeriodWords): string {
  const iso = dayToIso(period.start);
  if (period.kind === 'quarter') return fill(l['period.quarter'], { q: period.id.slice(-1), year: iso.slice(0, 4) });
  if (period.kind === 'month') return f.month(period.id);
  return period.id;
}

/** A period in words, marked "to date" when the as-of date falls inside it (not when it is over, nor still ahead). */
export function periodTitle(period: Period, timeline: Timeline, w: PeriodWords): string {
  const { l } = w;
  const name = periodName(period, w);
  if (timeline.complete(period) || period.start > timeline.asOf) return name;
  return fill(l[period.kind === 'quarter' ? 'period.quarterToDate' : 'period.monthToDate'], { month: name, quarter: name });
}

/** A short month label for chart axes: "Nov 26" (en-US), "нояб. 26" (ru-RU). */
export function shortMonth(period: Period, { f }: PeriodWords): string {
  return f.axisMonth(dayToIso(period.start));
}
