/**
 * The site's words in English (default) and Russian: one flat, typed
 * dictionary per language, put together from the word files of each part
 * of the site (every word on every page, the upload page's script
 * included). Numbers, money and dates are formatted by format.ts, not here.
 */
import { accessEn, accessRu } from './accessWords.ts';
import { coachEn, coachRu } from './coachWords.ts';
import { cockpitEn, cockpitRu } from './cockpitWords.ts';
import { dataEn, dataRu } from './dataWords.ts';
import { dealEn, dealRu } from './dealWords.ts';
import { kpiPageEn, kpiPageRu } from './kpiPageWords.ts';
import { metricLabelsEn, metricLabelsRu, readingEn, readingRu, sectionLabelsEn, sectionLabelsRu } from './metricWords.ts';
import { problemEn, problemRu } from './problemWords.ts';
import { reportEn, reportRu } from './reportWords.ts';
import { siteEn, siteRu } from './siteWords.ts';
import { uploadEn, uploadRu } from './uploadWords.ts';

/** Each part's words, for the test that no two parts share a key. */
export const PARTS = {
  en: [siteEn, cockpitEn, kpiPageEn, metricLabelsEn, sectionLabelsEn, readingEn, coachEn, reportEn, dataEn, dealEn, problemEn, uploadEn, accessEn],
  ru: [siteRu, cockpitRu, kpiPageRu, metricLabelsRu, sectionLabelsRu, readingRu, coachRu, reportRu, dataRu, dealRu, problemRu, uploadRu, accessRu],
};

const en = { ...siteEn, ...cockpitEn, ...kpiPageEn, ...metricLabelsEn, ...sectionLabelsEn, ...readingEn, ...coachEn, ...reportEn, ...dataEn, ...dealEn, ...problemEn, ...uploadEn, ...accessEn };

/** Every label key; the English dictionary is the source of the key set. */
export type LabelKey = keyof typeof en;
/** One language's dictionary: every key, no extras (a missing Russian key is a type error and a test failure). */
export type Labels = Record<LabelKey, string>;

const ru: Labels = { ...siteRu, ...cockpitRu, ...kpiPageRu, ...metricLabelsRu, ...sectionLabelsRu, ...readingRu, ...coachRu, ...reportRu, ...dataRu, ...dealRu, ...problemRu, ...uploadRu, ...accessRu };

/** The languages with a dictionary, by BCP 47 primary language subtag. */
export const LANGUAGES = { en, ru } as const satisfies Record<string, Labels>;

/** The dictionary for a BCP 47 locale: `ru`, `ru-RU` -> Russian; anything else -> English. */
export function labels(locale: string): Labels {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return language === 'ru' ? LANGUAGES.ru : LANGUAGES.en;
}

/** Replaces `{name}` placeholders with values; an unknown placeholder is left as it is (visible, not silently empty). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The plural form of `base` for count `n` in `locale` (`small.deals` ->
 * `small.deals_few` for 3 in Russian), filled with `{n}` = `shown`
 * (the count already formatted for the locale). Pass the locale's bound
 * plural rules (Formatters.plurals) where it is called often.
 */
export function countLabel(dict: Labels, locale: string | Intl.PluralRules, base: string, n: number, shown: string = String(n)): string {
  const rules = typeof locale === 'string' ? new Intl.PluralRules(locale) : locale;
  const key = `${base}_${rules.select(n)}`;
  const template = key in dict ? dict[key as LabelKey] : dict[`${base}_other` as LabelKey];
  return fill(template ?? base, { n: shown });
}
