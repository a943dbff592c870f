import { describe, expect, it } from 'vitest';
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
});
