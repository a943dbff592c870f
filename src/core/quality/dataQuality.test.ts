import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../ingest/dataset.ts';
import { loadDataset } from '../../node/loadDataset.ts';
import { isoToDay } from '../ingest/values.ts';
import { parsePeriod, type Period } from '../kpi/periods.ts';
import { dataWarnings, fileQuality } from './dataQuality.ts';
import { ACTIVITY_COLUMNS, emptyTable } from '../ingest/tables.ts';
import { activitiesWithout } from '../ingest/tables.test-helpers.ts';

let tiny: Dataset;
beforeAll(async () => {
  tiny = (await loadDataset(resolve(import.meta.dirname, '../../../test/fixtures/tiny'))).dataset;
});
const day = (iso: string) => isoToDay(iso) as number;
const october = parsePeriod('2026-10') as Period;
const calm = { asOf: day('2026-10-25'), month: october, overdue: { count: 0, amount: 0 }, exported: day('2026-10-26') };

describe('fileQuality', () => {
  it('lists every file, present or not, with rows and the range of its date column', () => {
    const files = fileQuality(tiny);
    expect(files.map((f) => f.file)).toEqual(['deals.csv', 'stage_history.csv', 'activities.csv', 'quotas.csv', 'customers.csv']);
    const deals = files[0];
    expect(deals).toMatchObject({ present: true, dateColumn: 'created', first: '2026-06-01' });
    expect(deals.rows).toBe(tiny.deals.length);
    expect(files[1]).toMatchObject({ present: false, rows: 0, first: null, last: null });
    expect(files[2]).toMatchObject({ present: true, dateColumn: 'date', first: '2026-08-20', last: '2026-10-25' });
    expect(files[3]).toMatchObject({ present: true, dateColumn: 'period', first: '2026-10', last: '2026-Q4' });
  });
});

describe('dataWarnings', () => {
  it('warns about the missing stage history and customers of the fixture, and nothing else', () => {
    expect(dataWarnings(tiny, calm).map((w) => w.code)).toEqual(['noStageHistory', 'noCustomers']);
  });
  it('names reps without a quota for the month (a quarter row counts), overdue deals and a stale export', () => {
    const september = parsePeriod('2026-09') as Period;
    const warnings = dataWarnings(tiny, { ...calm, month: september, overdue: { count: 1, amount: 12000 }, exported: day('2026-11-20') });
    expect(warnings).toContainEqual({ code: 'noQuotaThisMonth', values: { n: 2, month: '2026-09', reps: 'Ann, Bob' } });
    expect(warnings).toContainEqual({ code: 'overdue', values: { n: 1, amount: 12000, asOf: '2026-10-25' } });
    expect(warnings).toContainEqual({ code: 'staleExport', values: { days: 26, asOf: '2026-10-25', exported: '2026-11-20' } });
    const december = parsePeriod('2026-12') as Period;
    expect(dataWarnings(tiny, { ...calm, month: december }).find((w) => w.code === 'noQuotaThisMonth')?.values.reps).toBe('Ann');
  });
  it('warns that empty files empty their KPIs, and about reps outside every team', () => {
    const bare: Dataset = {
      ...tiny,
      activities: emptyTable(ACTIVITY_COLUMNS),
      quotas: [],
      config: { ...tiny.config, teams: { Ann: 'East' } },
    };
    const codes = dataWarnings(bare, calm).map((w) => w.code);
    expect(codes).toEqual(['noActivities', 'noStageHistory', 'noQuotas', 'noCustomers', 'repsWithoutTeam']);
    const noMeetings: Dataset = { ...tiny, activities: activitiesWithout(tiny, (a) => a.type === 'meeting') };
    expect(dataWarnings(noMeetings, calm).map((w) => w.code)).toContain('noMeetings');
  });
});
