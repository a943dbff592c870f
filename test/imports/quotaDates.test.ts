/**
 * Quota exports write a start date per row (test/fixtures/quota-export: a
 * quarterly target sheet read through a documented mapping with
 * `"quotaPeriod": "quarter"`): a period's first day reads as that period,
 * any other day is an error that says which day would do.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/core/ingest/dataset.ts';
import { loadDataset } from '../../src/node/loadDataset.ts';
import { formatProblem } from '../../src/core/ingest/problems.ts';
import { textSource } from '../../src/core/ingest/textSource.ts';
import { kpiReport } from '../../src/core/kpi/report.ts';
import { ROOT } from '../astroBuild.ts';

const DEALS = 'id,owner,stage,amount,created,close_date\nD1,Ann,Closed Won,10,2016-01-05,2016-01-20\n';

async function problemsOf(quotas: string, quotaPeriod?: 'month' | 'quarter'): Promise<string[]> {
  const sources = quotaPeriod ? { quotas: { file: 'quotas.csv', quotaPeriod } } : undefined;
  const { problems } = await readDataset(textSource({ 'deals.csv': DEALS, 'quotas.csv': quotas, 'keepscore.config.json': JSON.stringify({ sources }) }));
  return problems.kept.map(formatProblem);
}

describe('quota periods written as dates', () => {
  it('read a quarterly target sheet through its mapping (2024, by hand)', async () => {
    const { dataset, problems, imports } = await loadDataset(join(ROOT, 'test/fixtures/quota-export'));
    expect(problems.kept.map(formatProblem)).toEqual([]);
    expect(imports[0].columns).toEqual({ owner: 'Sales Rep', period: 'Period Start', amount: 'Quota (USD)' });
    expect(dataset.quotas.map((q) => [q.owner, q.period, q.amount])).toEqual([
      ['Ana Silva', '2024-Q1', 90000], ['Ana Silva', '2024-Q2', 105000], ['Ben Okafor', '2024-Q1', 120000], ['Ben Okafor', '2024-Q2', 120000],
    ]);
    // A quarter's quota counts a third towards each month: Ana's May quota is 105,000 / 3; she won 12,500 in May.
    const may = kpiReport(dataset, '2024-05');
    expect([may.reps['Ana Silva'].pipeline.quota, may.reps['Ana Silva'].pipeline.gap]).toEqual([35000, 22500]);
    expect(may.team.pipeline.quota).toBe(75000);
  });

  it('read a first-of-month date as that month by default, in any date format', async () => {
    const { dataset, problems } = await readDataset(textSource({ 'deals.csv': DEALS, 'quotas.csv': 'owner,period,amount\nAnn,2016-01-01,100\nAnn,02/01/2016,200\nAnn,2016-03,300\nAnn,2016-Q2,400\n' }));
    expect(problems.total).toBe(0);
    expect(dataset.quotas.map((q) => q.period)).toEqual(['2016-01', '2016-02', '2016-03', '2016-Q2']);
  });

  it('refuse any other day, naming the day that would do', async () => {
    expect(await problemsOf('owner,period,amount\nAnn,2016-01-15,100\n')).toEqual([
      'quotas.csv:2 period "2016-01-15": a period written as a date must be the first day of a month (2016-01-01 for 2016-01)',
    ]);
    expect(await problemsOf('owner,period,amount\nAnn,2016-02-01,100\nAnn,2016-04-01,100\n', 'quarter')).toEqual([
      'quotas.csv:2 period "2016-02-01": a period written as a date must be the first day of a quarter (2016-01-01 for 2016-Q1)',
    ]);
    expect(await problemsOf('owner,period,amount\nAnn,January,100\n')).toEqual(['quotas.csv:2 period "January": not a month (2026-10) or quarter (2026-Q4)']);
  });

  it('take quotaPeriod on quotas sources only', async () => {
    const config = JSON.stringify({ sources: { deals: { file: 'deals.csv', quotaPeriod: 'quarter' } } });
    const { problems } = await readDataset(textSource({ 'deals.csv': DEALS, 'keepscore.config.json': config }));
    expect(problems.kept.map(formatProblem)).toEqual([
      'keepscore.config.json:1 sources.deals.quotaPeriod "quarter": quotaPeriod is for quotas sources only',
    ]);
  });
});
