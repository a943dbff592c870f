/**
 * Display formatting of KPI numbers for the site: pure, locale-aware, and
 * the one place that decides how a missing value (null) reads: "—".
 */

/** What a null value (a rate with a zero denominator, an unknown) shows as. */
export const MISSING = '—';

const formats = new Map<string, Intl.NumberFormat>();

/** One cached Intl.NumberFormat per (locale, options): building them is slow. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function orMissing(value: number | null | undefined, render: (value: number) => string): string {
  return value === null || value === undefined || !Number.isFinite(value) ? MISSING : render(value);
}

/** A fraction as a percentage with one decimal: 1/6 -> "16.7%" (en-US), "16,7 %" (ru-RU); null -> "—". */
export function formatPercent(value: number | null, locale: string): string {
  return orMissing(value, (v) => numberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v));
}

/** An amount in whole units of `currency`: 22700.4 -> "$22,700" (en-US, USD); null -> "—". */
export function formatMoney(value: number | null, locale: string, currency: string): string {
  return orMissing(value, (v) =>
    numberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(v),
  );
}

/** A count with grouping: 12345 -> "12,345"; null -> "—". */
export function formatCount(value: number | null, locale: string): string {
  return orMissing(value, (v) => numberFormat(locale, { maximumFractionDigits: 0 }).format(v));
}

/** A ratio such as outreach per meeting, at most `digits` decimals: 2.5 -> "2.5"; null -> "—". */
export function formatDecimal(value: number | null, locale: string, digits = 1): string {
  return orMissing(value, (v) => numberFormat(locale, { maximumFractionDigits: digits }).format(v));
}

/** A multiple such as pipeline coverage: 0.85 -> "0.85×"; null -> "—". */
export function formatMultiple(value: number | null, locale: string): string {
  return orMissing(value, (v) => `${numberFormat(locale, { maximumFractionDigits: 2 }).format(v)}×`);
}

/** A `YYYY-MM-DD` date in words, never shifted by a time zone: "October 25, 2026" (en-US). */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A month period id `YYYY-MM` in words: "October 2026" (en-US); other ids are returned as they are. */
export function formatMonth(periodId: string, locale: string): string {
  if (!/^\d{4}-\d{2}$/.test(periodId)) return periodId;
  const date = new Date(`${periodId}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

/** The number formatters of one site, bound to its locale and currency. */
export interface Formatters {
  percent(value: number | null): string;
  money(value: number | null): string;
  count(value: number | null): string;
  decimal(value: number | null): string;
  multiple(value: number | null): string;
}

/** Binds the formatters above to a locale and an ISO 4217 currency. */
export function formattersFor(locale: string, currency: string): Formatters {
  return {
    percent: (v) => formatPercent(v, locale),
    money: (v) => formatMoney(v, locale, currency),
    count: (v) => formatCount(v, locale),
    decimal: (v) => formatDecimal(v, locale),
    multiple: (v) => formatMultiple(v, locale),
  };
}
