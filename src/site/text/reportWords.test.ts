import { describe, expect, it } from 'vitest';
import { REPORT_TEXTS, reportText } from './reportWords.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('reportText', () => {
  it('picks Russian for ru locales, English otherwise', () => {
    expect(reportText('ru-RU')['nav.reports']).toBe('Отчёты');
    expect(reportText('en-GB')['nav.reports']).toBe('Reports');
    expect(reportText('de')['nav.reports']).toBe('Reports');
  });
  it('gives both languages the same keys and placeholders, none empty', () => {
    const keys = Object.keys(REPORT_TEXTS.en).sort();
    expect(Object.keys(REPORT_TEXTS.ru).sort()).toEqual(keys);
    for (const key of keys) {
      const en = REPORT_TEXTS.en[key as keyof typeof REPORT_TEXTS.en];
      const ru = REPORT_TEXTS.ru[key as keyof typeof REPORT_TEXTS.ru];
      expect(ru.trim(), key).not.toBe('');
      expect(placeholders(ru), key).toEqual(placeholders(en));
    }
  });
});
