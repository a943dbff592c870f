/**
 * The built site shows the KPI JSON's numbers: one real `astro build` of
 * the sample data (data/; the run's shared build, test/siteBuilds.ts),
 * then, on every page, every number marked `data-kpi` must equal the KPI JSON for its scope and period (the frozen
 * snapshot where it says `data-frozen`), formatted as a reader of the JSON
 * would, and read the same on every page that shows it. Every CSV link on
 * every page resolves, and every CSV file is a table of some page. Also: the
 * build time, each page's weight (HTML + CSS + inline SVG <= 150 KB),
 * accessible charts, and the rep and team pages' plans agreeing with the
 * engine's deals and leads.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../src/core/ingest/dataset.ts';
import { kpiReport } from '../src/core/kpi/report.ts';
import type { KpiReport, Kpis } from '../src/core/schema/kpiReport.ts';
import { METRICS, readMetric, type MetricRef } from '../src/core/schema/metric.ts';
import { loadDataset } from '../src/node/loadDataset.ts';
import { pagesLimits } from '../src/node/pagesLimits.ts';
import { labels } from '../src/site/text/dictionary.ts';
import { formatCount, formatDays, formatDecimal, formatMoney, formatMultiple, formatPercent } from '../src/site/text/format.ts';
import { ROOT } from './astroBuild.ts';
import { sampleSite, type SharedSite } from './siteBuilds.ts';

const DATA = join(ROOT, 'data');
const BUDGET = 150 * 1024;
const KPI_PAGES = ['kpi/activity', 'kpi/stages', 'kpi/win-rate', 'kpi/pipeline'];

let dataset: Dataset;
let built: SharedSite;
/** The built sample site, shared with the other files of this run (read only). */
let out: string;
const reports = new Map<string, KpiReport>();

beforeAll(async () => {
  built = await sampleSite();
  out = built.dir;
  dataset = (await loadDataset(DATA)).dataset;
}, 180_000);

function page(path: string): string {
  return readFileSync(join(out, path, 'index.html'), 'utf8');
}

/** Every HTML file of the built site, relative to it. */
function htmlFiles(dir: string = out): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [relative(out, path)] : [];
  });
}

/** The live KPI JSON of a period, or the frozen snapshot of a month. */
function reportOf(period: string, frozen = false): KpiReport {
  if (frozen) return JSON.parse(readFileSync(join(DATA, 'reports', `${period}.json`), 'utf8'));
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

/** A `data-kpi` name as a metric of the vocabulary: `stages.transitions.2.rate` -> its path with `*`, and key 2. */
function refOf(name: string): MetricRef {
  for (const m of METRICS) {
    const [before, after] = m.path.split('*');
    if (after === undefined && name === m.path) return { path: m.path };
    if (after !== undefined && name.startsWith(before) && name.endsWith(after) && name.length > before.length + after.length) {
      return { path: m.path, key: name.slice(before.length, name.length - after.length) };
    }
  }
  throw new Error(`not a metric: ${name}`);
}

/** The expected text of a metric of one scope's KPIs, formatted as a reader of the JSON would. */
function expected(kpis: Kpis, name: string, currency: string): string {
  const { locale } = dataset.config;
  const l = labels(locale);
  if (name === 'stages.leak') return kpis.stages.leak ? `${kpis.stages.leak.from} → ${kpis.stages.leak.to}` : l['stages.noLeak'];
  if (name === 'pipeline.focus') return kpis.pipeline.focus === 'done' && kpis.pipeline.quota === 0 ? l['focus.noQuota'] : l[`focus.${kpis.pipeline.focus}`];
  const ref = refOf(name);
  const value = readMetric(kpis, ref) as number | null;
  const kind = METRICS.find((m) => m.path === ref.path)?.kind;
  if (kind === 'text') return String(value);
  if (kind === 'rate') return formatPercent(value, locale);
  if (kind === 'ratio') return formatDecimal(value, locale);
  if (kind === 'multiple') return formatMultiple(value, locale);
  if (kind === 'money') return formatMoney(value, locale, currency);
  if (kind === 'days') return formatDays(value, locale);
  return formatCount(value, locale);
}

interface Marked { path: string; scope: string; period: string; frozen: boolean; text: string }

/** Every element carrying data-kpi, data-scope and data-period (and data-frozen, from a snapshot), with its text. */
function marked(html: string): Marked[] {
  const found: Marked[] = [];
  const pattern = /<(\w+)\b[^>]*?\bdata-kpi="([^"]*)" data-scope="([^"]*)" data-period="([^"]*)"( data-frozen)?[^>]*>([^<]*)<\/\1>/g;
  for (const m of html.matchAll(pattern)) found.push({ path: decode(m[2]), scope: decode(m[3]), period: m[4], frozen: m[5] !== undefined, text: decode(m[6]) });
  return found;
}

function decode(text: string): string {
  return text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('the sample site', () => {
  // Its time is a figure of `npm run bench -- --part site`, not an assertion here (a busy machine is slow).
  it('builds, and what it builds fits one Cloudflare Pages deployment', () => {
    expect(built.code, built.output).toBe(0);
    const dist = pagesLimits(built.dir);
    expect(dist.problems).toEqual([]);
    expect(dist.pages).toBeGreaterThan(30);
  });

  it('shows on every page exactly the KPI JSON, the same text wherever one number appears', () => {
    const texts = new Map<string, Set<string>>();
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(30);
    let count = 0;
    for (const file of files) {
      const source = readFileSync(join(out, file), 'utf8');
      const numbers = marked(source);
      expect(numbers.length, `${file}: every data-kpi element is read`).toBe(source.split('data-kpi=').length - 1);
      for (const n of numbers) {
        const report = reportOf(n.period, n.frozen);
        const kpis = kpisOf(report, n.scope);
        const what = `${file}: ${n.path} of ${n.scope} in ${n.period}${n.frozen ? ' (frozen)' : ''}`;
        expect(n.text, what).toBe(kpis ? expected(kpis, n.path, report.currency) : '—');
        const key = `${n.path}|${n.scope}|${n.period}|${n.frozen}`;
        texts.set(key, (texts.get(key) ?? new Set()).add(n.text));
        count++;
      }
    }
    console.log(`numbers checked: ${count}, ${texts.size} distinct (metric, scope, period)`);
    expect(texts.size).toBeGreaterThan(1000);
    expect([...texts].filter(([, shown]) => shown.size > 1)).toEqual([]);
  });

  it.each(['', ...KPI_PAGES, 'reports/2026-10', 'reports/2026-11'])('shows on /%s/ numbers of the whole team and at least two reps', (path) => {
    const numbers = marked(page(path));
    expect(numbers.length).toBeGreaterThan(20);
    const scopes = new Set(numbers.map((n) => n.scope));
    expect(scopes.has('team')).toBe(true);
    expect([...scopes].filter((s) => s.startsWith('rep:')).length).toBeGreaterThanOrEqual(2);
  });

  it('resolves every CSV link of every page, and every CSV file is a table of some page', () => {
    const linked = new Set<string>();
    for (const file of htmlFiles()) {
      const source = readFileSync(join(out, file), 'utf8');
      const links = [...source.matchAll(/<p class="csv"><a href="([^"]+)" download="([^"]+)"/g)];
      // A deal page's lists are the uploaded deals themselves: shown, not offered as downloads (README "Deal lists").
      const tables = /(^|\/)deals\/index\.html$/.test(file) ? 0 : source.split('<table').length - 1;
      expect(links.length, `${file}: a download per table`).toBe(tables);
      for (const [, href, name] of links) {
        expect(href, file).toBe(`/csv/${name}`);
        expect(existsSync(join(out, href)), `${file}: ${href}`).toBe(true);
        linked.add(name);
      }
    }
    expect(readdirSync(join(out, 'csv')).sort()).toEqual([...linked].sort());
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
      const charts = html.match(/<figure class="chart[^"]*">[\s\S]*?<\/figure>/g) ?? [];
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
    const scopes = readdirSync(join(out, 'reps')).slice(0, 2).map((slug) => ({ dir: `reps/${slug}` }));
    scopes.push(...readdirSync(join(out, 'teams')).map((slug) => ({ dir: `teams/${slug}` })));
    for (const { dir } of scopes) {
      const html = page(dir);
      const scope = /data-kpi="winRate\.rate" data-scope="([^"]*)"/.exec(html)?.[1] as string;
      const kpis = kpisOf(current, decode(scope)) as Kpis;
      const cell = (key: string) => new RegExp(`<tr data-plan="${key}"><th scope="row">[^<]*</th><td[^>]*>([^<]*)</td>`).exec(html)?.[1];
      if (kpis.pipeline.quota === 0) continue;
      expect(cell('deals'), `${dir} deals`).toBe(formatCount(kpis.winRate.dealsNeeded, locale));
      expect(cell('leads'), `${dir} leads`).toBe(formatCount(kpis.winRate.leadsNeeded, locale));
      expect(html).toContain('data-note=');
    }
  });

  it('keeps every page within 150 KB of HTML, CSS and inline SVG', () => {
    const css = statSync(join(out, 'site.css')).size;
    const pages = ['', ...KPI_PAGES, ...readdirSync(join(out, 'reps')).map((s) => `reps/${s}`), ...readdirSync(join(out, 'teams')).map((s) => `teams/${s}`)];
    const sizes = pages.map((p) => ({ page: `/${p}`, bytes: statSync(join(out, p, 'index.html')).size + css }));
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(`largest page: ${largest.page} ${largest.bytes} bytes (HTML + site.css)`);
    for (const { page: p, bytes } of sizes) expect(bytes, p).toBeLessThanOrEqual(BUDGET);
  });
});
