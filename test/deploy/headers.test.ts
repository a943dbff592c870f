/**
 * public/_headers and public/_redirects as Cloudflare Pages reads them (and
 * the self-hosted server, through the same parsers): within Cloudflare's
 * limits, the security headers on every page, and a CSP that allows no
 * inline script and, of inline styles, only the palette's chart swatches.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../src/node/headersFile.ts';
import { parseRedirectsFile } from '../../src/node/redirectsFile.ts';
import { cspOf, styleHash, swatchStyles } from './csp.ts';
import { ROOT } from './workflow.ts';

const headersText = readFileSync(join(ROOT, 'public/_headers'), 'utf8');
const redirectsText = readFileSync(join(ROOT, 'public/_redirects'), 'utf8');

describe('public/_headers', () => {
  it('stays within what Cloudflare Pages reads: 100 rules, 2,000 characters a line', () => {
    expect(parseHeadersFile(headersText).length).toBeLessThanOrEqual(100);
    for (const line of headersText.split('\n')) expect(line.length).toBeLessThanOrEqual(2000);
  });

  it('sends the security headers on every page', () => {
    for (const path of ['/', '/kpi/win-rate/', '/reps/maria-chen/', '/upload/', '/reports/2026-10/', '/site.css']) {
      const headers = headersFor(parseHeadersFile(headersText), path);
      expect(headers, path).toMatchObject({
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'Cross-Origin-Opener-Policy': 'same-origin',
      });
      expect(headers['Permissions-Policy']).toContain('camera=()');
      expect(cspOf(path).get('frame-ancestors')).toEqual(["'none'"]);
    }
  });

  it('allows scripts from the site only, no inline script, no eval, nothing by default', () => {
    const csp = cspOf('/');
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("allows, of inline styles, exactly the hashes of the palette's swatch styles", () => {
    const expected = ["'self'", "'unsafe-hashes'", ...swatchStyles().map(styleHash)];
    const hint = `when the palette changes, paste this directive into public/_headers:\nstyle-src ${expected.join(' ')}`;
    expect(new Set(cspOf('/').get('style-src')), hint).toEqual(new Set(expected));
  });
});

describe('public/_redirects', () => {
  it('has only rules that Pages and the local server read, each under 1,000 characters', () => {
    const lines = redirectsText.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    expect(parseRedirectsFile(redirectsText)).toHaveLength(lines.length);
    for (const line of lines) expect(line.length).toBeLessThan(1000);
  });
});
