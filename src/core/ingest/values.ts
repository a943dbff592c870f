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

// Currency symbols and ISO codes that exports put before or after a number.
const CURRENCY_AFFIX = /^(?:[A-Z]{3}\s*|[$€£¥₽₹₴₸]\s*)|(?:\s*[A-Z]{3}|\s*[$€£¥₽₹₴₸]|\s*руб\.?)$/gu;
// Thousands separators that are never decimal marks: spaces (incl. no-break) and apostrophes.
const GROUPING = /[\s\u00a0\u202f'’]/g;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * Parses an amount such as `22700`, `22,700.00`, `$22,700.00`, `1 234,56` or
 * `1.234,56`. When both `,` and `.` appear, the last one is the decimal mark;
 * a lone `,` is a decimal mark unless exactly three digits follow it, in which
 * case it groups thousands (`22,700`). Returns null for anything else,
 * including negative numbers.
 */
export function parseAmount(text: string): number | null {
  let s = text.replace(CURRENCY_AFFIX, '').replace(GROUPING, '');
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma >= 0) {
    const groups = s.split(',');
    const thousands = groups.length > 2 || groups[1].length === 3;
    s = thousands ? groups.join('') : s.replace(',', '.');
  } else if (dot >= 0 && s.indexOf('.') !== dot) {
    s = s.replace(/\./g, ''); // 1.234.567
  }
  if (!PLAIN_NUMBER.test(s)) return null;
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}
