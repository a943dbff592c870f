/**
 * The real `astro build` on the two real CRM exports, read through a mapping
 * (Maven) and a preset (Zoho): a full site, whose published KPI JSON is the
 * engine's for the month the other import tests count by hand.
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
    ['maven-crm', '2017-06', 'Darcel Schlecht'],
    ['zoho-crm-demo', '2021-03', 'Harold Pawlan'],
  ])('builds %s into a full site whose API JSON is the KPI JSON', { timeout: 180_000 }, async (name, month, rep) => {
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
  });
});
