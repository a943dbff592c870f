/**
 * Layout that fits, in real Chromium on the sample site (the run's shared
 * build): pages laid out at 1366 px, 1920 px and 390 px wide have no horizontal
 * overflow — the document is no wider than the window, no element ends past
 * its right edge, and nothing scrolls sideways inside the page either
 * (tables are split or stacked, not put in a scrolling box). One browser,
 * one page reused.
 *
 * Which pages: the site has some 700 (every scope, its deal lists and the
 * KPI pages for every month and quarter), and opening one takes 0.1–0.2 s on
 * this 2-core machine, so all of them at three widths would take minutes.
 * A period's pages differ from another period's only in their numbers, so at
 * 1366 px and 390 px the test opens every page that is not under /p/ (the
 * bookmarked current month, data, upload, 404; of the 18 monthly reports,
 * one template, the oldest and the newest two) and every page of
 * the latest quarter (a month's pages are the current month's kinds, with
 * less on them: no week plan, no month to date beside them); at 1920 px,
 * where a wider window only gives a page's grid more room, one page of each
 * kind for each kind of period. A page is loaded once and laid out at each
 * of its widths by resizing the window.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSample, type BuiltSample } from './builtSample.ts';
import { overflowsInPage } from './fits.ts';

/** Each width, and which of the site's pages it opens. */
const WIDTHS: { width: number; pages: (paths: string[]) => string[] }[] = [
  { width: 1366, pages: fullSets },
  { width: 390, pages: fullSets },
  { width: 1920, pages: oneOfEachKind },
];

/** The period folder of a page (`2026-Q4` of `/p/2026-Q4/kpi/stages/`), or null for a page outside /p/. */
const periodOf = (path: string) => /^\/p\/([^/]+)\//.exec(path)?.[1] ?? null;

/** A monthly report's path (`/reports/2026-10/`), not the list of them. */
const isReport = (path: string) => /^\/reports\/[^/]+\/$/.test(path);

/** Every page outside /p/ but the monthly reports, of which the oldest and the newest two (the live and the last frozen), and every page of the newest quarter. */
function fullSets(paths: string[]): string[] {
  const quarters = [...new Set(paths.map(periodOf).filter((p) => p !== null && /^\d{4}-Q\d$/.test(p)))].sort();
  const newest = quarters[quarters.length - 1];
  const reports = paths.filter(isReport).sort();
  const shownReports = new Set([reports[0], ...reports.slice(-2)]);
  return paths.filter((path) => (isReport(path) ? shownReports.has(path) : periodOf(path) === null || periodOf(path) === newest));
}

/** A page's kind and its period's kind: `/p/2026-Q4/reps/maria-chen/` -> `/p/quarter/reps/<name>/`. */
function kindOf(path: string): string {
  return path
    .replace(/^\/p\/\d{4}-\d{2}\//, '/p/month/')
    .replace(/^\/p\/\d{4}-Q\d\//, '/p/quarter/')
    .replace(/\/(reps|teams)\/[^/]+\//, '/$1/<name>/')
    .replace(/^\/reports\/[^/]+\//, '/reports/<month>/');
}

/** The first page of each kind × period kind. */
function oneOfEachKind(paths: string[]): string[] {
  const first = new Map<string, string>();
  for (const path of paths) if (!first.has(kindOf(path))) first.set(kindOf(path), path);
  return [...first.values()];
}

let site: BuiltSample;

/** Every HTML file of the built site as the path a browser asks for (`/p/2026-11/reps/maria-chen/`). */
function sitePaths(root: string): string[] {
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
  return files
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
}

beforeAll(async () => {
  site = await builtSample();
}, 200_000);

afterAll(() => site?.close());

describe('every page of the sample site fits its window', () => {
  it('has pages of every kind and period', () => {
    const paths = sitePaths(site.dist);
    expect(paths.length).toBeGreaterThan(400);
    for (const path of ['/', '/p/2026-11/', '/p/2026-Q4/kpi/stages/', '/p/2025-06/reps/maria-chen/', '/teams/enterprise/', '/reports/2026-10/', '/data/', '/upload/', '/404.html']) {
      expect(paths).toContain(path);
    }
  });

  it('opens at 1366 and 390 px every page outside /p/ and every page of the newest quarter', () => {
    const chosen = fullSets(sitePaths(site.dist));
    for (const path of ['/', '/deals/', '/reps/maria-chen/deals/', '/kpi/pipeline/', '/reports/2026-10/', '/p/2026-Q4/', '/p/2026-Q4/teams/enterprise/deals/', '/p/2026-Q4/reps/alex-rivera/']) expect(chosen).toContain(path);
    expect(chosen).not.toContain('/p/2025-06/reps/maria-chen/');
    expect(chosen).not.toContain('/p/2026-10/');
    expect(chosen.filter(isReport)).toEqual(['/reports/2025-06/', '/reports/2026-10/', '/reports/2026-11/']);
  });

  it('picks one page of each kind and period kind at 1920 px', () => {
    const kinds = oneOfEachKind(sitePaths(site.dist)).map(kindOf);
    for (const kind of ['/', '/p/month/', '/p/quarter/', '/p/quarter/reps/<name>/', '/p/month/teams/<name>/', '/kpi/stages/', '/p/quarter/kpi/win-rate/', '/reports/<month>/', '/404.html']) expect(kinds).toContain(kind);
  });

  // Each page is opened once and measured at each of its widths in turn: the site has no script, so a
  // page laid out again at a new width is the page loaded at it, and a resize costs half a load.
  it('at 1366, 390 and 1920 px: no horizontal overflow', { timeout: 300_000 }, async () => {
    const paths = sitePaths(site.dist);
    const widthsOf = new Map<string, number[]>();
    for (const { width, pages } of WIDTHS) for (const path of pages(paths)) widthsOf.set(path, [...(widthsOf.get(path) ?? []), width]);
    const context = await site.browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    const overflows: Record<string, string[]> = {};
    let measured = 0;
    for (const [path, widths] of widthsOf) {
      await page.setViewportSize({ width: widths[0], height: 900 });
      // 'load', not 'domcontentloaded': before site.css has arrived a page is measured unstyled (an SVG at its natural width).
      const response = await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        const found = await page.evaluate(overflowsInPage);
        if (found.length > 0) overflows[`${path} at ${width} px`] = found;
        measured++;
      }
    }
    await context.close();
    expect(measured).toBe(WIDTHS.reduce((sum, { pages }) => sum + pages(paths).length, 0));
    expect(overflows).toEqual({});
  });
});

/** Each chart on the page that is shown: its layout (`phone`, `wide` or `single`) and its first text's size in CSS px. */
function shownCharts(): { layout: string; textPx: number }[] {
  return [...document.querySelectorAll('main svg[role="graphics-document"]')]
    .filter((svg) => svg.getBoundingClientRect().width > 0)
    .map((svg) => {
      const box = svg.getBoundingClientRect();
      const text = svg.querySelector('text');
      const size = text ? parseFloat(getComputedStyle(text).fontSize) : 0;
      const holder = svg.parentElement?.className ?? '';
      const layout = holder === 'chart-phone' ? 'phone' : holder === 'chart-wide' ? 'wide' : 'single';
      return { layout, textPx: Math.round(((size * box.width) / (svg as SVGSVGElement).viewBox.baseVal.width) * 10) / 10 };
    });
}

describe("the current month's charts on a phone", () => {
  /** The current month's pages, at their bookmarked URLs and under /p/; on the KPI pages small multiples have no phone layout. */
  const PAGES: [string, 'all' | 'some'][] = [['/', 'all'], ['/teams/enterprise/', 'all'], ['/reps/alex-rivera/', 'all'], ['/p/2026-11/reps/maria-chen/', 'all'], ['/kpi/stages/', 'some'], ['/kpi/win-rate/', 'some'], ['/kpi/pipeline/', 'some']];

  it.each(PAGES)('%s at 390 px shows its charts in their phone layouts, text 12 px or more (%s); at 1366 px and in print the wide ones', { timeout: 60_000 }, async (path, which) => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
    const phone = await page.evaluate(shownCharts);
    const drawnTwice = phone.filter((c) => c.layout === 'phone');
    expect(drawnTwice.length).toBeGreaterThan(0);
    if (which === 'all') expect(drawnTwice.length).toBe(phone.length);
    expect(phone.filter((c) => c.layout === 'wide')).toEqual([]);
    for (const chart of drawnTwice) expect(chart.textPx).toBeGreaterThanOrEqual(12);
    await page.setViewportSize({ width: 1366, height: 900 });
    const wide = await page.evaluate(shownCharts);
    expect(wide.map((c) => c.layout)).toEqual(phone.map((c) => (c.layout === 'phone' ? 'wide' : 'single')));
    await page.emulateMedia({ media: 'print' });
    expect((await page.evaluate(shownCharts)).map((c) => c.layout)).toEqual(wide.map((c) => c.layout));
    await context.close();
  });

  it("draws a past period's charts once, wide (the bookmarked pages are the ones opened on a phone)", async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/p/2026-Q3/reps/maria-chen/`, { waitUntil: 'load' });
    const shown = await page.evaluate(shownCharts);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((c) => c.layout === 'single')).toBe(true);
    await context.close();
  });
});
