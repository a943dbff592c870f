/**
 * The real `astro build` on a real CRM export, a HubSpot all-deals export
 * found by its header: a full site, whose published KPI JSON is the engine's
 * for the month the other import tests count by hand, and whose /data/ page
 * shows each import report and the import's warnings. The Maven export (read
 * through a mapping) and the Zoho one (a preset) are loaded the same way
 * (test/imports/maven.test.ts, zoho.test.ts) and their every page made and
 * checked in process (src/site/pages.test.ts): their full builds (15 and 17 s
 * of the suite's CPU) added no check of their own.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, ROOT } from '../astroBuild.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/node/loadDataset.ts';
import { kpiReport } from '../../src/core/kpi/report.ts';

// Out folders inside the project, as in test/build.test.ts: astro then keeps its server
// chunks there instead of the shared .astro/, so builds running alongside cannot collide.
mkdirSync(join(ROOT, '.cache'), { recursive: true });
const temp = mkdtempSync(join(ROOT, '.cache', 'import-build-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** `astro build` with the project's own Node (the bin's shebang would pick the system one). */

describe('astro build of real CRM exports', () => {
  it.each([
    ['hubspot-all-deals', '2023-04', 'Maria Chen', [
      '49 deals have no amount: they count in win rate, not in money.',
      'It is the close date of the latest closed deal, 15733920055.',
      'Closed deals dated after the export date in the name of hubspot-crm-exports-all-deals-2023-05-16.csv (May 16, 2023): 2 — 15733920055 (July 14, 2023), 15733920030 (June 30, 2023).',
      'encoding: UTF-8',
      'currency: 79 in USD, 8 in EUR converted at 1.0832 — amounts in USD',
    ]],
  ])('builds %s into a full site whose API JSON is the KPI JSON', { timeout: 180_000 }, async (name, month, rep, onDataPage) => {
    const data = join(ROOT, 'test/fixtures', name);
    const outDir = join(temp, name);
    const { code, output } = buildSite(data, outDir);
    expect(code, output).toBe(0);
    for (const page of ['index.html', 'data/index.html', 'kpi/win-rate/index.html']) expect(existsSync(join(outDir, page)), page).toBe(true);
    const published = JSON.parse(readFileSync(join(outDir, 'api/kpis', `${month}.json`), 'utf8'));
    const { dataset } = await loadDataset(data);
    expect(published).toEqual(JSON.parse(JSON.stringify(kpiReport(dataset, month))));
    expect(published.reps[rep].winRate.won).toBeGreaterThan(0);
    // The /data/ page shows the import report of every imported file, with its row counts.
    const dataPage = readFileSync(join(outDir, 'data/index.html'), 'utf8');
    for (const report of dataset.imports) {
      expect(dataPage).toContain(`data-import="${report.file}"`);
      expect(dataPage).toContain(`${report.rowsRead} rows read, ${report.rowsKept} kept`);
    }
    expect(dataset.imports.length).toBeGreaterThan(0);
    for (const text of onDataPage) expect(dataPage).toContain(text.replace(/"/g, '&quot;'));
  });
});
