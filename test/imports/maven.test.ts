/**
 * Maven Analytics' real CRM export (test/fixtures/maven-crm, unedited) read
 * through the column mapping in its config: the KPI JSON agrees with numbers
 * counted here straight from the CSV with papaparse, independently of the loader.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/node/loadDataset.ts';
import { kpiReport } from '../../src/core/kpi/report.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = join(ROOT, 'test/fixtures/maven-crm');

interface Opportunity { opportunity_id: string; sales_agent: string; deal_stage: string; close_date: string; close_value: string }
const pipeline = Papa.parse<Opportunity>(readFileSync(join(DIR, 'sales_pipeline.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
const teams = Papa.parse<{ sales_agent: string; manager: string }>(readFileSync(join(DIR, 'sales_teams.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;

/** Won and lost deals closed in a month, counted by hand from the export. */
function closed(month: string, agents: (agent: string) => boolean) {
  const inMonth = pipeline.filter((o) => o.close_date.startsWith(month) && agents(o.sales_agent));
  const won = inMonth.filter((o) => o.deal_stage === 'Won');
  const lost = inMonth.filter((o) => o.deal_stage === 'Lost');
  return { won: won.length, lost: lost.length, wonAmount: won.reduce((s, o) => s + Number(o.close_value), 0) };
}

describe('Maven CRM export through a mapping', async () => {
  const { dataset, problems, imports } = await loadDataset(DIR);

  it('loads with no problems and no edit of the files', () => {
    expect(problems.kept).toEqual([]);
  });

  it('keeps the closed deals and reports the open ones it skipped, with their lines', () => {
    const open = pipeline.filter((o) => o.close_date === '');
    const deals = imports.find((r) => r.kind === 'deals')!;
    expect(deals).toMatchObject({ file: 'sales_pipeline.csv', preset: null, mapping: true, rowsRead: pipeline.length, rowsKept: pipeline.length - open.length });
    expect(dataset.deals).toHaveLength(pipeline.length - open.length);
    expect(deals.skipped.reduce((s, r) => s + r.count, 0)).toBe(open.length);
    // Line 2 is the first data row; the report's lines point at open deals.
    for (const skip of deals.skipped) for (const line of skip.lines) expect(pipeline[line - 2].close_date).toBe('');
    expect(deals.valuesMapped.map((v) => [v.from, v.to, v.count])).toEqual([
      ['Won', 'Closed Won', pipeline.filter((o) => o.deal_stage === 'Won').length],
      ['Lost', 'Closed Lost', pipeline.filter((o) => o.deal_stage === 'Lost').length],
    ]);
  });

  it('fills the teams from sales_teams.csv', () => {
    expect(Object.keys(dataset.config.teams)).toHaveLength(teams.length);
    expect(dataset.config.teams['Darcel Schlecht']).toBe(teams.find((t) => t.sales_agent === 'Darcel Schlecht')!.manager);
    expect(imports.find((r) => r.kind === 'teams')).toMatchObject({ file: 'sales_teams.csv', rowsRead: teams.length, rowsKept: teams.length });
  });

  it("gives one agent's won, lost and win rate for June 2017 as counted by hand", () => {
    const agent = 'Darcel Schlecht';
    const expected = closed('2017-06', (a) => a === agent);
    expect(expected.won + expected.lost).toBeGreaterThan(10);
    const { winRate } = kpiReport(dataset, '2017-06').reps[agent];
    expect(winRate.won).toBe(expected.won);
    expect(winRate.lost).toBe(expected.lost);
    expect(winRate.rate).toBeCloseTo(expected.won / (expected.won + expected.lost), 12);
    expect(winRate.wonAmount).toBe(expected.wonAmount);
  });

  it("gives a manager's team the sum of its agents", () => {
    const manager = 'Rocco Neubert';
    const members = new Set(teams.filter((t) => t.manager === manager).map((t) => t.sales_agent));
    const expected = closed('2017-06', (a) => members.has(a));
    const { winRate } = kpiReport(dataset, '2017-06').teams[manager];
    expect([winRate.won, winRate.lost]).toEqual([expected.won, expected.lost]);
  });

  it('prints the same KPI JSON from the CLI: npm run --silent kpis -- --data test/fixtures/maven-crm --period 2017-06', () => {
    const result = spawnSync('npm', ['run', '--silent', 'kpis', '--', '--data', 'test/fixtures/maven-crm', '--period', '2017-06'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toEqual(JSON.parse(JSON.stringify(kpiReport(dataset, '2017-06'))));
    expect(printed.team.winRate.won).toBe(closed('2017-06', () => true).won);
  });
});
