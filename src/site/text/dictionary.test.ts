import { describe, expect, it } from 'vitest';
import { accessNotice } from '../../core/access/notice.ts';
import { DEAL_LIST_NAMES } from '../../core/deals/dealLists.ts';
import { METRICS, metricLabelKey, sectionLabelKey } from '../../core/schema/metric.ts';
import { countLabel, fill, labels, LANGUAGES, PARTS } from './dictionary.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('labels', () => {
  it('picks Russian for ru and ru-RU, English otherwise', () => {
    expect(labels('ru-RU')['nav.overview']).toBe('Обзор');
    expect(labels('ru')['nav.overview']).toBe('Обзор');
    expect(labels('en-US')['nav.overview']).toBe('Overview');
    expect(labels('de-DE')['nav.overview']).toBe('Overview');
    expect(labels('ru-RU')['nav.reports']).toBe('Отчёты');
    expect(labels('en-GB')['nav.reports']).toBe('Reports');
  });

  it('gives every language the same keys and the same placeholders, none empty', () => {
    const keys = Object.keys(LANGUAGES.en).sort();
    for (const [language, dict] of Object.entries(LANGUAGES)) {
      expect(Object.keys(dict).sort(), language).toEqual(keys);
      for (const key of keys) {
        const text = dict[key as keyof typeof dict];
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(text), `${language} ${key}`).toEqual(placeholders(LANGUAGES.en[key as keyof typeof LANGUAGES.en]));
      }
    }
  });

  it('states the rule of every deal list', () => {
    const rules = Object.keys(LANGUAGES.en).filter((k) => k.startsWith('dealList.rule.'));
    expect(rules).toEqual(DEAL_LIST_NAMES.map((name) => `dealList.rule.${name}`));
  });

  it('puts every word in one part only, and a label on every metric of the vocabulary', () => {
    for (const [language, parts] of Object.entries(PARTS)) {
      const all = parts.flatMap((part) => Object.keys(part));
      expect(new Set(all).size, language).toBe(all.length);
    }
    for (const m of METRICS) expect(LANGUAGES.ru[metricLabelKey(m.path)], m.path).toBeTruthy();
    const labelled = Object.keys(LANGUAGES.en).filter((k) => k.startsWith('metric.'));
    expect(labelled.length).toBe(new Set(METRICS.map((m) => metricLabelKey(m.path))).size);
    const sections = new Set(METRICS.map((m) => sectionLabelKey(m.path)));
    expect([...sections].filter((key) => !LANGUAGES.ru[key])).toEqual([]);
    expect(Object.keys(LANGUAGES.en).filter((k) => k.startsWith('section.')).length).toBe(sections.size);
  });
});

describe('the access notice', () => {
  it('has its words in English and Russian for every mode, set or not, and the logout link too', () => {
    const modes = [undefined, '', 'password', 'cloudflare-access', 'public', 'private'];
    const keys = new Set(modes.flatMap((mode) => (['show', 'hide'] as const).map((deals) => accessNotice({ KEEPSCORE_ACCESS: mode }, deals).text)));
    expect(keys.size).toBe(6);
    for (const key of [...keys, 'access.logout', 'access.title'] as const) {
      expect(LANGUAGES.en[key], key).toBeTruthy();
      expect(LANGUAGES.ru[key], key).not.toBe(LANGUAGES.en[key]);
    }
  });
});

describe('fill', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(fill('As of {date}', { date: 'May 1' })).toBe('As of May 1');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('countLabel', () => {
  it('uses the plural rules of the locale', () => {
    expect(countLabel(labels('en-US'), 'en-US', 'small.deals', 1)).toBe('1 deal — too few to judge');
    expect(countLabel(labels('en-US'), 'en-US', 'small.deals', 3)).toBe('3 deals — too few to judge');
    expect(countLabel(labels('ru-RU'), 'ru-RU', 'small.deals', 1)).toBe('1 сделка — слишком мало для выводов');
    expect(countLabel(labels('ru-RU'), 'ru-RU', 'small.deals', 3)).toBe('3 сделки — слишком мало для выводов');
    expect(countLabel(labels('ru-RU'), 'ru-RU', 'small.deals', 7)).toBe('7 сделок — слишком мало для выводов');
  });
});
