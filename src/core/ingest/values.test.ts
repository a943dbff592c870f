import { describe, expect, it } from 'vitest';
import { dayToIso, parseAmount, parseDay } from './values.ts';

const iso = (text: string, order?: 'mdy' | 'dmy') => {
  const day = parseDay(text, order);
  return day === null ? null : dayToIso(day);
};

describe('parseDay', () => {
  it('reads ISO dates and the date part of datetimes without shifting', () => {
    expect(iso('2026-10-31')).toBe('2026-10-31');
    expect(iso('2026-10-31T23:30:00-05:00')).toBe('2026-10-31');
    expect(iso('2026-11-01T00:30:00+14:00')).toBe('2026-11-01');
    expect(iso('2026-10-31 23:59:59')).toBe('2026-10-31');
  });
  it('reads dotted dates day-first and slashed dates by the configured order', () => {
    expect(iso('31.10.2026')).toBe('2026-10-31');
    expect(iso('10/31/2026')).toBe('2026-10-31');
    expect(iso('03/04/2026')).toBe('2026-03-04');
    expect(iso('03/04/2026', 'dmy')).toBe('2026-04-03');
    expect(iso('31/10/2026')).toBe('2026-10-31'); // a part above 12 settles it
    expect(iso('10/31/2026 14:05', 'dmy')).toBe('2026-10-31');
  });
  it('reads month names as Zoho and Salesforce write them', () => {
    expect(iso('15 Apr, 2021 00:02:00')).toBe('2021-04-15');
    expect(iso('Apr 15, 2021')).toBe('2021-04-15');
    expect(iso('15-Sep-2021')).toBe('2021-09-15');
    expect(iso('1 September 2021')).toBe('2021-09-01');
  });
  it('rejects what is not a real date', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '31.02.2026', 'yesterday', '15 Foo, 2021', '2026/10', '', '20261031']) {
      expect(iso(bad), bad).toBeNull();
    }
  });
});

describe('parseAmount', () => {
  it('reads the formats of real exports', () => {
    expect(parseAmount('22700')).toBe(22700);
    expect(parseAmount('22,700.00')).toBe(22700);
    expect(parseAmount('$22,700.00')).toBe(22700);
    expect(parseAmount('1 234,56')).toBe(1234.56);
    expect(parseAmount('1\u00a0234,56 €')).toBe(1234.56);
    expect(parseAmount('1.234.567,8')).toBe(1234567.8);
    expect(parseAmount('99,5')).toBe(99.5);
    expect(parseAmount('22,700')).toBe(22700);
    expect(parseAmount('USD 1,000,000')).toBe(1000000);
    expect(parseAmount('0')).toBe(0);
  });
  it('rejects negatives and text', () => {
    for (const bad of ['-5', '(100)', 'abc', '1,2,3.4.5', '', '12e3', 'NaN', '1..2']) expect(parseAmount(bad), bad).toBeNull();
  });
});
