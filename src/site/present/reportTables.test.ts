import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteModel, type ShownReport, type SiteModel } from '../model.ts';
import { labels } from '../text/dictionary.ts';
import { csvOf } from './table.ts';
import { scorecardTable, teamMetricsTable, teamStagesTable } from './reportTables.ts';

let site: SiteModel;
let october: ShownReport;
let september: ShownReport;
beforeAll(async () => {
  site = await buildSiteModel(resolve(import.meta.dirname, '../../../test/fixtures/tiny'), '/base');
  october = site.shown('2026-10');
  september = site.previous('2026-10') as ShownReport;
});

describe('the team metrics table', () => {
  it('groups the team metrics by KPI, this month against the previous one', () => {
    const t = teamMetricsTable(october, september, site.words);
    expect([...new Set(t.rows.map((r) => r.group))]).toEqual(['KPI 1 — Activity ratios', 'KPI 2 — Stage conversion', 'KPI 3 — Win rate', 'KPI 4 — Pipeline', 'Lagging indicators', 'Outlook — cycle, velocity, stale deals, forecast']);
    const row = (metric: string) => t.rows.find((r) => r.data?.metric === metric)!;
    expect([row('winRate.rate').head.text, row('winRate.rate').cells[0].text]).toEqual(['Win rate', '66.7%']);
    expect(row('pipeline.focus').cells[0].text).toBe('Build pipeline');
    expect(row('stages.leak').cells[0].text).toBe('Proposal → Negotiation');
    expect(row('winRate.rate').cells[1].kpi).toEqual({ name: 'winRate.rate', scope: 'team', period: '2026-09' });
  });
  it('shows the outlook, worded by its kinds (October, whole team: the forecast clipped at closed-won and at closed-won + open)', () => {
    const t = teamMetricsTable(october, september, site.words);
    const text = (metric: string) => t.rows.find((r) => r.data?.metric === metric)!.cells[0].text;
    expect(t.rows.filter((r) => r.group === 'Outlook — cycle, velocity, stale deals, forecast').length).toBe(15);
    expect([text('outlook.cycle.medianDays'), text('outlook.velocity.perDay'), text('outlook.stale.count')]).toEqual(['66 days', '$500', '1']);
    expect([text('outlook.forecast.low'), text('outlook.forecast.expected'), text('outlook.forecast.high'), text('outlook.forecast.attainment')]).toEqual(['$30,000', '$46,000', '$64,000', '65.7%']);
  });
  it('shows "—" for the previous month when there is none', () => {
    expect(teamMetricsTable(october, null, site.words).rows.every((r) => r.cells[1].text === '—')).toBe(true);
  });
});

describe('the scorecard', () => {
  it('has the whole team, each team and each rep, linked to their pages', () => {
    const t = scorecardTable(october, site.scopes, site.words);
    expect(t.rows.map((r) => [r.head.text, r.head.href])).toEqual([
      ['Whole team', '/base/'],
      ['Team East', '/base/teams/east/'],
      ['Team West', '/base/teams/west/'],
      ['Ann', '/base/reps/ann/'],
      ['Bob', '/base/reps/bob/'],
    ]);
    expect(t.rows[0].cells.length).toBe(t.columns.length - 1);
  });
  it('labels its columns in Russian for a Russian site', () => {
    expect(scorecardTable(october, site.scopes, { ...site.words, l: labels('ru-RU') }).columns[0].label).toBe('Кто');
  });
  it('reads "No quota set" for a month without quotas, as every other page does', () => {
    const june = scorecardTable(site.shown('2026-06'), site.scopes, site.words);
    expect(june.rows.map((r) => r.cells[r.cells.length - 1].text)).toEqual(Array(5).fill('No quota set'));
  });
});

describe('report CSV tables', () => {
  it('hold raw numbers, not formatted text', () => {
    const team = csvOf(teamMetricsTable(october, september, site.words));
    expect(team.filename).toBe('report-2026-10-team.csv');
    expect(team.columns).toEqual(['metric', '2026-10', '2026-09']);
    expect(team.rows.find((r) => r[0] === 'winRate.rate')?.[1]).toBeCloseTo(2 / 3);
    expect(team.rows.find((r) => r[0] === 'pipeline.quota')?.[1]).toBe(70000);
    expect(team.rows.find((r) => r[0] === 'outlook.forecast.attainment')?.[1]).toBeCloseTo(46000 / 70000);
    const stages = csvOf(teamStagesTable(october, site.words));
    expect(stages.columns).toEqual(['from', 'to', 'reached', 'advanced', 'rate', 'leak']);
    expect(stages.rows).toContainEqual(['Proposal', 'Negotiation', 1, 0, 0, true]);
    const scorecard = csvOf(scorecardTable(october, site.scopes, site.words));
    expect(scorecard.rows.map((r) => r[0])).toEqual(['Whole team', 'Team East', 'Team West', 'Ann', 'Bob']);
    expect(scorecard.columns.length).toBe(scorecard.rows[0].length);
    expect(scorecard.rows[0][scorecard.columns.indexOf('winRate.rate')]).toBeCloseTo(2 / 3);
  });
});
