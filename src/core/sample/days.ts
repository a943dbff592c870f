/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC), so the
 * generator does integer arithmetic and formats each distinct date once.
 * Parsing and month arithmetic are the core's (ingest/values, kpi/periods).
 */
import { dayToIso } from '../ingest/values.ts';
import { monthEnd as lastDayOfMonth, monthIndexOf } from '../kpi/periods.ts';

const formatted = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (memoised: the sample uses a few hundred distinct days). */
export function formatDay(day: number): string {
  let text = formatted.get(day);
  if (text === undefined) formatted.set(day, (text = dayToIso(day)));
  return text;
}

/** Day number of the last day of the month that holds `day`. */
export function monthEnd(day: number): number {
  return lastDayOfMonth(monthIndexOf(day));
}

/** `YYYY-MM` of a month index. */
export function formatMonth(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** `YYYY-Qn` of the quarter that holds a month index. */
export function formatQuarter(month: number): string {
  return `${Math.floor(month / 12)}-Q${Math.floor((month % 12) / 3) + 1}`;
}

/**
 * Moves a weekend day to a weekday, preferring the Friday before and falling
 * back to the Monday after when Friday is before `min`; returns the day
 * unchanged when neither fits in [min, max].
 */
export function toWeekday(day: number, min: number, max: number): number {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if (weekday !== 0 && weekday !== 6) return day;
  const friday = day - (weekday === 6 ? 1 : 2);
  if (friday >= min) return friday;
  const monday = day + (weekday === 6 ? 2 : 1);
  return monday <= max ? monday : day;
}
