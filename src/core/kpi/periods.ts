/**
 * Periods of KPI-SPEC §2: month `2026-10`, quarter `2026-Q4`, ISO week
 * `2026-W44` and year `2026`, each a closed range of days.
 */
import { dayFromParts, dayToIso, type Day } from '../ingest/values.ts';

export type PeriodKind = 'month' | 'quarter' | 'week' | 'year';

export interface Period {
  id: string;
  kind: PeriodKind;
  start: Day;
  /** Inclusive. */
  end: Day;
}

/** Month index: year * 12 + (month - 1); used to key quotas and windows. */
export function monthIndexOf(day: Day): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** First day of a month index. */
export function monthStart(monthIndex: number): Day {
  return dayFromParts(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1) as Day;
}

/** Last day of a month index. */
export function monthEnd(monthIndex: number): Day {
  return monthStart(monthIndex + 1) - 1;
}

function monthPeriod(monthIndex: number): Period {
  const year = Math.floor(monthIndex / 12);
  const id = `${year}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
  return { id, kind: 'month', start: monthStart(monthIndex), end: monthEnd(monthIndex) };
}

/** Monday (day number) of ISO week 1 of `year`: the week that holds 4 January. */
function isoWeekOneMonday(year: number): Day {
  const jan4 = dayFromParts(year, 1, 4) as Day;
  return jan4 - isoWeekday(jan4);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
function isoWeekday(day: Day): number {
  return (((day + 3) % 7) + 7) % 7;
}

function weekPeriod(year: number, week: number): Period | null {
  const start = isoWeekOneMonday(year) + (week - 1) * 7;
  if (week < 1 || start >= isoWeekOneMonday(year + 1)) return null;
  return { id: `${year}-W${String(week).padStart(2, '0')}`, kind: 'week', start, end: start + 6 };
}

/** Parses a period id; null when it is not one of the four forms or does not exist (2026-W54). Weeks may also be written 2026W44. */
export function parsePeriod(text: string): Period | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (m) return monthPeriod(Number(m[1]) * 12 + Number(m[2]) - 1);
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const first = Number(m[1]) * 12 + (Number(m[2]) - 1) * 3;
    return { id: text, kind: 'quarter', start: monthStart(first), end: monthEnd(first + 2) };
  }
  m = /^(\d{4})-?[Ww](\d{2})$/.exec(text);
  if (m) return weekPeriod(Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(text);
  if (m) return { id: text, kind: 'year', start: monthStart(Number(m[1]) * 12), end: monthEnd(Number(m[1]) * 12 + 11) };
  return null;
}

/** The period of `kind` that holds `day`. */
export function periodOf(kind: PeriodKind, day: Day): Period {
  const month = monthIndexOf(day);
  const year = Math.floor(month / 12);
  if (kind === 'month') return monthPeriod(month);
  if (kind === 'year') return parsePeriod(String(year)) as Period;
  if (kind === 'quarter') return parsePeriod(`${year}-Q${Math.floor((month % 12) / 3) + 1}`) as Period;
  // The ISO week-year of a day is the calendar year of that week's Thursday.
  const thursday = day - isoWeekday(day) + 3;
  const weekYear = Math.floor(monthIndexOf(thursday) / 12);
  const week = Math.floor((day - isoWeekOneMonday(weekYear)) / 7) + 1;
  return weekPeriod(weekYear, week) as Period;
}

/** Every period of `kind` that overlaps [first, last], oldest first. */
export function periodsBetween(kind: PeriodKind, first: Day, last: Day): Period[] {
  const periods: Period[] = [];
  for (let p = periodOf(kind, first); p.start <= last; p = periodOf(kind, p.end + 1)) periods.push(p);
  return periods;
}

/** Month indexes overlapped by a period (a week may straddle two months). */
export function monthsOf(period: Period): number[] {
  const months: number[] = [];
  for (let m = monthIndexOf(period.start); m <= monthIndexOf(period.end); m++) months.push(m);
  return months;
}
