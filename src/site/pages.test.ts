/**
 * Every page of four data folders (the hand-made fixture, the Maven and Zoho
 * CRM exports and the sample), built as a build builds them: every number a page
 * shows is a metric cell, and one metric of one scope in one period reads
 * the same on every page that shows it; every table is a download.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiTrace } from './present/cell.ts';
import { csvOf } from './present/table.ts';
import { buildSiteModel, type SiteModel } from './model.ts';
import { siteDownloads, sitePages, type SitePages } from './pages.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FOLDERS = { tiny: 'test/fixtures/tiny', maven: 'test/fixtures/maven-crm', zoho: 'test/fixtures/zoho-crm-demo', sample: 'data' };

/** Every cell with a KPI trace anywhere in `view`, with its text. */
function tracedCells(view: unknown, found: { kpi: KpiTrace; text: string }[] = []): { kpi: KpiTrace; text: string }[] {
  if (Array.isArray(view)) for (const item of view) tracedCells(item, found);
  else if (view !== null && typeof view === 'object') {
    const cell = view as { kpi?: KpiTrace; text?: string };
    if (cell.kpi && typeof cell.text === 'string') found.push({ kpi: cell.kpi, text: cell.text });
    else for (const value of Object.values(view)) tracedCells(value, found);
  }
  return found;
}

/** The pages as the build has them, and `made`: the same with each deal page made, as its route makes it (they are Deferred). */
const built: Record<string, { site: SiteModel; pages: SitePages; made: unknown }> = {};
beforeAll(async () => {
  for (const [name, dir] of Object.entries(FOLDERS)) {
    const site = await buildSiteModel(resolve(ROOT, dir), '/');
    const pages = sitePages(site, new Set(['2026-10']));
    built[name] = { site, pages, made: { ...pages, deals: pages.deals.map(({ page }) => page.make()) } };
  }
}, 60_000);

describe.each(Object.keys(FOLDERS))('the pages of %s', (name) => {
  it('show one text for one metric of one scope and period, on every page', () => {
    const texts = new Map<string, Set<string>>();
    for (const { kpi, text } of tracedCells(built[name].made)) {
      const key = `${kpi.name}|${kpi.scope}|${kpi.period}|${kpi.frozen ? 'frozen' : 'live'}`;
      texts.set(key, (texts.get(key) ?? new Set()).add(text));
    }
    expect(texts.size).toBeGreaterThan(200);
    const disagreeing = [...texts].filter(([, shown]) => shown.size > 1).map(([key, shown]) => `${key}: ${[...shown].join(' / ')}`);
    expect(disagreeing).toEqual([]);
  });

  it('show every scope of every report month in the scorecard, and the whole team every metric', () => {
    const { site, pages } = built[name];
    for (const page of pages.reports) {
      const { report } = page.narrative.shown;
      expect(page.scorecard.rows.length, page.month).toBe(1 + Object.keys(report.teams).length + Object.keys(report.reps).length);
      expect(page.team.rows.every((row) => row.cells[0].kpi?.scope === 'team')).toBe(true);
    }
    expect(pages.reports.map((p) => p.month)).toEqual(site.months.map((m) => m.id));
  });

  it('offer every table as a download with a file name of its own', () => {
    const tables = siteDownloads(built[name].pages);
    expect(tables.length).toBeGreaterThan(20);
    for (const t of tables) expect(csvOf(t).rows.length, t.id).toBe(t.rows.length);
  });
});

describe('a report frozen under KPI-SPEC v1 (October of the sample, data/reports/2026-10.json)', () => {
  it('says the rule it was computed with, and reads "—" for every number of the outlook', () => {
    const reports = built.sample.pages.reports;
    const october = reports.find((p) => p.month === '2026-10')!;
    expect(october.status.screen).toContain('Computed with KPI-SPEC v1: overdue deals counted as pipeline (and in coverage), and there is no outlook.');
    const outlook = october.team.rows.filter((r) => String(r.data?.metric).startsWith('outlook.'));
    expect(outlook.length).toBe(15);
    expect(outlook.map((r) => r.cells[0].text)).toEqual(Array(15).fill('—'));
    const november = reports.find((p) => p.month === '2026-11')!;
    expect(november.status.screen.join(' ')).not.toContain('KPI-SPEC');
    // On paper the live month says it is live as of its date; the command that freezes it is for the screen.
    expect(november.status.screen.join(' ')).toContain('npm run snapshot -- --period 2026-11');
    expect(november.status.print).toEqual(['Live report: computed from the data as of November 27, 2026.', 'The month is not over yet: the numbers cover it so far.']);
    expect(october.status.print).toEqual(october.status.screen);
    expect(november.team.rows.find((r) => r.data?.metric === 'outlook.cycle.wonDeals')?.cells[0].text).toMatch(/^\d/);
  });
});

describe('a rep without a quota', () => {
  it('reads "No quota set" on the home, rep, pipeline and report pages alike (every rep of the Maven export)', () => {
    const { site, made } = built.maven;
    const month = site.timeline.month.id;
    const focus = tracedCells(made).filter((c) => c.kpi.name === 'pipeline.focus' && c.kpi.scope.startsWith('rep:') && c.kpi.period === month);
    expect(focus.length).toBeGreaterThan(site.scopes.reps.length * 3);
    expect(new Set(focus.map((c) => c.text))).toEqual(new Set(['No quota set']));
  });
});

describe('a young month (the tiny fixture, D5 won on 1 November)', () => {
  it('leads its bookmarked pages with October, sharing October\'s parts and downloads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keepscore-young-'));
    try {
      cpSync(resolve(ROOT, FOLDERS.tiny), dir, { recursive: true });
      const deals = readFileSync(join(dir, 'deals.csv'), 'utf8');
      writeFileSync(join(dir, 'deals.csv'), deals.replace('D5,Epsilon suite,Epsilon,Ann,referral,Proposal,', 'D5,Epsilon suite,Epsilon,Ann,referral,Closed Won,'));
      writeFileSync(join(dir, 'stage_history.csv'), 'deal,stage,entered\nD5,Closed Won,2026-11-01\n');
      const site = await buildSiteModel(dir, '/');
      expect(site.asOf).toBe('2026-11-01');
      const pages = sitePages(site, new Set());
      const home = pages.scopes.find((p) => p.at === undefined && p.page.scope.kind === 'team')!.page;
      const october = pages.scopes.find((p) => p.at === 'p/2026-10' && p.page.scope.kind === 'team')!.page;
      expect(home.lead.title).toBe('October 2026 (final)');
      expect(home.beside?.title).toBe('November 2026 to date');
      expect(home.members).toBe(october.members);
      expect(home.chart).toBe(october.chart);
      expect(home.lagging).toBe(october.lagging);
      expect(() => siteDownloads(pages)).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
