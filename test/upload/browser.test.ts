/**
 * The upload page in real Chromium (Debian's, driven by playwright-core), on
 * the real Node server: without JavaScript the form posts and the answer is
 * a readable page with the problems table; with it, a rejected file shows
 * its problems inline, and an accepted one shows the rebuild's progress
 * until the site carries the new number.
 */
import type { Browser } from 'playwright-core';
import { connectChromium } from '../e2e/chromium.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText, setup, TOKEN, type Setup } from './helpers.ts';

const WON_AMOUNT = '[data-kpi="winRate.wonAmount"][data-scope="team"][data-period="2026-10"]';
const DEALS = fixtureText('deals.csv');
const BAD = DEALS.replace('D4,Delta seats,Delta,Bob,web,Closed Won,6000', 'D4,Delta seats,Delta,Bob,web,Won-ish,6000');
// D1's two meetings in activities.csv (lines 5 and 13) would refer to its rejected row: knock-ons.
const KNOCKED = DEALS.replace('D1,Acme renewal,Acme,Ann,web,Closed Won', 'D1,Acme renewal,Acme,Ann,web,Won-ish');
const GOOD = DEALS.replace('Epsilon,Ann,referral,Proposal,30000', 'Epsilon,Ann,referral,Closed Won,30000');

let s: Setup;
let browser: Browser;
beforeAll(async () => {
  s = await setup('upload-browser');
  browser = await connectChromium();
}, 200_000);
afterAll(async () => {
  await browser?.close();
  await s?.cleanup();
}, 60_000);

async function page(javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const p = await context.newPage();
  const errors: string[] = [];
  // Network answers (the 422 itself, a missing favicon) are logged as console errors too: only script errors count.
  p.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${s.server.url}/upload/`);
  return { p, errors, close: () => context.close() };
}

async function fill(p: Awaited<ReturnType<typeof page>>['p'], csv: string, kind: string) {
  await p.fill('#upload-token', TOKEN);
  await p.selectOption('#upload-kind', kind);
  await p.setInputFiles('#upload-file', { name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

describe('/upload/ in Chromium', () => {
  it('without JavaScript: the form posts and the answer lists the problems', { timeout: 60_000 }, async () => {
    const { p, close } = await page(false);
    await fill(p, BAD, 'deals');
    await Promise.all([p.waitForURL(/\/api\/upload$/), p.click('button[type=submit]')]);
    expect(await p.locator('h1').textContent()).toBe('Upload rejected');
    const row = p.locator('table tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual(['deals.csv', '5', 'stage', 'Won-ish', expect.stringMatching(/unknown stage/)]);
    await close();
  });

  it('with JavaScript: a rejected file shows its problems inline, the knock-ons folded below them', { timeout: 60_000 }, async () => {
    const { p, errors, close } = await page(true);
    await fill(p, KNOCKED, 'auto');
    await p.click('button[type=submit]');
    await p.waitForSelector('#upload-result table');
    expect(p.url()).toMatch(/\/upload\/$/);
    expect(await p.locator('#upload-result tbody tr').count()).toBe(1);
    expect(await p.locator('#upload-result tbody td').nth(3).textContent()).toBe('Won-ish');
    expect(await p.locator('#upload-result .knock-ons p').textContent()).toMatch(/^2 knock-on problems from deals\.csv: /);
    expect(await p.locator('#upload-result .knock-ons li').allTextContents()).toEqual(['2 in activities.csv: refers to a missing deal (lines 5, 13)']);
    expect(errors).toEqual([]);
    await close();
  });

  it('with JavaScript: an accepted file shows the rebuild, then the site shows the new number', { timeout: 150_000 }, async () => {
    const { p, errors, close } = await page(true);
    await p.goto(`${s.server.url}/`);
    expect(await p.locator(WON_AMOUNT).first().textContent()).toBe('$30,000');
    await p.goto(`${s.server.url}/upload/`);
    await fill(p, GOOD, 'deals');
    // Dated by the export: D5's move into Closed Won is on 31 October, so the site stays on October.
    await p.fill('#upload-exported', '2026-10-31');
    const started = Date.now();
    await p.click('button[type=submit]');
    await p.waitForSelector('#upload-result .ok');
    expect(await p.locator('#upload-result').textContent()).toMatch(/8 rows accepted/);
    await p.waitForFunction(() => /rebuilt with this upload/.test(document.querySelector('#upload-result .rebuild')?.textContent ?? ''), null, { timeout: 120_000, polling: 500 });
    console.log(`form upload -> rebuilt: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await p.click('#upload-result .rebuild a');
    await p.waitForURL(`${s.server.url}/`);
    expect(await p.locator(WON_AMOUNT).first().textContent()).toBe('$60,000');
    expect(errors).toEqual([]);
    await close();
  });
});
