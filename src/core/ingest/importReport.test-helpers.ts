/** A hand-made import report for the tests of the report and of its words. */
import { ImportReportBuilder, type ImportReport } from './importReport.ts';

/** The report of a Zoho calls export: 9 rows read, 2 kept, 7 left out for one reason, one link dropped, one value mapped. */
export function zohoCallsReport(): ImportReport {
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
  return builder.finish();
}
