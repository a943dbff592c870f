/**
 * A HubSpot "all deals" export as it comes (test/fixtures/hubspot-all-deals:
 * 110 columns, `Associated Company` twice, a deal currency column, 49 of 87
 * amounts empty), under its own file name in a folder whose config names no
 * sources. The numbers below are counted by hand from the fixture's README.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/node/loadDataset.ts';
import { asOfOrigin, closedAfterExport, dealsWithoutAmount } from '../../src/core/ingest/importWarnings.ts';
import { NO_AMOUNT } from '../../src/core/ingest/mapping.ts';
import { formatProblem } from '../../src/core/ingest/problems.ts';
import { dayToIso } from '../../src/core/ingest/values.ts';
import { happenedSpan } from '../../src/core/kpi/facts.ts';
import { kpiReport } from '../../src/core/kpi/report.ts';
import { ROOT } from '../astroBuild.ts';
import { historyRows } from '../../src/core/ingest/tables.test-helpers.ts';

const FIXTURE = join(ROOT, 'test/fixtures/hubspot-all-deals');
const FILE = 'hubspot-crm-exports-all-deals-2023-05-16.csv';

describe('a HubSpot all-deals export under its own name', async () => {
  const result = await loadDataset(FIXTURE);
  const { dataset, imports } = result;
  const report = imports[0];

  it('is found by its header, with no sources in the config, and says so', () => {
    expect(result.problems.kept.map(formatProblem)).toEqual([]);
    expect(imports.map((r) => [r.file, r.kind, r.preset, r.detected])).toEqual([[FILE, 'deals', 'hubspot', true]]);
    expect(report.notes[0]).toBe(
      `found by its header (HubSpot deals export): keepscore.config.json names no sources and the folder has no deals.csv; to read it always, add "sources": { "deals": { "file": "${FILE}" } }`,
    );
    expect(report.encoding).toBe('UTF-8');
  });

  it('reads the first of the two "Associated Company" columns and says which', () => {
    expect(report.notes).toContain('"Associated Company" is in the header 2 times (columns 11, 15): account reads column 11');
    // Deal 3 (line 4) has "Company 03" in column 11 and "Company 03;Holding 3" in column 15.
    expect(dataset.deals[2].account).toBe('Company 03');
  });

  it('keeps the 49 deals without an amount, with 0, flagged with their lines', () => {
    expect(dataset.deals).toHaveLength(87);
    expect(report.rowsKept).toBe(87);
    expect(report.changed).toEqual([{ reason: NO_AMOUNT, count: 49, lines: [2, 3, 4, 5, 6] }]);
    expect(dealsWithoutAmount(dataset)).toBe(49);
    expect(dataset.deals.filter((d) => d.amount === 0)).toHaveLength(49);
  });

  it('converts the EUR deals at the config rate, exactly', () => {
    expect(report.currency).toBe('79 in USD, 8 in EUR converted at 1.0832 — amounts in USD');
    // Deal 20: 20,500 EUR x 1.0832 = 22,205.60 USD.
    expect(dataset.deals[19]).toMatchObject({ id: '15733920020', currency: 'EUR', amount: 22205.6 });
    expect(dataset.deals[21]).toMatchObject({ id: '15733920022', currency: 'USD', amount: 22500 });
  });

  it('counts deals without an amount in win rate, not in money (April 2023, by hand)', () => {
    // Won in April: deals 20-29 (10, five of them without an amount); lost: deals 45-51 (7).
    // Won amount: 20,500 EUR -> 22,205.60 + 22,500 + 24,500 + 26,500 + 28,500 = 124,205.60.
    // Lost amount: 46,500 + 48,500 + 50,500 EUR -> 54,701.60 = 149,701.60.
    const { winRate } = kpiReport(dataset, '2023-04').team;
    expect([winRate.won, winRate.lost, winRate.rate]).toEqual([10, 7, 10 / 17]);
    expect([winRate.wonAmount, winRate.lostAmount]).toEqual([124205.6, 149701.6]);
  });

  it('builds stage history from the Date entered columns, times kept', () => {
    // Every deal entered Appointment Scheduled; all but the 7 still there entered one more stage: 87 + 80.
    expect(dataset.stageHistory).toHaveLength(167);
    expect(historyRows(dataset)[0]).toMatchObject({ deal: '15733920001', stage: 'Appointment Scheduled', entered: Date.UTC(2023, 0, 3) / 86_400_000 });
    expect(historyRows(dataset)[0].enteredAt).toBe(Date.UTC(2023, 0, 3, 9, 1));
  });

  it('warns about the two closed deals dated after the export date in the file name, which set the as-of date', () => {
    const late = closedAfterExport(dataset)!;
    expect([late.reference.file, dayToIso(late.reference.day)]).toEqual([FILE, '2023-05-16']);
    expect(late.deals.map((d) => [d.id, dayToIso(d.day)])).toEqual([['15733920055', '2023-07-14'], ['15733920030', '2023-06-30']]);
    const origin = asOfOrigin(dataset)!;
    expect([origin.what, origin.id, dayToIso(origin.day)]).toEqual(['closed', '15733920055', '2023-07-14']);
    expect(origin.day).toBe(happenedSpan(dataset)!.last);
  });
});
