import { describe, expect, it } from 'vitest';
import { ImportReportBuilder } from '../../core/ingest/importReport.ts';
import { zohoCallsReport } from '../../core/ingest/importReport.test-helpers.ts';
import { labels } from '../text/dictionary.ts';
import { importReportLines } from './importReportLines.ts';

describe('importReportLines', () => {
  it('words the report: a summary, then the columns, skips, changes and values', () => {
    expect(importReportLines(zohoCallsReport(), labels('en-US'))).toEqual([
      'x.csv -> deals through the Zoho calls export preset (detected from the header): 9 rows read, 2 kept, 7 left out',
      '  columns: owner <- Call Owner',
      '  skipped 7: no value for lead (lines 2, 3, 4, 5, 6, …)',
      '  kept with a change 1: deal link dropped: no deal with that id (line 9)',
      '  mapped stage "Won" -> "Closed Won": 2',
    ]);
  });
  it('in Russian on a Russian site', () => {
    const [summary, , skipped] = importReportLines(zohoCallsReport(), labels('ru-RU'));
    expect(summary).toBe('x.csv -> deals через пресет «Zoho calls export» (определён по заголовку): строк прочитано 9, сохранено 2, пропущено 7');
    expect(skipped).toBe('  пропущено 7: no value for lead (строки 2, 3, 4, 5, 6, …)');
  });

  it('words a file read by its own column names: its encoding and currency, and no columns line when nothing was mapped', () => {
    const builder = new ImportReportBuilder({ file: 'deals.csv', kind: 'deals', preset: null, shape: null, detected: false, mapping: false, canonical: true, strict: true, columns: {} });
    builder.report.rowsRead = 3;
    builder.report.rowsKept = 3;
    builder.report.encoding = 'Windows-1252 (not valid UTF-8 from line 3, byte 0xEB)';
    builder.report.currency = '2 in USD, 1 in EUR converted at 1.1 — amounts in USD';
    const report = builder.finish();
    expect(importReportLines(report, labels('en-US'))).toEqual([
      "deals.csv -> deals by Keepscore's own column names, strict: 3 rows read, 3 kept, 0 left out",
      '  encoding: Windows-1252 (not valid UTF-8 from line 3, byte 0xEB)',
      '  currency: 2 in USD, 1 in EUR converted at 1.1 — amounts in USD',
    ]);
    expect(importReportLines(report, labels('ru-RU'))).toEqual([
      'deals.csv -> deals по собственным названиям столбцов Keepscore, строго: строк прочитано 3, сохранено 3, пропущено 0',
      '  кодировка: Windows-1252 (not valid UTF-8 from line 3, byte 0xEB)',
      '  валюта: 2 in USD, 1 in EUR converted at 1.1 — amounts in USD',
    ]);
  });
});
