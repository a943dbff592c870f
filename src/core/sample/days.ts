/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC), so the
 * generator does integer arithmetic and formats each distinct date once.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day number of a `YYYY-MM-DD` string; null when it is not a real date (2026-02-30). */
export function parseDay(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / MS_PER_DAY;
}

const formatted = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (memoised: the sample uses a few hundred distinct days). */
export function formatDay(day: number): string {
  let text = formatted.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    formatted.set(day, text);
  }
  return text;
}

/** Month index (year * 12 + month0) of a day number, for per-month tallies. */
export function monthIndex(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** Day number of the first day of a month index. */
export function monthStart(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / MS_PER_DAY;
}

/** Day number of the last day of the month that holds `day`. */
export function monthEnd(day: number): number {
  return monthStart(monthIndex(day) + 1) - 1;
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
