/**
 * The built site shows the KPI JSON's numbers: one real `astro build` of
 * the sample data (data/), then, on every KPI page and the home page, every
 * number marked `data-kpi` must equal `kpiReport(...)` for its scope and
 * period, formatted by src/core/format.ts — with the whole team and at
 * least two reps covered on each page. Also: the build time, each page's
 * weight (HTML + CSS + inline SVG <= 150 KB), accessible charts, and the
 * rep and team pages' plans agreeing with the engine's deals and leads.
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, formatCount, formatDecimal, formatMultiple, formatPercent } from '../src/site/text/format.ts';
import { labels } from '../src/site/text/dictionary.ts';
import { loadDataset } from '../src/node/loadDataset.ts';
import type { Dataset } from '../src/core/ingest/dataset.ts';
import { kpiReport } from '../src/core/kpi/report.ts';
import type { KpiReport, Kpis } from '../src/core/schema/kpiReport.ts';
import { buildSite, ROOT } from './astroBuild.ts';

const DATA = join(ROOT, 'data');
// Inside the project: astro then keeps its server chunks in the out folder, not in the
// shared .astro/, so this build cannot trip over another test's build.
const OUT = join(ROOT, '.cache', `site-test-${process.pid}`);
const BUDGET = 150 * 1024;
const KPI_PAGES = ['kpi/activity', 'kpi/stages', 'kpi/win-rate', 'kpi/pipeline'];

let dataset: Dataset;
let built: ReturnType<typeof buildSite>;
const reports = new Map<string, KpiReport>();

beforeAll(async () => {
  built = buildSite(DATA, OUT);
  dataset = (await loadDataset(DATA)).dataset;
}, 180_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

function page(path: string): string {
  return readFileSync(join(OUT, path, 'index.html'), 'utf8');
}

function reportOf(period: string): KpiReport {
  let report = reports.get(period);
  if (!report) reports.set(period, (report = kpiReport(dataset, period)));
  return report;
}

/** The report of the month holding the as-of date (the as-of does not depend on the period asked for). */
function currentMonth(): KpiReport {
  return reportOf(reportOf('2000-01').asOf.slice(0, 7));
}

function kpisOf(report: KpiReport, scope: string): Kpis | undefined {
  if (scope === 'team') return report.team;
  const [kind, ...rest] = scope.split(':');
  const name = rest.join(':');
  return kind === 'rep' ? report.reps[name] : kind === 'team' ? report.teams[name] : undefined;
}

/** The expected text of `path` for one scope's KPIs, formatted as a reader of the JSON would. */
function expected(kpis: Kpis, path: string): string {
  const { locale, currency } = dataset.config;
  const l = labels(locale);
  if (path === 'stages.leak') return kpis.stages.leak ? `${kpis.stages.leak.from} → ${kpis.stages.leak.to}` : l['f.stages.noLeak'];
  if (path === 'pipeline.focus') return kpis.pipeline.focus === 'done' && kpis.pipeline.quota === 0 ? l['focus.noQuota'] : l[`focus.${kpis.pipeline.focus}`];
  const parts = path.split('.');
  let value: unknown = kpis;
  // Map keys (sources, stages) are matched whole when they hold dots.
  for (let i = 0; i < parts.length; i++) {
    const here = value as Record<string, unknown> | undefined;
    const rest = parts.slice(i).join('.');
    if (here && rest in here) { value = here[rest]; break; }
    value = here?.[parts[i]];
  }
  if (value === undefined && /^(pipeline\.openByStage|stages\.(forward|backward))\./.test(path)) value = 0; // omitted zero entries
  const number = value as number | null;
  const last = parts[parts.length - 1];
  if (/^(rate|nextStepRate|overall|valueRate|leadConversion|attainment|churnRate)$/.test(last)) return formatPercent(number, locale);
  if (last === 'outreachPerFirstMeeting') return formatDecimal(number, locale);
  if (last === 'coverage') return formatMultiple(number, locale);
  if (/^(wonAmount|lostAmount|amount|weighted|quota|closedWon|gap|avgDealSize|totalSales)$/.test(last)) return formatMoney(number, locale, currency);
  return formatCount(number, locale);
}

interface Marked { path: string; scope: string; period: string; text: string }

/** Every element carrying data-kpi, data-scope and data-period, with its text. */
function marked(html: string): Marked[] {
  const found: Marked[] = [];
  const pattern = /<(\w+)\b[^>]*?\bdata-kpi="([^"]*)" data-scope="([^"]*)" data-period="([^"]*)"[^>]*>([^<]*)<\/\1>/g;
  for (const m of html.matchAll(pattern)) found.push({ path: m[2], scope: decode(m[3]), period: m[4], text: decode(m[5]) });
  return found;
}

function decode(text: string): string {
  return text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('the sample site', () => {
  it('builds in under 60 s', () => {
    expect(built.code, built.output).toBe(0);
    console.log(`site build: ${built.seconds.toFixed(1)} s`);
    expect(built.seconds).toBeLessThan(60);
  });

  it.each(['', ...KPI_PAGES])('shows on /%s/ exactly the KPI JSON, for the whole team and at least two reps', (path) => {
    const html = page(path);
    const numbers = marked(html);
    expect(numbers.length).toBeGreaterThan(20);
    expect(numbers.length, 'every data-kpi element is read').toBe(html.split('data-kpi=').length - 1);
    for (const n of numbers) {
      const kpis = kpisOf(reportOf(n.period), n.scope);
      expect(kpis, `${n.scope} in ${n.period}`).toBeDefined();
      expect(n.text, `${path}: ${n.path} of ${n.scope} in ${n.period}`).toBe(expected(kpis as Kpis, n.path));
    }
    const scopes = new Set(numbers.map((n) => n.scope));
    expect(scopes.has('team')).toBe(true);
    expect([...scopes].filter((s) => s.startsWith('rep:')).length).toBeGreaterThanOrEqual(2);
  });

  it('shows the KPI JSON on rep and team pages too', () => {
    const pages = [...readdirSync(join(OUT, 'reps')).slice(0, 2).map((s) => `reps/${s}`), ...readdirSync(join(OUT, 'teams')).map((s) => `teams/${s}`)];
    for (const path of pages) {
      const numbers = marked(page(path));
      expect(numbers.length, path).toBeGreaterThan(20);
      for (const n of numbers) {
        const kpis = kpisOf(reportOf(n.period), n.scope) as Kpis;
        expect(n.text, `${path}: ${n.path} of ${n.scope} in ${n.period}`).toBe(expected(kpis, n.path));
      }
    }
  });

  it('marks the four KPIs of the current month for the team and every rep on their KPI page', () => {
    const month = currentMonth();
    const wanted: Record<string, string[]> = {
      'kpi/activity': ['activity.outreach', 'activity.firstMeetings', 'activity.outreachPerFirstMeeting', 'activity.nextStepRate'],
      'kpi/stages': ['stages.overall', 'stages.leak', 'stages.transitions.0.rate'],
      'kpi/win-rate': ['winRate.won', 'winRate.lost', 'winRate.rate', 'winRate.dealsNeeded', 'winRate.leadsNeeded'],
      'kpi/pipeline': ['pipeline.quota', 'pipeline.closedWon', 'pipeline.gap', 'pipeline.coverage', 'pipeline.overdue.count', 'pipeline.focus'],
    };
    for (const [path, kpis] of Object.entries(wanted)) {
      const shown = new Set(marked(page(path)).filter((n) => n.period === month.period).map((n) => `${n.scope}|${n.path}`));
      for (const scope of ['team', ...Object.keys(month.reps).map((r) => `rep:${r}`)]) {
        for (const kpi of kpis) expect(shown.has(`${scope}|${kpi}`), `${path}: ${kpi} of ${scope}`).toBe(true);
      }
    }
  });

  it('gives every chart a name, a title and the table behind it', () => {
    for (const path of KPI_PAGES) {
      const html = page(path);
      const charts = html.match(/<figure class="chart">[\s\S]*?<\/figure>/g) ?? [];
      expect(charts.length, path).toBeGreaterThan(0);
      for (const chart of charts) {
        expect(chart).toMatch(/<svg [^>]*role="graphics-document" aria-label="[^"]+"/);
        expect(chart).toMatch(/<title>[^<]+<\/title>/);
        expect(chart).toMatch(/<details[^>]*><summary>[^<]+<\/summary>[\s\S]*<table/);
      }
      expect(html).not.toMatch(/NaN|undefined|Infinity|\[object /);
    }
  });

  it('agrees with the engine on the deals and leads each rep and team needs', () => {
    const { locale } = dataset.config;
    const current = currentMonth();
    const scopes = readdirSync(join(OUT, 'reps')).slice(0, 2).map((slug) => ({ dir: `reps/${slug}` }));
    scopes.push(...readdirSync(join(OUT, 'teams')).map((slug) => ({ dir: `teams/${slug}` })));
    for (const { dir } of scopes) {
      const html = page(dir);
      const scope = /data-kpi="winRate\.rate" data-scope="([^"]*)"/.exec(html)?.[1] as string;
      const kpis = kpisOf(current, decode(scope)) as Kpis;
      const cell = (key: string) => new RegExp(`<tr data-plan="${key}"><th scope="row">[^<]*</th><td>([^<]*)</td>`).exec(html)?.[1];
      if (kpis.pipeline.quota === 0) continue;
      expect(cell('deals'), `${dir} deals`).toBe(formatCount(kpis.winRate.dealsNeeded, locale));
      expect(cell('leads'), `${dir} leads`).toBe(formatCount(kpis.winRate.leadsNeeded, locale));
      expect(html).toContain('data-note=');
    }
  });

  it('keeps every page within 150 KB of HTML, CSS and inline SVG', () => {
    const css = statSync(join(OUT, 'site.css')).size;
    const pages = ['', ...KPI_PAGES, ...readdirSync(join(OUT, 'reps')).map((s) => `reps/${s}`), ...readdirSync(join(OUT, 'teams')).map((s) => `teams/${s}`)];
    const sizes = pages.map((p) => ({ page: `/${p}`, bytes: statSync(join(OUT, p, 'index.html')).size + css }));
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`largest page: ${largest.page} ${largest.bytes} bytes (HTML + site.css)`);
    for (const { page: p, bytes } of sizes) expect(bytes, p).toBeLessThanOrEqual(BUDGET);
  });
});
