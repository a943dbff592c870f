/**
 * The journey, end to end, in one test: real Chromium against `npm start`'s
 * server (src/node/main.ts on a random 127.0.0.1 port) over a temp copy of
 * the sample data and a copy of its built site (the run's shared build),
 * private with a team password. A manager
 * opens the bookmarked `/`, is sent to the login page, enters the password,
 * lands back on `/` and reads the month's closed-won; the monthly snapshot
 * freezes last month (the CLI, as monthly.yml runs it); she uploads a HubSpot
 * deals export through /upload/ in which one of Maria Chen's deals is won;
 * watches the rebuild finish; sees the new number on `/` and on her page;
 * after a restart of the server (no rebuild: the site is newer than the
 * data; her login outlives it) last month's report is frozen, and prints
 * to an A4 PDF whose text pdftotext reads back. Screenshots, the export and
 * the PDF stay in test-results/journey/; the dashboard shot is the README's
 * (docs/dashboard.png is a copy). That a restart on data newer than the site
 * serves the old one and rebuilds behind it: test/upload/startup.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatMoney } from '../../src/site/text/format.ts';
import { ROOT, runCli } from '../astroBuild.ts';
import { sampleSite } from '../siteBuilds.ts';
import { connectChromium } from './chromium.ts';
import { hubspotExport } from './hubspot.ts';
import { npmStart, type Started } from './npmStart.ts';

const RESULTS = join(ROOT, 'test-results/journey');
const TOKEN = 'journey-upload-token';
const PASSWORD = 'journey team password';
// The site is private (issue 15): the team password, and a session secret so the login outlives the restart below.
const ENV = { KEEPSCORE_UPLOAD_TOKEN: TOKEN, KEEPSCORE_ACCESS: 'password', KEEPSCORE_VIEW_PASSWORD: PASSWORD, KEEPSCORE_SESSION_SECRET: 'journey-session-secret' };
const WON = (scope: string, month: string) => `[data-kpi="winRate.wonAmount"][data-scope="${scope}"][data-period="${month}"]`;

mkdirSync(join(ROOT, '.cache'), { recursive: true });
const temp = mkdtempSync(join(ROOT, '.cache', 'journey-'));
const data = join(temp, 'data');
const dist = join(temp, 'dist');
const timings: Record<string, number> = {};
let server: Started;
let browser: Browser;

/** Seconds since `start`, kept in timings.json. */
function lap(name: string, start: number): void {
  timings[name] = Math.round((performance.now() - start) / 100) / 10;
}

beforeAll(async () => {
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  cpSync(join(ROOT, 'data'), data, { recursive: true });
  // A team that has not frozen a month yet: the snapshot below is the first.
  rmSync(join(data, 'reports'), { recursive: true, force: true });
  // The site as `npm run build` left it: the run's shared build of the sample (its October frozen, and built without
  // the password, so no logout link until the upload's rebuild), newer than the data, so `npm start` serves it at once.
  const built = await sampleSite();
  expect(built.code, built.output).toBe(0);
  cpSync(built.dir, dist, { recursive: true });
  const later = new Date(Date.now() + 1000);
  utimesSync(join(dist, 'index.html'), later, later);
  const start = performance.now();
  server = await npmStart({ data, dist, env: ENV });
  expect(server.output()).not.toContain('uilding the site');
  lap('startSeconds', start);
  browser = await connectChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(temp, { recursive: true, force: true });
  writeFileSync(join(RESULTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
}, 60_000);

/** The KPI JSON the site is built from, for the same folder and month (`npm run kpis`). */
function kpis(month: string): { asOf: string; team: { winRate: { wonAmount: number } }; reps: Record<string, { winRate: { wonAmount: number } }> } {
  const result = runCli('kpis', '--data', data, '--period', month);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

it('a manager reads a KPI, uploads a HubSpot export, sees the new numbers, and prints the frozen monthly report', { timeout: 600_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Chromium logs every CSP refusal: the sample's many reps and stages put the whole palette under public/_headers' CSP.
  page.on('console', (m) => m.type() === 'error' && m.text().includes('Content Security Policy') && errors.push(m.text()));

  // 0. The bookmarked home page of a private site: the login page first, then back to `/`.
  await page.goto(`${server.url}/`);
  await page.waitForURL(`${server.url}/login/?next=%2F`);
  expect(await text(page, 'main h1')).toBe('Log in');
  await page.screenshot({ path: join(RESULTS, '00-login.png'), fullPage: true });
  await page.fill('#password', PASSWORD);
  await page.click('.access-form button[type=submit]');
  await page.waitForURL(`${server.url}/`);

  // 1. The home page: this month's closed-won for the team.
  const month = (await page.locator('[data-kpi="winRate.wonAmount"][data-scope="team"]').first().getAttribute('data-period'))!;
  expect(month).toMatch(/^\d{4}-\d{2}$/);
  const teamBefore = await text(page, WON('team', month));
  const before = kpis(month);
  expect(teamBefore).toBe(formatMoney(before.team.winRate.wonAmount, 'en-US', 'USD'));
  await page.screenshot({ path: join(RESULTS, '01-home.png'), fullPage: true });
  // The README's picture: the top of the dashboard, small.
  await page.screenshot({ path: join(RESULTS, 'dashboard.png'), clip: { x: 140, y: 0, width: 1000, height: 770 } });

  // 2. A fresh deals export from HubSpot, in which one open deal was won this month.
  const hubspot = hubspotExport(readFileSync(join(data, 'deals.csv'), 'utf8'), month);
  const exportName = `hubspot-crm-exports-all-deals-${before.asOf}.csv`;
  writeFileSync(join(RESULTS, exportName), hubspot.csv);
  const repLink = page.locator('main a[href^="/reps/"]', { hasText: hubspot.won.owner }).first();
  const repPath = (await repLink.getAttribute('href'))!;
  await page.goto(`${server.url}${repPath}`);
  const repBefore = await text(page, WON(`rep:${hubspot.won.owner}`, month));

  // 3. On the 1st the monthly job freezes last month (the snapshot CLI, as monthly.yml runs it); the next build shows it.
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m - 2, 1)).toISOString().slice(0, 7);
  const snapshot = runCli('snapshot', '--data', data, '--period', last);
  expect(snapshot.code, snapshot.stderr).toBe(0);
  expect(snapshot.stdout).toContain(`Froze ${last}`);

  // Then the upload through /upload/, and the rebuild it starts.
  await page.goto(`${server.url}/upload/`);
  await page.setInputFiles('#upload-file', { name: exportName, mimeType: 'text/csv', buffer: Buffer.from(hubspot.csv) });
  await page.fill('#upload-exported', before.asOf);
  await page.fill('#upload-token', TOKEN);
  await page.screenshot({ path: join(RESULTS, '02-upload-form.png'), fullPage: true });
  let start = performance.now();
  await page.click('#upload-form button[type=submit]');
  await expect.poll(() => text(page, '#upload-result'), { timeout: 20_000 }).toMatch(/rows accepted/);
  expect(await text(page, '#upload-result')).toContain(`deals.csv: ${hubspot.rows} rows accepted`);
  await page.locator('#upload-result .rebuild', { hasText: 'The site is rebuilt with this upload.' }).waitFor({ timeout: 240_000 });
  lap('uploadToRebuiltSeconds', start);
  await page.screenshot({ path: join(RESULTS, '03-upload-rebuilt.png'), fullPage: true });

  // 4. The new numbers, on `/` and on the rep's page: what `kpis` computes from the uploaded data.
  const after = kpis(month);
  expect(after.team.winRate.wonAmount).toBeCloseTo(before.team.winRate.wonAmount + hubspot.won.amount, 2);
  await page.click('#upload-result a');
  await page.waitForURL(`${server.url}/`);
  const teamAfter = await text(page, WON('team', month));
  expect(teamAfter).not.toBe(teamBefore);
  expect(teamAfter).toBe(formatMoney(after.team.winRate.wonAmount, 'en-US', 'USD'));
  await page.screenshot({ path: join(RESULTS, '04-home-after-upload.png'), fullPage: true });
  await page.goto(`${server.url}${repPath}`);
  const repAfter = await text(page, WON(`rep:${hubspot.won.owner}`, month));
  expect(repAfter).not.toBe(repBefore);
  expect(repAfter).toBe(formatMoney(after.reps[hubspot.won.owner].winRate.wonAmount, 'en-US', 'USD'));
  await page.screenshot({ path: join(RESULTS, '05-rep-after-upload.png'), fullPage: true });

  // 5. `npm start` again (the login outlives it): the upload's build is newer than the data, so it serves at once.
  start = performance.now();
  await server.stop();
  server = await npmStart({ data, dist, port: server.port, env: ENV });
  expect(server.output()).not.toContain('uilding the site');
  lap('restartSeconds', start);

  // 6. Last month's report, frozen, printed to an A4 PDF.
  await page.goto(`${server.url}/reports/${last}/`);
  const title = await text(page, 'main h1');
  expect(title).toMatch(/^Monthly report, /);
  await expect.poll(() => page.locator('.report-status').getAttribute('class')).toContain('frozen');
  const headings = (await page.locator('main h2').allTextContents()).map((h) => h.replace(/\s+/g, ' ').trim());
  await page.screenshot({ path: join(RESULTS, '06-report.png'), fullPage: true });
  const pdfPath = join(RESULTS, `report-${last}.pdf`);
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  // 7. Log out: the session is gone, the bookmark leads to the login page again.
  await page.click('.site-nav .logout a');
  await page.waitForURL(`${server.url}/login/`);
  await page.goto(`${server.url}/`);
  await page.waitForURL(`${server.url}/login/?next=%2F`);
  await context.close();

  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1]);
  const pdfText = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
  const pageTexts = pdfText.split('\f').slice(0, pages);
  const flat = pdfText.replace(/\s+/g, ' ');
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pageTexts.filter((t) => t.trim() !== '')).toHaveLength(pages);
  expect(flat).toContain(title);
  expect(flat).toContain('Frozen snapshot');
  for (const heading of headings) expect(flat, `heading "${heading}" in the PDF`).toContain(heading);
  timings.reportPdfPages = pages;
  expect(errors).toEqual([]);
});
