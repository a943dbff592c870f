/**
 * Printing, in real Chromium (page.pdf, A4) on the sample site built once
 * with the real `astro build`: a month's report — frozen (October, from
 * data/reports/2026-10.json, with its commentary) and live (November, the
 * sample's as-of month) — prints the team's summary on at most two A4
 * pages, and so does the home page. Every page but the last is at least a
 * third full (poppler's pdftoppm rasterises each page; the last non-white
 * row is the page's fill), so there is no blank first page; the printed
 * text holds no navigation, no chart-data toggle and no command line.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../astroBuild.ts';
import { builtSample, type BuiltSample } from './builtSample.ts';
import { pageFills } from './printedPages.ts';

const RESULTS = join(ROOT, 'test-results/e2e');
/** A month's summary (and the home page) prints on this many A4 pages at most. */
const MAX_PAGES = 2;
/** Every printed page but the last is inked at least this far down. */
const MIN_FILL = 1 / 3;

const CASES = [
  { name: 'frozen report', path: '/reports/2026-10/', title: 'Monthly report, October 2026', says: 'Frozen snapshot as of October 31, 2026' },
  { name: 'live report', path: '/reports/2026-11/', title: 'Monthly report, November 2026', says: 'Live report: computed from the data as of November 27, 2026.' },
  { name: 'home page', path: '/', title: 'Whole team · November 2026', says: 'November 2026 to date' },
];

let site: BuiltSample;
let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  site = await builtSample();
  context = await site.browser.newContext();
}, 200_000);

afterAll(() => site?.close());

describe.each(CASES)('the $name ($path) printed on A4', ({ name, path, title, says }) => {
  let fills: number[] = [];
  let pages: string[] = [];

  beforeAll(async () => {
    const page = await context.newPage();
    const response = await page.goto(`${site.server.url}${path}`);
    expect(response?.status()).toBe(200);
    const pdf = join(RESULTS, `print-${name.replace(/\W+/g, '-')}.pdf`);
    await page.pdf({ path: pdf, format: 'A4' });
    await page.close();
    fills = pageFills(pdf);
    pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .slice(0, fills.length)
      .map((text) => text.replace(/\s+/g, ' ').trim());
  }, 60_000);

  it(`fits on ${MAX_PAGES} pages, each but the last at least a third full`, () => {
    expect(fills.length).toBeGreaterThanOrEqual(1);
    expect(fills.length).toBeLessThanOrEqual(MAX_PAGES);
    for (const fill of fills.slice(0, -1)) expect(fill).toBeGreaterThanOrEqual(MIN_FILL);
    expect(fills.at(-1)).toBeGreaterThan(0);
  });

  it('starts with its title and its status, and prints no navigation, toggle, link target or command', () => {
    expect(pages[0].startsWith(title), pages[0].slice(0, 120)).toBe(true);
    expect(pages[0]).toContain(says);
    const all = pages.join(' ');
    for (const absent of ['npm run', 'snapshot --', 'The data behind this chart', 'Download CSV', 'Skip to', 'Log out', 'http://', 'https://', 'Previous month']) {
      expect(all, absent).not.toContain(absent);
    }
  });
});
