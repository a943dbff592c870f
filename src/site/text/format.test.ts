import { describe, expect, it } from 'vitest';
import {
  MISSING, formatCount, formatDate, formatDays, formatDecimal, formatMoney, formatMonth, formatMultiple, formatPercent, formattersFor,
} from './format.ts';

describe('formatPercent', () => {
  it('shows a fraction with one decimal', () => {
    expect(formatPercent(1 / 6, 'en-US')).toBe('16.7%');
    expect(formatPercent(0, 'en-US')).toBe('0.0%');
    expect(formatPercent(1, 'en-US')).toBe('100.0%');
  });
  it('follows the locale', () => {
    expect(formatPercent(1 / 6, 'ru-RU')).toBe('16,7\u00a0%');
  });
  it('shows null, NaN and Infinity as a dash', () => {
    expect(formatPercent(null, 'en-US')).toBe(MISSING);
    expect(formatPercent(Number.NaN, 'en-US')).toBe('—');
    expect(formatPercent(Infinity, 'en-US')).toBe('—');
  });
});

describe('formatMoney', () => {
  it('formats USD in en-US in whole dollars', () => {
    expect(formatMoney(22700, 'en-US', 'USD')).toBe('$22,700');
    expect(formatMoney(1234567.6, 'en-US', 'USD')).toBe('$1,234,568');
    expect(formatMoney(0, 'en-US', 'USD')).toBe('$0');
  });
  it('formats RUB in ru-RU with no-break spaces and the sign after', () => {
    expect(formatMoney(1234567, 'ru-RU', 'RUB')).toBe('1\u00a0234\u00a0567\u00a0₽');
  });
  it('shows null as a dash', () => {
    expect(formatMoney(null, 'en-US', 'USD')).toBe('—');
  });
});

describe('numbers', () => {
  it('counts, decimals and multiples', () => {
    expect(formatCount(12345, 'en-US')).toBe('12,345');
    expect(formatDecimal(2.5, 'en-US')).toBe('2.5');
    expect(formatDecimal(10 / 3, 'en-US')).toBe('3.3');
    expect(formatDecimal(2.5, 'ru-RU')).toBe('2,5');
    expect(formatMultiple(0.85, 'en-US')).toBe('0.85×');
    expect(formatMultiple(3, 'en-US')).toBe('3×');
    expect(formatCount(null, 'en-US')).toBe('—');
    expect(formatDecimal(null, 'en-US')).toBe('—');
    expect(formatMultiple(null, 'en-US')).toBe('—');
  });
  it('days, in words of the locale', () => {
    expect(formatDays(12.5, 'en-US')).toBe('12.5 days');
    expect(formatDays(1, 'en-US')).toBe('1 day');
    expect(formatDays(12.5, 'ru-RU')).toBe('12,5 дня');
    expect(formatDays(null, 'en-US')).toBe('—');
  });
});

describe('formattersFor', () => {
  it('binds one format per number kind of a metric', () => {
    const f = formattersFor('en-US', 'EUR');
    expect([f.count(1200), f.money(1200), f.rate(0.5), f.ratio(2.25), f.multiple(0.85), f.days(3)]).toEqual(['1,200', '€1,200', '50.0%', '2.3', '0.85×', '3 days']);
    expect(f.rate(null)).toBe(MISSING);
  });
});

describe('dates', () => {
  it('reads the calendar date without a time-zone shift', () => {
    expect(formatDate('2026-10-31', 'en-US')).toBe('October 31, 2026');
    expect(formatMonth('2026-10', 'en-US')).toBe('October 2026');
    expect(formatMonth('2026-Q4', 'en-US')).toBe('2026-Q4');
  });
});

