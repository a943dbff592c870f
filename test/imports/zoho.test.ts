/**
 * The Zoho CRM demo export (test/fixtures/zoho-crm-demo, unedited) read
 * through the Zoho preset: deals without an id column, `15 Apr, 2021` dates,
 * `$22,700.00` amounts, calls and meetings from two files. The numbers are
 * counted here from the CSVs with papaparse and a date reader of the test's own.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/node/loadDataset.ts';
import { dayToIso } from '../../src/core/ingest/values.ts';
import { kpiReport } from '../../src/core/kpi/report.ts';
import { activityRows } from '../../src/core/ingest/tables.test-helpers.ts';

const DIR = join(resolve(import.meta.dirname, '../..'), 'test/fixtures/zoho-crm-demo');
const csv = <T>(name: string) => Papa.parse<T>(readFileSync(join(DIR, name), 'utf8'), { header: true, skipEmptyLines: true }).data;

type Row = Record<string, string>;
const potentials = csv<Row>('Potentials.csv');
const calls = csv<Row>('Calls.csv');
const events = csv<Row>('Events.csv');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `15 Apr, 2021 00:02:00` -> `2021-04`. */
function zohoMonth(text: string): string {
  const [, , month, year] = /^(\d{2}) (\w{3}), (\d{4})/.exec(text)!;
  return `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}`;
}
const money = (text: string) => Number(text.replace(/[$,]/g, ''));

describe('Zoho CRM demo export through the preset', async () => {
  const { dataset, problems, imports } = await loadDataset(DIR);

  it('loads with no problems and no edit of the files', () => {
    expect(problems.kept).toEqual([]);
    expect(imports.map((r) => [r.file, r.preset, r.detected])).toEqual([
      ['Potentials.csv', 'zoho', false],
      ['Calls.csv', 'zoho', true],
      ['Events.csv', 'zoho', true],
    ]);
  });

  it('knows each deal by its line, and reads Zoho dates and amounts', () => {
    expect(dataset.deals).toHaveLength(potentials.length);
    const first = dataset.deals[0];
    expect(first.id).toBe('Potentials.csv:2');
    expect(first.owner).toBe(potentials[0]['Potential Owner']);
    expect(first.amount).toBe(22700);
    expect(dayToIso(first.created)).toBe('2021-04-15');
    expect(first.stage).toBe('Needs Analysis');
  });

  it("gives one owner's won, lost and win rate for March 2021 as counted by hand", () => {
    const owner = 'Harold Pawlan';
    const closed = potentials.filter((p) => p['Potential Owner'] === owner && zohoMonth(p['Closing Date']) === '2021-03');
    const won = closed.filter((p) => p.Stage === 'Closed Won');
    const lost = closed.filter((p) => p.Stage === 'Closed Lost');
    expect(won.length + lost.length).toBeGreaterThan(5);
    const { winRate } = kpiReport(dataset, '2021-03').reps[owner];
    expect([winRate.won, winRate.lost]).toEqual([won.length, lost.length]);
    expect(winRate.rate).toBeCloseTo(won.length / (won.length + lost.length), 12);
    expect(winRate.wonAmount).toBeCloseTo(won.reduce((s, p) => s + money(p.Amount), 0), 6);
  });

  it("counts one owner's calls as outreach, leaving out calls that name no lead or contact", () => {
    const owner = 'Harold Pawlan';
    const month = '2021-03';
    const expected = calls.filter((c) => c['Call Owner'] === owner && c['Call Start Time'].startsWith(month) && (c.LEADID || c.CONTACTID));
    expect(expected.length).toBeGreaterThan(10);
    expect(kpiReport(dataset, month).reps[owner].activity.outreach).toBe(expected.length);
  });

  it('reports the skipped calls and meetings and the deal links it could not keep', () => {
    const report = (file: string) => imports.find((r) => r.file === file)!;
    const noWho = (rows: Row[]) => rows.filter((r) => !r.LEADID && !r.CONTACTID && !r['Who Id Id']).length;
    expect(report('Calls.csv')).toMatchObject({ rowsRead: calls.length, rowsKept: calls.length - noWho(calls) });
    expect(report('Calls.csv').skipped).toEqual([expect.objectContaining({ reason: 'no value for lead', count: noWho(calls) })]);
    expect(report('Events.csv').rowsKept).toBe(events.length - noWho(events));
    // POTENTIALID 0 means none; other ids point at deals the export has no ids for.
    const linked = calls.filter((c) => (c.LEADID || c.CONTACTID) && c.POTENTIALID && c.POTENTIALID !== '0').length;
    expect(report('Calls.csv').changed).toEqual([expect.objectContaining({ count: linked })]);
    expect(activityRows(dataset).every((a) => a.deal === undefined)).toBe(true);
    expect(activityRows(dataset).filter((a) => a.type === 'meeting')).toHaveLength(events.length - noWho(events));
  });
});
