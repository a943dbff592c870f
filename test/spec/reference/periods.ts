/**
 * KPI-SPEC §2 periods, on ISO date strings: a date is "YYYY-MM-DD" text and
 * is compared as text; it is turned into a day number only for differences.
 */
export interface Span {
  start: string;
  end: string;
}

export interface RefPeriod extends Span {
  /** The period as the JSON writes it: `2026-10`, `2026-Q4`, `2026-W44`, `2026`. */
  id: string;
}

const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOf(dayNumber(iso) + days);
}

export function inSpan(date: string, span: Span): boolean {
  return date >= span.start && date <= span.end;
}

/** "YYYY-MM" shifted by k months. */
export function addMonths(month: string, k: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthSpan(month: string): Span {
  return { start: `${month}-01`, end: addDays(`${addMonths(month, 1)}-01`, -1) };
}

export function daysIn(span: Span): number {
  return dayNumber(span.end) - dayNumber(span.start) + 1;
}

/** Every month ("YYYY-MM") that a span touches, in order. */
export function monthsOf(span: Span): string[] {
  const months: string[] = [];
  for (let m = span.start.slice(0, 7); m <= span.end.slice(0, 7); m = addMonths(m, 1)) months.push(m);
  return months;
}

/** Monday of ISO week 1: the week holding 4 January. */
function isoWeekOneMonday(year: number): number {
  const jan4 = dayNumber(`${String(year).padStart(4, '0')}-01-04`);
  const weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7;
  return jan4 - weekday;
}

export function parsePeriod(text: string): RefPeriod {
  let m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return { id: text, ...monthSpan(text) };
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const first = `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}`;
    return { id: text, start: monthSpan(first).start, end: monthSpan(addMonths(first, 2)).end };
  }
  m = /^(\d{4})-?W(\d{2})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const start = isoWeekOneMonday(year) + 7 * (Number(m[2]) - 1);
    if (start >= isoWeekOneMonday(year + 1)) throw new Error(`no such week: ${text}`);
    return { id: `${m[1]}-W${m[2]}`, start: isoOf(start), end: isoOf(start + 6) };
  }
  if (/^\d{4}$/.test(text)) return { id: text, start: `${text}-01-01`, end: `${text}-12-31` };
  throw new Error(`not a period: ${text}`);
}

/** The ISO week ("2026-W44") holding a date. */
export function isoWeekOf(iso: string): string {
  const day = dayNumber(iso);
  let year = Number(iso.slice(0, 4)) + 1;
  while (isoWeekOneMonday(year) > day) year--;
  const week = Math.floor((day - isoWeekOneMonday(year)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** KPI 3's trailing window: the `window` months ending with the last month of P. */
export function trailingWindow(period: Span, months: number): Span {
  const last = period.end.slice(0, 7);
  return { start: monthSpan(addMonths(last, -(months - 1))).start, end: monthSpan(last).end };
}
