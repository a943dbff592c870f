/**
 * End-to-end in real Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core; no browser is downloaded): the sample site is built once
 * with the real `astro build` (the run's shared build, test/siteBuilds.ts),
 * served over HTTP on 127.0.0.1, and every page below is opened, checked for its charts (and for needing no
 * JavaScript: no script in its HTML; the home page is also opened with JavaScript off),
 * checked by axe-core (no serious or critical violation, light and dark),
 * screenshotted (light) into test-results/e2e/. A report page is printed to an A4 PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { connectChromium } from './chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney, formatPercent } from '../../src/site/text/format.ts';
import { ROOT, runCli } from '../astroBuild.ts';
import { sampleSite } from '../siteBuilds.ts';
import { serveStatic, type StaticServer } from './serve.ts';

const DATA = join(ROOT, 'data');
const RESULTS = join(ROOT, 'test-results/e2e');
/** The sample's as-of is 2026-11-27: November is live, October is frozen (data/reports/2026-10.json) with a narrative. */
const FROZEN_MONTH = '2026-10';
const LIVE_MONTH = '2026-11';

interface PageCase {
  name: string;
  path: string;
  /** How many rendered charts (svg[role=graphics-document]) the page has at least. */
  charts: number;
}

/** Pages of this suite's own work: reports, data, and the home page. */
const PAGES: PageCase[] = [
  { name: 'home', path: '/', charts: 1 },
  { name: 'reports', path: '/reports/', charts: 0 },
  { name: 'report-frozen', path: `/reports/${FROZEN_MONTH}/`, charts: 1 },
  { name: 'report-live', path: `/reports/${LIVE_MONTH}/`, charts: 1 },
  { name: 'data', path: '/data/', charts: 0 },
];

/** Pages of the KPI, rep and team work (landed in 7809d99); extend as pages are added. */
const KPI_WORK_PAGES: PageCase[] = [
  { name: 'kpi-win-rate', path: '/kpi/win-rate/', charts: 1 },
  { name: 'kpi-pipeline', path: '/kpi/pipeline/', charts: 1 },
  { name: 'rep', path: '/reps/maria-chen/', charts: 1 },
  { name: 'team', path: '/teams/enterprise/', charts: 1 },
];

/**
 * Pages of the cockpit (issue 12) under /p/: a past month's home, a quarter's team and KPI page (a past
 * rep page and a quarter's home are the same templates as those above with less on them).
 */
const PERIOD_PAGES: PageCase[] = [
  { name: 'month-home', path: '/p/2026-10/', charts: 1 },
  { name: 'quarter-team', path: '/p/2026-Q4/teams/mid-market/', charts: 1 },
  { name: 'quarter-kpi-stages', path: '/p/2026-Q3/kpi/stages/', charts: 1 },
];

const ALL_PAGES = [...PAGES, ...KPI_WORK_PAGES, ...PERIOD_PAGES];
/** Issue 3's budget per page: HTML + CSS + inline SVG before compression. */
const PAGE_BUDGET = 150 * 1024;

/** The built sample site, shared with the other files of this run (read only). */
let outDir: string;
let server: StaticServer;
let browser: Browser;
const timings: Record<string, number> = {};

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  const build = await sampleSite();
  expect(build.code, build.output).toBe(0);
  outDir = build.dir;
  timings.buildSeconds = Math.round(build.seconds * 10) / 10;
  server = await serveStatic(outDir);
  browser = await connectChromium();
}, 200_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  writeFileSync(join(RESULTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
});

/** Opens `path` in a fresh context; fails on an HTTP error or a script error on the page. */
async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Chromium asks every site for /favicon.ico on its own; the site has none, and that is not a page error.
  page.on('console', (message) => message.type() === 'error' && !message.location().url.endsWith('/favicon.ico') && errors.push(message.text()));
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return { page, close: () => context.close(), errors };
}

/** What a reader sees as numbers: every table cell, KPI and chart label text, in page order, and the charts. */
async function shownNumbers(page: Page): Promise<{ cells: string[]; charts: number }> {
  const cells = await page.locator('main td, main th, main .kpi, main .card, main figcaption').allTextContents();
  const charts = await page.locator('main svg[role="graphics-document"]').count();
  return { cells: cells.map((c) => c.replace(/\s+/g, ' ').trim()), charts };
}

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe's serious and critical violations: WCAG 2.2 A/AA plus axe's best
 * practices (landmarks, headings) in the light scheme; in dark, which
 * differs in colours only, the colour rules alone (a third of the time).
 */
async function seriousViolations(page: Page, colorScheme: 'light' | 'dark'): Promise<string[]> {
  // Legacy mode runs axe.run in the page itself: the default opens a blank page per call to merge
  // frames' results (these pages have no frames), and that was half of each call's time.
  // Only violations are collected: passes are not read, and listing them is axe's slowest part.
  const axe = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  const results = await (colorScheme === 'light' ? axe.withTags([...WCAG_AA, 'best-practice']) : axe.withRules(['color-contrast', 'link-in-text-block'])).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('the built sample site in Chromium', () => {
  /** What each page shows with JavaScript on (light scheme), for the home page's JavaScript-off comparison. */
  const shownWithScript = new Map<string, Promise<{ cells: string[]; charts: number }>>();

  describe.each(ALL_PAGES)('$name ($path)', ({ name, path, charts }) => {
    let resolveShown: (shown: { cells: string[]; charts: number }) => void = () => {};
    shownWithScript.set(path, new Promise((resolve) => (resolveShown = resolve)));

    it('renders its charts, passes axe in light and dark, and fits the page budget', { timeout: 90_000 }, async () => {
      const started = performance.now();
      const { page, close, errors } = await open(path, { colorScheme: 'light' });
      // Every chart's name and <title>, read in one call (a round trip per chart was a second a page).
      const named = await page.locator('main svg[role="graphics-document"]').evaluateAll((svgs) => svgs.map((svg) => ({ label: svg.getAttribute('aria-label') ?? '', titles: svg.querySelectorAll('title').length })));
      expect(named.length, 'charts').toBeGreaterThanOrEqual(charts);
      for (const { label, titles } of named) {
        expect(label, 'chart name').toBeTruthy();
        expect(titles, `chart <title> of "${label}"`).toBeGreaterThan(0);
      }
      resolveShown(await shownNumbers(page));
      expect(await seriousViolations(page, 'light'), 'light axe').toEqual([]);
      // One picture a page, for a person to look at (the dark scheme is axe's to check).
      await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
      // The same page in the dark scheme: only colours change, so the same document is checked again.
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await seriousViolations(page, 'dark'), 'dark axe').toEqual([]);
      expect(errors).toEqual([]);
      await close();
      timings[`${name}Seconds`] = Math.round((performance.now() - started) / 100) / 10;
      const file = join(outDir, path, 'index.html');
      const css = statSync(join(outDir, 'site.css')).size;
      expect(statSync(file).size + css, 'HTML + CSS bytes').toBeLessThanOrEqual(PAGE_BUDGET);
    });

    it('needs no JavaScript: no script, event handler or javascript: link in its HTML', () => {
      const html = readFileSync(join(outDir, path, 'index.html'), 'utf8');
      expect(html).toContain('<main');
      expect(html).not.toMatch(/<script\b/i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
    });

  });

  // Without a script a page cannot differ with JavaScript off; the home page is opened so, to show it.
  it('the home page shows the same numbers and charts with JavaScript disabled', { timeout: 90_000 }, async () => {
    const off = await open('/', { javaScriptEnabled: false });
    const withoutScript = await shownNumbers(off.page);
    await off.close();
    const withScript = await shownWithScript.get('/')!;
    expect(withScript.cells.length).toBeGreaterThan(0);
    expect(withoutScript).toEqual(withScript);
  });
});

describe('monthly reports', () => {
  it('renders a frozen month from its snapshot, narrative included, and says so', { timeout: 30_000 }, async () => {
    const snapshot = JSON.parse(readFileSync(join(DATA, 'reports', `${FROZEN_MONTH}.json`), 'utf8'));
    const { page, close } = await open(`/reports/${FROZEN_MONTH}/`, { javaScriptEnabled: false });
    await expect.poll(() => page.locator('.report-status').textContent()).toContain(`Frozen snapshot as of October 31, 2026`);
    // data/reports/2026-10.json has no "spec": frozen under KPI-SPEC v1, and the page says so.
    expect(await page.locator('.report-status').textContent()).toContain('Computed with KPI-SPEC v1: overdue deals counted as pipeline');
    const cell = (metric: string) => page.locator(`tr[data-metric="${metric}"] td`).first().textContent();
    expect(await cell('winRate.rate')).toBe(formatPercent(snapshot.team.winRate.rate, 'en-US'));
    expect(await cell('pipeline.closedWon')).toBe(formatMoney(snapshot.team.pipeline.closedWon, 'en-US', 'USD'));
    expect(await cell('pipeline.open.amount')).toBe(formatMoney(snapshot.team.pipeline.open.amount, 'en-US', 'USD'));
    // The narrative's <Kpi> reads the same frozen report.
    const narrative = page.locator('section.narrative');
    expect(await narrative.locator('h2').textContent()).toBe('Commentary');
    expect(await narrative.locator('.kpi').first().textContent()).toBe(formatPercent(snapshot.team.pipeline.attainment, 'en-US'));
    await close();
  });

  it('renders the month in progress live, with the command that freezes it', { timeout: 30_000 }, async () => {
    const { page, close } = await open(`/reports/${LIVE_MONTH}/`);
    const status = await page.locator('.report-status').textContent();
    expect(status).toContain('Live report: computed from the current data as of November 27, 2026');
    expect(status).toContain(`npm run snapshot -- --period ${LIVE_MONTH}`);
    expect(status).toContain('The month is not over yet');
    const live = JSON.parse(runCli('kpis', '--data', DATA, '--period', LIVE_MONTH).stdout);
    expect(await page.locator('tr[data-metric="winRate.rate"] td').first().textContent()).toBe(formatPercent(live.team.winRate.rate, 'en-US'));
    await close();
  });

  it('lists every month, frozen or live, each link working', { timeout: 60_000 }, async () => {
    const { page, close } = await open('/reports/');
    const rows = page.locator('table.report-list tbody tr');
    expect(await rows.count()).toBe(18); // June 2025 .. November 2026
    expect(await page.locator(`tr[data-month="${FROZEN_MONTH}"] td.status`).textContent()).toContain('Frozen');
    expect(await page.locator(`tr[data-month="${LIVE_MONTH}"] td.status`).textContent()).toContain('Live');
    for (const href of await page.locator('table.report-list a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      expect((await fetch(href)).status, href).toBe(200);
    }
    await close();
  });

  it('prints on A4 pages without navigation, tables kept whole (the team metrics by KPI group)', { timeout: 60_000 }, async () => {
    const { page, close } = await open(`/reports/${FROZEN_MONTH}/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report-links').isVisible()).toBe(false);
    expect(await page.locator('p.csv').first().isVisible()).toBe(false);
    expect(await page.locator('table.metrics tbody').first().evaluate((t) => getComputedStyle(t).breakInside)).toBe('avoid');
    // At the width of an A4 page's content (210 - 2 x 14 mm), every table and chart is shorter
    // than the page's content (297 - 2 x 16 mm), so keeping each whole always works; the team's
    // metrics table (taller than a page since the outlook joined it) keeps each KPI group whole.
    const mm = 96 / 25.4;
    await page.setViewportSize({ width: Math.floor(182 * mm), height: 1000 });
    for (const block of await page.locator('main table:not(.metrics), main figure.chart, main table.metrics tbody').all()) {
      const box = await block.boundingBox();
      expect(box?.height ?? 0).toBeLessThan(265 * mm);
    }
    const groups = await page.locator('main table.metrics tbody').evaluateAll((bodies) =>
      bodies.map((b) => [...b.querySelectorAll('th')].map((th) => th.textContent?.trim() ?? '')),
    );
    const path = join(RESULTS, `report-${FROZEN_MONTH}.pdf`);
    const pdf = await page.pdf({ format: 'A4', path });
    // A page break falls between KPI groups only: a group's title and all its rows, in order, are on one page.
    // The table prints in two columns, so the text is read in the PDF's own (the page's) order: -raw, not -layout.
    const printed = execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).split('\f').map((text) => text.replace(/\s+/g, ' '));
    expect(groups.length).toBe(6);
    for (const [title, ...rows] of groups) {
      const page = printed.find((text) => text.includes(title)) ?? '';
      let at = page.indexOf(title);
      for (const row of rows) {
        at = at < 0 ? at : page.indexOf(row, at);
        expect(at, `${title}: ${row}`).toBeGreaterThanOrEqual(0);
      }
    }
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
    // A4 is 210 x 297 mm = 595.3 x 841.9 pt; Chromium rounds to whole device pixels.
    expect(Math.abs(Number(box?.[1]) - 595.3)).toBeLessThan(1.5);
    expect(Math.abs(Number(box?.[2]) - 841.9)).toBeLessThan(1.5);
    timings.reportPdfPages = pages.length;
    await close();
  });
});

describe('published data', () => {
  it.each([FROZEN_MONTH, LIVE_MONTH, '2025-06', '2026-Q3'])('/api/kpis/%s.json is byte-for-byte the kpis command', async (period) => {
    const served = Buffer.from(await (await fetch(`${server.url}/api/kpis/${period}.json`)).arrayBuffer());
    const printed = runCli('kpis', '--data', DATA, '--period', period);
    expect(printed.code, printed.stderr).toBe(0);
    expect(served.equals(Buffer.from(printed.stdout))).toBe(true);
  });

  it.each(['/reports/', `/reports/${FROZEN_MONTH}/`, `/reports/${LIVE_MONTH}/`, '/data/'])('%s offers every table as a CSV download', { timeout: 30_000 }, async (path) => {
    const { page, close } = await open(path);
    const hrefs = await page.locator('p.csv a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBe(await page.locator('main table').count());
    for (const href of hrefs) {
      const response = await fetch(href);
      expect(response.status, href).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const lines = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines.length, href).toBeGreaterThan(1);
    }
    await close();
  });

  it("a report's scorecard CSV has a row per team and rep, raw numbers", async () => {
    const scorecard = await (await fetch(`${server.url}/csv/report-${FROZEN_MONTH}-scorecard.csv`)).text();
    const snapshot = JSON.parse(readFileSync(join(DATA, 'reports', `${FROZEN_MONTH}.json`), 'utf8'));
    const lines = scorecard.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines.length).toBe(2 + Object.keys(snapshot.teams).length + Object.keys(snapshot.reps).length);
    const all = lines[1].split(',');
    const header = lines[0].split(',');
    expect(Number(all[header.indexOf('winRate.rate')])).toBe(snapshot.team.winRate.rate);
    expect(lines.some((l) => l.startsWith("James O'Brien,"))).toBe(true);
  });

  it('shows the files, rows, export dates and warnings on /data/', { timeout: 30_000 }, async () => {
    const { page, close } = await open('/data/');
    expect(await page.locator('tr[data-file="activities.csv"] td').first().textContent()).toBe('present');
    expect(await page.locator('tr[data-file="activities.csv"] td').nth(1).textContent()).toBe('50,000');
    expect(await page.locator('ul.warnings li').first().textContent()).toMatch(/^Open deals past their close date as of November 27, 2026: \d+, \$[\d,]+\./);
    await close();
  });
});
