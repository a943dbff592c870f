/**
 * Honest headlines, in real Chromium on the sample site (the run's shared
 * build): on the whole team's page and every team's page, of the current
 * month, a past month and a past quarter, the focus names exactly the reps
 * of its group by their own numbers in the KPI JSON, every rep of the page
 * once: while the period runs, by each rep's KPI 4 focus (create, close,
 * done; no quota apart); once it is over, who reached quota and who did
 * not. A team at quota counts the reps still under theirs.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KpiReport } from '../../src/core/schema/kpiReport.ts';
import { builtSample, type BuiltSample } from './builtSample.ts';

/** The sample's as-of is 2026-11-27; every team page of three periods. */
const PAGES = ['/', '/teams/enterprise/', '/teams/mid-market/', '/p/2026-10/', '/p/2026-10/teams/enterprise/', '/p/2026-10/teams/mid-market/', '/p/2026-Q3/', '/p/2026-Q3/teams/enterprise/', '/p/2026-Q3/teams/mid-market/'];
const GROUPS = ['create', 'close', 'done', 'noQuota', 'reached', 'under'];

let site: BuiltSample;
let context: BrowserContext;
beforeAll(async () => {
  site = await builtSample();
  context = await site.browser.newContext();
}, 200_000);
afterAll(async () => {
  await context?.close();
  await site?.close();
});

/** Whether period `id` (`2026-10`, `2026-Q3`) holds the as-of day: it is still running. */
function runs(id: string, asOf: string): boolean {
  const quarter = /^(\d{4})-Q(\d)$/.exec(id);
  if (!quarter) return asOf.startsWith(id);
  return asOf.startsWith(quarter[1]) && Math.ceil(Number(asOf.slice(5, 7)) / 3) === Number(quarter[2]);
}

/** A rep's focus group by its own numbers: KPI 4's focus while the period runs, quota reached or not once it is over. */
function groupOf(kpis: KpiReport['reps'][string], running: boolean): string {
  if (kpis.pipeline.quota === 0) return 'noQuota';
  if (running) return kpis.pipeline.focus;
  return (kpis.pipeline.attainment ?? 0) >= 1 ? 'reached' : 'under';
}

/** The reps the page shows numbers of, its period, and each focus line's group and named reps. */
async function read(page: Page): Promise<{ reps: string[]; period: string; lines: { key: string; text: string; names: string[] }[] }> {
  return page.evaluate(() => {
    const cells = [...document.querySelectorAll<HTMLElement>('main [data-scope^="rep:"][data-period]')];
    const lines = [...document.querySelectorAll<HTMLElement>('main section.focus p[data-focus]')].map((p) => ({
      key: p.dataset.focus!,
      text: p.textContent!.replace(/\s+/g, ' ').trim(),
      names: [...p.querySelectorAll('a')].map((a) => a.textContent!.trim()),
    }));
    return { reps: [...new Set(cells.map((c) => c.dataset.scope!.slice('rep:'.length)))], period: cells[0]?.dataset.period ?? '', lines };
  });
}

describe('the focus of a team agrees with its reps', () => {
  it.each(PAGES)('%s', { timeout: 60_000 }, async (path) => {
    const page = await context.newPage();
    expect((await page.goto(`${site.server.url}${path}`))?.status()).toBe(200);
    const { reps, period, lines } = await read(page);
    const report = (await (await fetch(`${site.server.url}/api/kpis/${period}.json`)).json()) as KpiReport;
    await page.close();
    expect(reps.length).toBeGreaterThan(1);

    // Each group line names exactly the page's reps whose own numbers put them in that group.
    const running = runs(period, report.asOf);
    const byGroup = new Map<string, string[]>();
    for (const rep of reps) byGroup.set(groupOf(report.reps[rep], running), [...(byGroup.get(groupOf(report.reps[rep], running)) ?? []), rep]);
    const groupLines = lines.filter((l) => GROUPS.includes(l.key));
    expect(Object.fromEntries(groupLines.map((l) => [l.key, [...l.names].sort()]))).toEqual(Object.fromEntries([...byGroup].map(([group, names]) => [group, [...names].sort()])));
    for (const line of groupLines) expect(line.text, line.key).toContain(`${line.names.length} `);
    expect(groupLines.flatMap((l) => l.names).sort()).toEqual([...reps].sort());

    // A team at quota with reps under theirs says how many of them.
    const under = reps.filter((rep) => ['create', 'close'].includes(groupOf(report.reps[rep], true))).length;
    for (const line of lines.filter((l) => !GROUPS.includes(l.key))) expect(line.text, line.key).toContain(`${under} of ${reps.length}`);
  });
});
