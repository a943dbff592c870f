/**
 * The deal lists behind the counts, in real Chromium on the real build of
 * the sample data: on the home page, a team page and a rep page of the
 * current month, and the home and a rep page of a past month, every link
 * into a deal page is followed, and the linked section's rows (their count
 * and the sum of their `data-amount`) equal the numbers of the KPI JSON
 * (/api/kpis/<period>.json) of the section's scope and period; a link that
 * reads as a number reads its section's row count. And no page of the site
 * links to a deal page, or a section of one, that was not built.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSample, type BuiltSample } from './builtSample.ts';
import type { StaticServer } from './serve.ts';

/** The sample's as-of is 2026-11-27: November runs, October is over. */
const PAGES = ['/', '/teams/enterprise/', '/reps/maria-chen/', '/p/2026-10/', '/p/2026-10/reps/alex-rivera/'];

interface Totals {
  count: number;
  amount: number;
}
interface Kpis {
  pipeline: { overdue: Totals; open: Totals };
  outlook: { stale: Totals; forecast: { deals: number } };
  winRate: { won: number; wonAmount: number; lost: number; lostAmount: number };
}
interface KpiJson {
  team: Kpis;
  teams: Record<string, Kpis>;
  reps: Record<string, Kpis>;
}

/** The KPI JSON's count and amount behind each section that the JSON counts (the forecast's deals are the due ones). */
const EXPECTED: Record<string, (k: Kpis) => Totals> = {
  overdue: (k) => k.pipeline.overdue,
  due: (k) => k.pipeline.open,
  stale: (k) => k.outlook.stale,
  won: (k) => ({ count: k.winRate.won, amount: k.winRate.wonAmount }),
  lost: (k) => ({ count: k.winRate.lost, amount: k.winRate.lostAmount }),
  forecast: (k) => ({ count: k.outlook.forecast.deals, amount: k.pipeline.open.amount }),
};

interface Section {
  scope: string;
  period: string;
  rows: number;
  amount: number;
}

let site: BuiltSample;
let outDir: string;
let server: StaticServer;
let context: BrowserContext;

beforeAll(async () => {
  site = await builtSample();
  ({ dist: outDir, server } = site);
  context = await site.browser.newContext();
}, 200_000);

afterAll(async () => {
  await site?.close();
});

/** Opens `path` and runs `read` on the page; fails on an HTTP error. */
async function onPage<T>(path: string, read: (page: import('playwright-core').Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(200);
    return await read(page);
  } finally {
    await page.close();
  }
}

const json = new Map<string, Promise<KpiJson>>();
function kpiJson(period: string): Promise<KpiJson> {
  if (!json.has(period)) json.set(period, fetch(`${server.url}/api/kpis/${period}.json`).then((r) => r.json() as Promise<KpiJson>));
  return json.get(period)!;
}

function kpisOf(report: KpiJson, scope: string): Kpis {
  if (scope === 'team') return report.team;
  const [kind, name] = [scope.slice(0, scope.indexOf(':')), scope.slice(scope.indexOf(':') + 1)];
  return kind === 'rep' ? report.reps[name] : report.teams[name];
}

/** Every section of a deal page as the browser shows it: its rows and the sum of their amounts. */
const sections = new Map<string, Promise<Record<string, Section>>>();
function sectionsOf(path: string): Promise<Record<string, Section>> {
  if (!sections.has(path)) {
    sections.set(
      path,
      onPage(path, (page) =>
        page.$$eval('section.deal-list', (nodes) =>
          Object.fromEntries(
            nodes.map((s) => {
              const rows = [...s.querySelectorAll('tbody tr[data-deal]')];
              const amount = rows.reduce((sum, r) => sum + Number(r.getAttribute('data-amount')), 0);
              return [s.id, { scope: s.getAttribute('data-scope') ?? '', period: s.getAttribute('data-period') ?? '', rows: rows.length, amount }];
            }),
          ),
        ),
      ),
    );
  }
  return sections.get(path)!;
}

const cents = (n: number) => Math.round(n * 100);

describe('the deal lists behind the counts, in Chromium', () => {
  it.each(PAGES)('%s: every link into a deal list lands on a section holding exactly the counted deals', { timeout: 120_000 }, async (path) => {
    const links = await onPage(path, (page) =>
      page.$$eval('a[href*="/deals/"]', (nodes) => nodes.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent?.trim() ?? '', kpi: a.getAttribute('data-kpi') }))),
    );
    // Not vacuous: the page links its overdue and stale counts, and its won deals.
    expect(links.filter((l) => l.href.endsWith('#overdue')).length, path).toBeGreaterThan(0);
    expect(links.filter((l) => l.href.endsWith('#stale')).length, path).toBeGreaterThan(0);
    expect(links.filter((l) => l.href.endsWith('#won')).length, path).toBeGreaterThan(0);
    let checked = 0;
    for (const link of links) {
      const [target, fragment = ''] = link.href.split('#');
      const shown = await sectionsOf(target);
      expect(Object.keys(shown), target).toEqual(['overdue', 'due', 'closing-this-week', 'stale', 'slipped', 'largest', 'won', 'lost', 'forecast']);
      if (!fragment) continue;
      const section = shown[fragment];
      expect(section, link.href).toBeDefined();
      // A count that links reads as many deals as its list holds.
      if (/^\d+$/.test(link.text) && /count|won$|lost$|deals$/.test(link.kpi ?? 'count')) expect(Number(link.text), `${path} → ${link.href}`).toBe(section.rows);
      const expected = EXPECTED[fragment];
      if (!expected) continue;
      const kpis = kpisOf(await kpiJson(section.period), section.scope);
      const want = expected(kpis);
      expect({ rows: section.rows, amount: cents(section.amount) }, `${path} → ${link.href} (${section.scope}, ${section.period})`).toEqual({ rows: want.count, amount: cents(want.amount) });
      checked++;
    }
    expect(checked, path).toBeGreaterThan(5);
  });

  it('no page of the site links to a deal page, or a section of one, that was not built', () => {
    const pages = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html'));
    const ids = new Map<string, string>();
    let links = 0;
    const missing: string[] = [];
    for (const entry of pages) {
      const html = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const [, href] of html.matchAll(/href="([^"]*\/deals\/[^"]*)"/g)) {
        links++;
        const [path, fragment] = href.split('#');
        const file = join(outDir, path, 'index.html');
        if (!existsSync(file)) {
          missing.push(`${relative(outDir, join(entry.parentPath, entry.name))}: ${href}`);
          continue;
        }
        if (!ids.has(file)) ids.set(file, readFileSync(file, 'utf8'));
        if (fragment && !ids.get(file)!.includes(`id="${fragment}"`)) missing.push(`${href} (no section)`);
      }
    }
    expect(missing).toEqual([]);
    expect(links).toBeGreaterThan(1000);
  });
});
