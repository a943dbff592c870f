import { describe, expect, it } from 'vitest';
import { zohoCallsReport } from './importReport.test-helpers.ts';

describe('ImportReportBuilder', () => {
  it('counts skips by reason with their first lines, and keeps only values that changed', () => {
    const report = zohoCallsReport();
    expect(report.skipped).toEqual([{ reason: 'no value for lead', count: 7, lines: [2, 3, 4, 5, 6] }]);
    expect(report.changed).toEqual([{ reason: 'deal link dropped: no deal with that id', count: 1, lines: [9] }]);
    expect(report.valuesMapped).toEqual([{ column: 'stage', from: 'Won', to: 'Closed Won', count: 2 }]);
  });
});
