import { describe, expect, it } from 'vitest';
import { formatImportReport, ImportReportBuilder } from './importReport.ts';

describe('ImportReportBuilder', () => {
  it('counts skips by reason with their first lines, and keeps only values that changed', () => {
    const builder = new ImportReportBuilder({ file: 'x.csv', kind: 'deals', preset: 'zoho', shape: 'Zoho calls export', detected: true, mapping: false, strict: false, columns: { owner: 'Call Owner' } });
    builder.report.rowsRead = 9;
    builder.report.rowsKept = 2;
    for (const line of [2, 3, 4, 5, 6, 7, 8]) builder.skip('no value for lead', line);
    builder.change('deal link dropped: no deal with that id', 9);
    const same = builder.valueCounter('stage', 'closed won', 'Closed Won');
    same.count = 3;
    const changed = builder.valueCounter('stage', 'Won', 'Closed Won');
    changed.count = 2;
    builder.valueCounter('stage', 'Lost', 'Closed Lost');
    const report = builder.finish();
    expect(report.skipped).toEqual([{ reason: 'no value for lead', count: 7, lines: [2, 3, 4, 5, 6] }]);
    expect(report.valuesMapped).toEqual([{ column: 'stage', from: 'Won', to: 'Closed Won', count: 2 }]);
    expect(formatImportReport(report)).toEqual([
      'x.csv -> deals through the Zoho calls export preset (detected from the header): 9 rows read, 2 kept, 7 left out',
      '  columns: owner <- Call Owner',
      '  skipped 7: no value for lead (lines 2, 3, 4, 5, 6, …)',
      '  kept with a change 1: deal link dropped: no deal with that id (line 9)',
      '  mapped stage "Won" -> "Closed Won": 2',
    ]);
  });
});
