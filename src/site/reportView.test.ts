import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../node/loadDataset.ts';
import { kpiReport } from '../core/kpi/report.ts';
import type { KpiReport } from '../core/schema/kpiReport.ts';
import { scorecardColumns, scorecardCsv, scorecardRows, stagesCsv, teamCsv, teamMetricGroups } from './reportView.ts';

let october: KpiReport;
let september: KpiReport;
beforeAll(async () => {
  const { dataset } = await loadDataset(resolve(import.meta.dirname, '../../test/fixtures/tiny'));
  october = kpiReport(dataset, '2026-10', '2026-10-25');
  september = kpiReport(dataset, '2026-09', '2026-10-25');
});

describe('teamMetricGroups', () => {
  it('groups the team metrics by KPI, this month against the previous one', () => {
    const groups = teamMetricGroups(october, september, 'en-US');
    expect(groups.map((g) => g.title)).toEqual([
      'KPI 1 — Activity ratios', 'KPI 2 — Stage conversion', 'KPI 3 — Win rate', 'KPI 4 — Pipeline', 'Lagging indicators',
    ]);
    const winRate = groups[2].rows.find((r) => r.name === 'winRate.rate');
    expect(winRate).toMatchObject({ label: 'Win rate', value: '66.7%' });
    expect(groups[3].rows.find((r) => r.name === 'pipeline.focus')?.value).toBe('Build pipeline');
    expect(groups[1].rows.find((r) => r.name === 'stages.leak')?.value).toBe('Proposal → Negotiation');
  });
  it('shows "—" for the previous month when there is none', () => {
    expect(teamMetricGroups(october, null, 'en-US')[0].rows.every((r) => r.previous === '—')).toBe(true);
  });
});

describe('scorecard', () => {
  it('has the whole team, each team and each rep, linked to their pages', () => {
    const rows = scorecardRows(october, 'en-US', '/base/');
    expect(rows.map((r) => [r.who, r.href])).toEqual([
      ['Whole team', '/base/'],
      ['Team East', '/base/teams/east/'],
      ['Team West', '/base/teams/west/'],
      ['Ann', '/base/reps/ann/'],
      ['Bob', '/base/reps/bob/'],
    ]);
    expect(rows[0].cells.length).toBe(scorecardColumns('en-US').length - 1);
  });
  it('labels its columns in Russian for a Russian site', () => {
    expect(scorecardColumns('ru-RU')[0]).toBe('Кто');
  });
});

describe('report CSV tables', () => {
  it('hold raw numbers, not formatted text', () => {
    const team = teamCsv(october, september);
    expect(team.filename).toBe('report-2026-10-team.csv');
    expect(team.columns).toEqual(['metric', '2026-10', '2026-09']);
    expect(team.rows.find((r) => r[0] === 'winRate.rate')?.[1]).toBeCloseTo(2 / 3);
    expect(team.rows.find((r) => r[0] === 'pipeline.quota')?.[1]).toBe(70000);
    const stages = stagesCsv(october);
    expect(stages.rows).toContainEqual(['Proposal', 'Negotiation', 1, 0, 0, true]);
    const scorecard = scorecardCsv(october);
    expect(scorecard.rows.map((r) => [r[0], r[1]])).toEqual([['all', ''], ['team', 'East'], ['team', 'West'], ['rep', 'Ann'], ['rep', 'Bob']]);
    expect(scorecard.columns.length).toBe(scorecard.rows[0].length);
  });
});
