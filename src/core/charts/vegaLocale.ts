/**
 * Vega formats axis numbers with d3-format; this builds the d3 number
 * locale of an Intl locale and currency (separators, currency symbol and
 * its side, the percent sign), so axes read like the tables beside them.
 */

/** A d3-format locale definition (the `numberSpec` of `vega.locale`). */
export interface D3NumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
  percent: string;
  minus: string;
}

/** The d3 number locale for `locale` and `currency`, read from Intl's own formatting. */
export function d3NumberLocale(locale: string, currency: string): D3NumberLocale {
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).formatToParts(1);
  const numberAt = money.findIndex((p) => p.type === 'integer');
  const side = (from: number, to: number) => money.slice(from, to).map((p) => p.value).join('');
  const percentParts = new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.5);
  const percentAt = percentParts.findIndex((p) => p.type === 'integer');
  return {
    decimal: part('decimal', '.'),
    thousands: part('group', ','),
    grouping: [3],
    currency: [side(0, numberAt), side(numberAt + 1, money.length)],
    percent: percentParts.slice(percentAt + 1).map((p) => p.value).join('') || '%',
    minus: new Intl.NumberFormat(locale).formatToParts(-1).find((p) => p.type === 'minusSign')?.value ?? '\u2212',
  };
}
