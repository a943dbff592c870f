import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayToIso } from '../../core/ingest/values.ts';
import { loadDataset } from '../../node/loadDataset.ts';
import { labels } from '../text/dictionary.ts';
import { formatCount, formatDate } from '../text/format.ts';
import { asOfSentence, importWarningLines } from './importWarningLines.ts';

// The HubSpot all-deals fixture (its README counts them): 49 deals without an amount, two won deals
// closed after the export date in the file's name (2023-05-16), the later of them the as-of record.
const { dataset } = await loadDataset(join(resolve(import.meta.dirname, '../../..'), 'test/fixtures/hubspot-all-deals'));
const iso = { date: dayToIso, count: (n: number) => formatCount(n, 'en-US') };
const ru = { date: (day: number) => formatDate(dayToIso(day), 'ru-RU'), count: (n: number) => formatCount(n, 'ru-RU') };

describe('importWarningLines', () => {
  it('words where the as-of date comes from and what to check, in English with ISO dates (as validate prints them)', () => {
    expect(asOfSentence(dataset, labels('en'))).toBe('It is the close date of the latest closed deal, 15733920055.');
    expect(importWarningLines(dataset, labels('en'), iso)).toEqual([
      'Closed deals dated after the export date in the name of hubspot-crm-exports-all-deals-2023-05-16.csv (2023-05-16): 2 — 15733920055 (2023-07-14), 15733920030 (2023-06-30). They push the as-of date into the future; check their close dates in the CRM.',
      '49 deals have no amount: they count in win rate, not in money.',
    ]);
  });

  it('in Russian on a Russian site, with its dates', () => {
    expect(asOfSentence(dataset, labels('ru-RU'))).toBe('Это дата закрытия последней закрытой сделки, 15733920055.');
    const [late, noAmount] = importWarningLines(dataset, labels('ru-RU'), ru);
    expect(late).toBe(
      `Закрытые сделки с датой позже, чем дата выгрузки в имени файла hubspot-crm-exports-all-deals-2023-05-16.csv (${formatDate('2023-05-16', 'ru-RU')}): 2 — ` +
        `15733920055 (${formatDate('2023-07-14', 'ru-RU')}), 15733920030 (${formatDate('2023-06-30', 'ru-RU')}). Из-за них дата «данные на» уходит в будущее; проверьте их даты закрытия в CRM.`,
    );
    expect(noAmount).toBe('Сделок без суммы: 49. Они учитываются в доле выигранных, но не в деньгах.');
  });
});
