/**
 * `validate` on each export fixture, as a user runs it: the import report
 * names the preset or mapping, the encoding, the currency handling, and the
 * rows left out or flagged with their lines; then the as-of date's source
 * and the warnings.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../astroBuild.ts';

const validate = (fixture: string) => runCli('validate', '--data', join(ROOT, 'test/fixtures', fixture));

describe('validate prints an import report for each export', () => {
  it('HubSpot all deals: found by its header, two Associated Company columns, 49 deals without an amount, EUR converted', () => {
    const { code, stdout } = validate('hubspot-all-deals');
    expect(code).toBe(0);
    for (const line of [
      'hubspot-crm-exports-all-deals-2023-05-16.csv -> deals through the HubSpot deals export preset (detected from the header): 87 rows read, 87 kept, 0 left out',
      '    encoding: UTF-8',
      '    currency: 79 in USD, 8 in EUR converted at 1.0832 — amounts in USD',
      '    kept with a change 49: no amount: kept with amount 0 (counts in win rate, stages and cycle, not in money) (lines 2, 3, 4, 5, 6, …)',
      '    "Associated Company" is in the header 2 times (columns 11, 15): account reads column 11',
      'As of 2023-07-14: It is the close date of the latest closed deal, 15733920055.',
      '  Closed deals dated after the export date in the name of hubspot-crm-exports-all-deals-2023-05-16.csv (2023-05-16): 2 — 15733920055 (2023-07-14), 15733920030 (2023-06-30). They push the as-of date into the future; check their close dates in the CRM.',
      '  49 deals have no amount: they count in win rate, not in money.',
    ]) expect(stdout).toContain(`${line}\n`);
    expect(stdout).toMatch(/found by its header \(HubSpot deals export\): keepscore\.config\.json names no sources/);
  });

  it('Salesforce Data Export: Windows-1252, four currencies, the deleted row and the empty WhoIds with their lines', () => {
    const { code, stdout } = validate('salesforce-data-export');
    expect(code).toBe(0);
    for (const line of [
      'Opportunity.csv -> deals through the Salesforce opportunities export preset and the mapping in the config: 40 rows read, 39 kept, 1 left out',
      '    encoding: Windows-1252 (not valid UTF-8 from line 2, byte 0x96)',
      '    currency: 10 in COP converted at 0.00025, 10 in PEN converted at 0.27, 10 in USD, 9 in MXN converted at 0.055 — amounts in USD',
      '    skipped 1: deleted in Salesforce (IsDeleted) (line 41)',
      '    mapped account "000000000000000AAA" -> "": 4',
      'Task.csv -> activities through the Salesforce activities export preset and the mapping in the config: 30 rows read, 24 kept, 6 left out',
      '    skipped 6: no value for lead (lines 6, 11, 16, 21, 26, …)',
      '    mapped lead "000000000000000AAA" -> "": 6',
      'Event.csv -> activities through the Salesforce activities export preset and the mapping in the config: 12 rows read, 10 kept, 2 left out',
    ]) expect(stdout).toContain(`${line}\n`);
  });

  it('Salesforce Data Loader: three extracts found by their headers, the won deal after the latest activity', () => {
    const { code, stdout } = validate('salesforce-data-loader');
    expect(code).toBe(0);
    for (const line of [
      'extract-quotas.csv -> quotas through the Salesforce forecasting quotas export preset (detected from the header): 12 rows read, 12 kept, 0 left out',
      '    skipped 4: no value for lead (lines 7, 13, 19, 25)',
      '  Closed deals dated after the latest activity (2023-06-13): 1 — 0065e000009Op08AAA (2023-07-28). They push the as-of date into the future; check their close dates in the CRM.',
    ]) expect(stdout).toContain(`${line}\n`);
  });

  it('a quarterly quota sheet through its mapping', () => {
    const { code, stdout } = validate('quota-export');
    expect(code).toBe(0);
    expect(stdout).toContain('quota-targets-2024.csv -> quotas through the mapping in the config: 4 rows read, 4 kept, 0 left out\n    encoding: UTF-8\n');
  });
});
