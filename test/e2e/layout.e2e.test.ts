/**
 * Layout that fits, in real Chromium on the sample site built once with the
 * real `astro build`: every HTML page of dist/ (the bookmarked pages, every
 * /p/<period>/… page of every month and quarter, reports, data, upload, 404)
 * opened at 1366 px, 1920 px and 390 px wide has no horizontal overflow —
 * the document is no wider than the window, no element ends past its right
 * edge, and nothing scrolls sideways inside the page either (tables are
 * split or stacked, not put in a scrolling box). One browser, one context
 * per width, one page reused. Opening all 400-odd pages takes about 0.1–0.2 s
 * each on this 2-core machine, so the three widths together would take
 * minutes: every page is checked at 1366 px and 390 px, and at 1920 px one
 * page of each kind for each kind of period (bookmarked, month, quarter),
 * since a wider window only gives a page's grid more room.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSample, type BuiltSample } from './builtSample.ts';
import { overflowsInPage } from './fits.ts';

/** Each width, and which of the site's pages it opens. */
const WIDTHS: { width: number; pages: (paths: string[]) => string[] }[] = [
  { width: 1366, pages: (paths) => paths },
  { width: 390, pages: (paths) => paths },
  { width: 1920, pages: oneOfEachKind },
];

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
  site = await builtSample('layout');
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

  it('picks one page of each kind and period kind at 1920 px', () => {
    const kinds = oneOfEachKind(sitePaths(site.dist)).map(kindOf);
    for (const kind of ['/', '/p/month/', '/p/quarter/', '/p/quarter/reps/<name>/', '/p/month/teams/<name>/', '/kpi/stages/', '/p/quarter/kpi/win-rate/', '/reports/<month>/', '/404.html']) expect(kinds).toContain(kind);
  });

  it.each(WIDTHS)('at $width px: no horizontal overflow', { timeout: 300_000 }, async ({ width, pages }) => {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const overflows: Record<string, string[]> = {};
    for (const path of pages(sitePaths(site.dist))) {
      // 'load', not 'domcontentloaded': before site.css has arrived a page is measured unstyled (an SVG at its natural width).
      const response = await page.goto(`${site.server.url}${path}`, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      const found = await page.evaluate(overflowsInPage);
      if (found.length > 0) overflows[path] = found;
    }
    await context.close();
    expect(overflows).toEqual({});
  });
});
