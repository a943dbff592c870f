/**
 * Cell value parsers for real CRM exports: amounts and calendar dates.
 *
 * Hand-written rather than a date library because they run on every cell of
 * a million-row file, and because a date must never be shifted by a time zone:
 * we only ever read the calendar date that is written in the cell.
 */

/** A calendar date as whole days since 1970-01-01. */
export type Day = number;

/** Which part comes first in an ambiguous numeric date such as `10/11/2026`. */
export type DateOrder = 'mdy' | 'dmy';

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a valid y-m-d; null when the date does not exist (e.g. 2026-02-30). */
export function dayFromParts(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function dayToIso(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of a strict `YYYY-MM-DD`; null otherwise. */
export function isoToDay(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dayFromParts(+m[1], +m[2], +m[3]) : null;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december'];

// ISO date or datetime: only the first 10 characters count (KPI-SPEC §6).
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
// 31.10.2026, 10/31/2026, 31-10-2026, optionally followed by a time.
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:$|[ T,])/;
// 15 Apr, 2021 00:02:00 (Zoho) / 15-Apr-2021 / 15 April 2021
const DAY_MONTH_NAME = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4})(?:$|[ T,])/;
// Apr 15, 2021 / April 15 2021 10:00 AM
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(?:$|[ T,])/;

/** 1..12 for an English month name or its abbreviation (`Apr`, `Sept`, `April`); null otherwise. */
function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  const index = MONTH_NAMES.findIndex((full) => full.startsWith(lower));
  return index >= 0 ? index + 1 : null;
}

/**
 * Parses the calendar date written at the start of `text` (already trimmed).
 * Numeric dates whose order is ambiguous (both parts <= 12) follow `order`;
 * dotted dates (`31.10.2026`) are day-first unless that is impossible.
 * Returns null when no valid date is found.
 */
export function parseDay(text: string, order: DateOrder = 'mdy'): Day | null {
  let m = ISO.exec(text);
  if (m) return dayFromParts(+m[1], +m[2], +m[3]);
  m = NUMERIC.exec(text);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    const dayFirst = a > 12 ? true : b > 12 ? false : m[2] === '.' || order === 'dmy';
    return dayFirst ? dayFromParts(+m[4], b, a) : dayFromParts(+m[4], a, b);
  }
  m = DAY_MONTH_NAME.exec(text);
  if (m) {
    const month = monthNumber(m[2]);
    return month ? dayFromParts(+m[3], month, +m[1]) : null;
  }
  m = MONTH_NAME_DAY.exec(text);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? dayFromParts(+m[3], month, +m[2]) : null;
  }
  return null;
}

// The time in a datetime: 14:03, 14:03:22, 14:03:22.123, 2:03 PM, then an offset (Z, +02:00, -0500). Dates hold no colon.
const TIME = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?\s?([AaPp][Mm])?\s?(Z|[+-]\d{2}:?\d{2})?\s*$/;

/**
 * The instant of a datetime (ms since 1970, UTC when it names an offset,
 * else its wall-clock time taken as UTC), or undefined when the text holds
 * a date alone. Only orders rows of one day (KPI-SPEC §6): the day is still
 * the date as written.
 */
export function parseInstant(text: string, order: DateOrder = 'mdy'): number | undefined {
  const colon = text.indexOf(':');
  if (colon < 0) return undefined;
  const day = parseDay(text, order);
  const m = TIME.exec(text.slice(Math.max(0, colon - 2)));
  if (day === null || m === null) return undefined;
  let hour = +m[1];
  const half = m[5]?.toLowerCase();
  if (half !== undefined && (hour < 1 || hour > 12)) return undefined;
  if (half === 'am' && hour === 12) hour = 0;
  if (half === 'pm' && hour < 12) hour += 12;
  if (hour > 23 || +m[2] > 59 || +(m[3] ?? 0) > 59) return undefined;
  const ms = +((m[4] ?? '').padEnd(3, '0'));
  let offset = 0;
  if (m[6] !== undefined && m[6] !== 'Z') {
    const digits = m[6].replace(':', '');
    offset = (digits[0] === '-' ? -1 : 1) * (+digits.slice(1, 3) * 60 + +digits.slice(3, 5));
  }
  return day * MS_PER_DAY + ((hour * 60 + +m[2] - offset) * 60 + +(m[3] ?? 0)) * 1000 + ms;
}

// Currency symbols that exports put before or after a number (ISO codes too, and руб.).
const CURRENCY_SYMBOLS = new Set(['$', '€', '£', '¥', '₽', '₹', '₴', '₸']);
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isCode = (text: string, at: number) => at >= 0 && at + 3 <= text.length && [0, 1, 2].every((i) => text[at + i] >= 'A' && text[at + i] <= 'Z');

/**
 * `text` without a leading ISO code or symbol (and the spaces after it) and
 * a trailing one (and the spaces before it). A plain scan, not a regular
 * expression: `\s*X$` tried at every position is quadratic on a long run of spaces.
 */
function withoutCurrency(text: string): string {
  let start = 0;
  let end = text.length;
  if (isCode(text, 0)) start = 3;
  else if (CURRENCY_SYMBOLS.has(text[0])) start = 1;
  if (start > 0) while (isSpace(text[start])) start++;
  let trailing = 0;
  if (end - start >= 3 && isCode(text, end - 3)) trailing = 3;
  else if (end > start && CURRENCY_SYMBOLS.has(text[end - 1])) trailing = 1;
  else if (text.slice(start, end).endsWith('руб.')) trailing = 4;
  else if (text.slice(start, end).endsWith('руб')) trailing = 3;
  if (trailing > 0) {
    end -= trailing;
    while (end > start && isSpace(text[end - 1])) end--;
  }
  return text.slice(start, end);
}
// Thousands separators that are never decimal marks: spaces (incl. no-break) and apostrophes.
const GROUPING = /[\s\u00a0\u202f'’]/g;
// 22700 · 22,700.00 · 1,000,000 · 22700.5
const DECIMAL_POINT = /^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$/;
// 1.234,56 · 1.234.567 · 99,5
const DECIMAL_COMMA = /^(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+)$/;

/**
 * Parses an amount such as `22700`, `22,700.00`, `$22,700.00`, `1 234,56` or
 * `1.234,56`. Thousands groups must have three digits; a lone `,` followed by
 * exactly three digits groups thousands (`22,700`), any other lone `,` is the
 * decimal mark (`99,5`). Returns null for anything else, negatives included.
 */
export function parseAmount(text: string): number | null {
  const s = withoutCurrency(text).replace(GROUPING, '');
  if (DECIMAL_POINT.test(s)) return Number(s.replace(/,/g, ''));
  if (DECIMAL_COMMA.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  return null;
}
