/**
 * public/_headers on the self-hosted server (`npm start`'s startServer over a
 * built site), checked in real Chromium: every page works under its CSP with
 * no violation (the chart swatches' style attributes pass by their hashes),
 * and a script, an event handler, a <style> and a style attribute injected
 * into a copy of a built page are all blocked, each with a
 * securitypolicyviolation event. The site's _redirects apply too.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setup, type Setup } from '../upload/helpers.ts';
import { cspOf, swatchStyles } from '../deploy/csp.ts';
import { connectChromium } from './chromium.ts';

interface Violation { directive: string; blocked: string; sample: string }

let s: Setup;
let browser: Browser;
beforeAll(async () => {
  s = await setup('csp');
  browser = await connectChromium();
}, 200_000);
afterAll(async () => {
  await browser?.close();
  await s?.cleanup();
}, 60_000);

/** Opens `path`, recording CSP violations from before the first byte (an init script is outside the page's CSP). */
async function open(path: string): Promise<{ page: Page; status: number | undefined; violations: () => Promise<Violation[]>; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __csp: Violation[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A missing favicon is a network error, not the page's.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  const response = await page.goto(`${s.server.url}${path}`, { waitUntil: 'load' });
  const violations = async () => {
    await page.waitForTimeout(100); // violation events are queued as tasks
    return page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);
  };
  return { page, status: response?.status(), violations, errors, close: () => context.close() };
}

/** Every HTML page of the built site, as URL paths. */
function sitePages(): string[] {
  return readdirSync(s.dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => `/${relative(s.dist, join(e.parentPath, e.name)).replace(/index\.html$/, '')}`);
}

describe('public/_headers on the local server', () => {
  it('sends the CSP and security headers of public/_headers with every page', async () => {
    const response = await fetch(`${s.server.url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(cspOf('/').get('style-src')?.every((source) => csp.includes(source))).toBe(true);
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect((await fetch(`${s.server.url}/_headers`)).status).toBe(404);
  });

  it('applies public/_redirects, and answers an unknown page with the site\'s 404 page', async () => {
    const kpi = await fetch(`${s.server.url}/kpi`, { redirect: 'manual' });
    expect([kpi.status, kpi.headers.get('location')]).toEqual([301, '/kpi/activity/']);
    expect(kpi.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(`${s.server.url}/kpi`)).status).toBe(200);
    const missing = await fetch(`${s.server.url}/reps/nobody/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  });

  it('every built page has no inline script or <style>, no event handler, and only swatch style attributes the CSP allows', () => {
    const allowed = new Set(swatchStyles());
    for (const path of sitePages()) {
      const html = readFileSync(join(s.dist, path.replace(/\/$/, '/index.html').slice(1)), 'utf8');
      expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g), path).toBeNull();
      expect(html.match(/<style[\s>]/g), path).toBeNull();
      expect(html.match(/\son[a-z]+=/g), path).toBeNull();
      for (const [, style] of html.matchAll(/\sstyle="([^"]*)"/g)) expect(allowed.has(style), `${path}: style="${style}"`).toBe(true);
    }
  });
});

describe('the CSP in Chromium', () => {
  /** Pages with charts have swatches (legend keys, rep cells): their style attributes must survive the CSP. */
  const CHARTED = ['/', '/kpi/activity/', '/kpi/win-rate/', '/kpi/pipeline/', '/teams/east/'];
  // A rep page has charts too, but no swatch: no reps table, and its lines are named at their ends, not in a colour key.
  const PLAIN = ['/reps/ann/', '/upload/', '/reports/', '/data/', '/404.html'];

  it.each([...CHARTED, ...PLAIN])('%s works with no violation, its swatches coloured', async (path) => {
    const { page, status, violations, errors, close } = await open(path);
    expect(status).toBe(200);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    const swatches = await page.locator('[style*="--swatch"]').evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).getPropertyValue('--swatch').trim()));
    if (CHARTED.includes(path)) expect(swatches.length).toBeGreaterThan(0);
    expect(swatches.filter((value) => value === '')).toEqual([]);
    await close();
  });

  it('blocks an injected inline script, event handler, <style> and style attribute on a built page', async () => {
    const home = readFileSync(join(s.dist, 'index.html'), 'utf8');
    const injected = home.replace(
      '<body>',
      `<body><script>window.__injected = 'script'</script><img src="/missing.png" onerror="window.__injected = 'handler'">` +
        `<style>body { display: none }</style><p id="styled" style="position: fixed; top: 0">overlay</p>`,
    );
    expect(injected).not.toBe(home);
    mkdirSync(join(s.dist, 'injected'), { recursive: true });
    writeFileSync(join(s.dist, 'injected', 'index.html'), injected);

    const { page, status, violations, close } = await open('/injected/');
    expect(status).toBe(200);
    await page.waitForFunction(() => (window as unknown as { __csp: Violation[] }).__csp.length >= 4, undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    expect(await page.locator('body').isVisible()).toBe(true);
    expect(await page.locator('#styled').evaluate((p) => getComputedStyle(p).position)).toBe('static');
    const seen = await violations();
    expect(seen.map((v) => v.directive).sort()).toEqual(['script-src-attr', 'script-src-elem', 'style-src-attr', 'style-src-elem']);
    expect(seen.every((v) => v.blocked === 'inline')).toBe(true);
    // The page's own numbers still show: the injection changed nothing else.
    expect(await page.locator('[data-kpi]').count()).toBeGreaterThan(0);
    await close();
  });
});
