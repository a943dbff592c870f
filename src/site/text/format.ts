/**
 * Display formatting of KPI numbers for the site: pure, locale-aware, and
 * the one place that decides how a missing value (null) reads: "—". A site
 * binds the formats once (`formattersFor`); the single functions are for a
 * value here and there (building an Intl format is slow, so not per cell).
 */
import type { MetricKind } from '../../core/schema/kpiReport.ts';

/** What a null value (a rate with a zero denominator, an unknown) shows as. */
export const MISSING = '—';

type Show = (value: number | null | undefined) => string;

function orMissing(render: (value: number) => string): Show {
  return (value) => (value === null || value === undefined || !Number.isFinite(value) ? MISSING : render(value));
}

const percent = (locale: string): Show => {
  const format = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return orMissing((v) => format.format(v));
};
const money = (locale: string, currency: string): Show => {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 });
  return orMissing((v) => format.format(v));
};
const count = (locale: string): Show => {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return orMissing((v) => format.format(v));
};
const decimal = (locale: string, digits = 1): Show => {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
  return orMissing((v) => format.format(v));
};
const multiple = (locale: string): Show => {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return orMissing((v) => `${format.format(v)}×`);
};
const days = (locale: string): Show => {
  const format = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 });
  return orMissing((v) => format.format(v));
};

/** A fraction as a percentage with one decimal: 1/6 -> "16.7%" (en-US), "16,7 %" (ru-RU); null -> "—". */
export function formatPercent(value: number | null, locale: string): string {
  return percent(locale)(value);
}

/** An amount in whole units of `currency`: 22700.4 -> "$22,700" (en-US, USD); null -> "—". */
export function formatMoney(value: number | null, locale: string, currency: string): string {
  return money(locale, currency)(value);
}

/** A count with grouping: 12345 -> "12,345"; null -> "—". */
export function formatCount(value: number | null, locale: string): string {
  return count(locale)(value);
}

/** A ratio such as outreach per meeting, at most `digits` decimals: 2.5 -> "2.5"; null -> "—". */
export function formatDecimal(value: number | null, locale: string, digits = 1): string {
  return decimal(locale, digits)(value);
}

/** A multiple such as pipeline coverage: 0.85 -> "0.85×"; null -> "—". */
export function formatMultiple(value: number | null, locale: string): string {
  return multiple(locale)(value);
}

/** A number of days, at most one decimal: 12.5 -> "12.5 days" (en-US), "12,5 дня" (ru-RU); null -> "—". */
export function formatDays(value: number | null, locale: string): string {
  return days(locale)(value);
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

/** The number kinds of the metric vocabulary. */
export type NumberKind = Exclude<MetricKind, 'text'>;

/** Dates in words, bound to a locale: `YYYY-MM-DD` dates long and short, a month id, and a month on a chart axis. */
export interface DateFormatters {
  date(iso: string): string;
  shortDate(iso: string): string;
  /** `YYYY-MM` -> "November 2026"; other ids as they are. */
  month(periodId: string): string;
  /** A month's first day `YYYY-MM-DD` -> "Nov 26". */
  axisMonth(iso: string): string;
  /** The locale's plural rules, for `countLabel`. */
  plurals: Intl.PluralRules;
}

/** The formatters of one site, bound to its locale and currency: one per number kind of a metric, and its dates. */
export type Formatters = Record<NumberKind, (value: number | null) => string> & DateFormatters;

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return (iso) => {
    const date = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

/** Binds the formats above to a locale and an ISO 4217 currency. */
export function formattersFor(locale: string, currency: string): Formatters {
  const monthName = dateFormat(locale, { year: 'numeric', month: 'long' });
  return {
    count: count(locale), money: money(locale, currency), rate: percent(locale), ratio: decimal(locale), multiple: multiple(locale), days: days(locale),
    date: dateFormat(locale, { dateStyle: 'long' }),
    shortDate: dateFormat(locale, { dateStyle: 'medium' }),
    month: (id) => (/^\d{4}-\d{2}$/.test(id) ? monthName(`${id}-01`) : id),
    axisMonth: dateFormat(locale, { month: 'short', year: '2-digit' }),
    plurals: new Intl.PluralRules(locale),
  };
}
