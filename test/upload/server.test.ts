/**
 * The upload API against the real Node server on 127.0.0.1 and the real
 * file system, with real `astro build`s of the tiny fixture: refusals
 * (401/403/413/415), a rejected file (422 naming the line, data folder
 * byte-identical), an accepted one (202, then the new numbers in
 * /api/kpis/<period>.json, a hostile rep name rendered inertly), and a
 * failed build that leaves the old site serving.
 */
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureText, postCsv, setup, snapshotFolder, TOKEN, waitFor, type Setup } from './helpers.ts';

let s: Setup;
beforeAll(async () => {
  s = await setup('upload-server');
}, 200_000);
afterAll(async () => s?.cleanup(), 60_000);

const DEALS = fixtureText('deals.csv');
const HOSTILE = '<script>alert(1)</script>';
/** D5 (Proposal, closing 2026-10-31) won; a rep with a hostile name, one with quotes and an RTL override. */
const GOOD = DEALS.replace('D5,Epsilon suite,Epsilon,Ann,referral,Proposal,30000', 'D5,Epsilon suite,Epsilon,Ann,referral,Closed Won,30000')
  + `D9,"Evil ""quoted"" deal",Acme,${HOSTILE},web,Qualify,1000,2026-10-01,2026-12-01,,\n`
  + `D10,=HYPERLINK("http://x"),Acme,"O'Brien \u202Egnp.exe",web,Qualify,1000,2026-10-01,2026-12-01,,\n`;

async function kpis(period: string): Promise<{ team: { lagging: { won: number; totalSales: number } }; reps: Record<string, unknown> }> {
  const response = await fetch(`${s.server.url}/api/kpis/${period}.json`);
  expect(response.status).toBe(200);
  return response.json();
}

describe('refusals', () => {
  it('answers 401 without a token or with a wrong one, and changes nothing', async () => {
    const before = snapshotFolder(s.data);
    const none = await fetch(`${s.server.url}/api/upload`, { method: 'POST', body: DEALS, headers: { 'Content-Type': 'text/csv' } });
    expect(none.status).toBe(401);
    expect((await none.json()).error).toMatch(/token is required/);
    const wrong = await postCsv(s.server.url, DEALS, '', { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    const form = new FormData();
    form.set('token', 'nope');
    form.set('file', new Blob([DEALS], { type: 'text/csv' }), 'deals.csv');
    expect((await fetch(`${s.server.url}/api/upload`, { method: 'POST', body: form })).status).toBe(401);
    expect(snapshotFolder(s.data)).toEqual(before);
  });

  it('answers 413 over the size limit, 415 for what is not CSV, 405 for GET', async () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1).fill(0x61);
    const tooBig = await postCsv(s.server.url, big);
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error).toMatch(/50 MB/);
    expect((await postCsv(s.server.url, '{"a":1}', '', { 'Content-Type': 'application/json' })).status).toBe(415);
    const xlsx = await postCsv(s.server.url, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(xlsx.status).toBe(415);
    expect((await xlsx.json()).error).toMatch(/Excel/);
    expect((await fetch(`${s.server.url}/api/upload`)).status).toBe(405);
  });

  it('sends the security headers on the API and the site', async () => {
    for (const path of ['/api/status', '/', '/upload/']) {
      const response = await fetch(`${s.server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'|default-src 'none'/);
      expect(response.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
    }
    expect((await fetch(`${s.server.url}/no/such/page/`)).status).toBe(404);
    expect((await fetch(`${s.server.url}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  });
});

describe('a rejected upload', () => {
  const BAD = DEALS.replace('D3,Gamma pilot,Gamma,Ann,referral,Closed Lost,5000', 'D3,Gamma pilot,Gamma,Ann,referral,Closed Lost,five thousand');

  it('is a 422 that names the line, as JSON, and leaves the data folder byte-identical', async () => {
    const before = snapshotFolder(s.data);
    const response = await postCsv(s.server.url, BAD, '?file=deals');
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.problems).toContainEqual(expect.objectContaining({ file: 'deals.csv', line: 4, column: 'amount', value: 'five thousand' }));
    expect(snapshotFolder(s.data)).toEqual(before);
  });

  it('is a readable page with the problems table for a form posted without JavaScript', async () => {
    const form = new FormData();
    form.set('token', TOKEN);
    form.set('kind', 'auto');
    form.set('file', new Blob([BAD.replace('Gamma pilot', HOSTILE)], { type: 'text/csv' }), 'deals.csv');
    const response = await fetch(`${s.server.url}/api/upload`, { method: 'POST', body: form, headers: { Accept: 'text/html' } });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toMatch(/<td>deals\.csv<\/td><td>4<\/td><td>amount<\/td><td><code>five thousand<\/code><\/td>/);
    expect(html).not.toContain('<script');
  });
});

describe('an accepted upload', () => {
  it('is a 202, and within 60 s /api/kpis shows the new numbers; hostile names render inertly', { timeout: 120_000 }, async () => {
    expect((await kpis('2026-10')).team.lagging).toMatchObject({ won: 2, totalSales: 30000 });
    const response = await postCsv(s.server.url, GOOD, '?file=deals&exported=2026-11-01');
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(202);
    expect(body).toMatchObject({ accepted: true, kind: 'deals', file: 'deals.csv', rows: 10, stageChanges: 1 });
    expect(body.status).toBe(`/api/status?version=${body.version}`);
    const accepted = Date.now();

    const october = await waitFor(async () => {
      const k = await kpis('2026-10');
      return k.team.lagging.won === 3 ? k : undefined;
    }, 60_000, 500);
    expect(october.team.lagging.totalSales).toBe(60000);
    expect(Object.keys(october.reps)).toContain(HOSTILE);
    const seconds = (Date.now() - accepted) / 1000;
    console.log(`upload -> new numbers served: ${seconds.toFixed(1)} s`);

    const status = await (await fetch(`${s.server.url}${body.status}`)).json();
    expect(status.upload).toMatchObject({ outcome: 'accepted', rows: 10, file: 'deals.csv' });
    expect(status.build).toMatchObject({ state: 'succeeded' });
    expect(JSON.stringify(status)).not.toContain(TOKEN);

    // Stored as uploaded (formula cell as text), history kept, moves and snapshot appended.
    expect(readFileSync(join(s.data, 'deals.csv'), 'utf8')).toBe(GOOD);
    expect(readFileSync(join(s.data, '.history', body.version, 'deals.csv'), 'utf8')).toBe(GOOD);
    expect(readFileSync(join(s.data, '.history', body.version, 'previous', 'deals.csv'), 'utf8')).toBe(DEALS);
    expect(readFileSync(join(s.data, 'stage_history.csv'), 'utf8')).toBe('deal,stage,entered\nD5,Closed Won,2026-11-01\n');
    const snapshot = JSON.parse(readFileSync(join(s.data, '.history', 'pipeline.jsonl'), 'utf8').trim());
    expect(snapshot).toMatchObject({ version: body.version, date: '2026-11-01', open: { count: 5 } });

    // Every page that names the hostile rep shows it as text: no markup outside attribute values.
    const pages = ['/', '/kpi/pipeline/', '/teams/', '/reps/script-alert-1-script/'];
    let shown = 0;
    for (const path of pages) {
      const response = await fetch(`${s.server.url}${path}`);
      if (response.status !== 200) continue;
      const html = await response.text();
      const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
      expect(outsideAttributes, path).not.toMatch(/<script/i);
      if (html.includes('&lt;script&gt;alert(1)&lt;/script&gt;')) shown++;
    }
    expect(shown).toBeGreaterThan(0);
  });

  it('a build that fails leaves the old site serving, and says why in the status', { timeout: 120_000 }, async () => {
    // A broken frozen snapshot stops `astro build` (it is the build's own check, not the upload's).
    mkdirSync(join(s.data, 'reports'), { recursive: true });
    writeFileSync(join(s.data, 'reports', '2026-09.json'), '{ broken');
    const before = await (await fetch(`${s.server.url}/api/kpis/2026-10.json`)).text();
    const response = await postCsv(s.server.url, fixtureText('quotas.csv').replace('Ann,2026-10,50000', 'Ann,2026-10,70000'), '?file=quotas');
    expect(response.status).toBe(202);
    const { version } = await response.json();
    const build = await waitFor(async () => {
      const status = await (await fetch(`${s.server.url}/api/status?version=${version}`)).json();
      return status.build?.state === 'failed' ? status.build : undefined;
    }, 90_000, 500);
    expect(build.error).toMatch(/2026-09/);
    expect(await (await fetch(`${s.server.url}/api/kpis/2026-10.json`)).text()).toBe(before);
    expect((await fetch(`${s.server.url}/`)).status).toBe(200);
    rmSync(join(s.data, 'reports'), { recursive: true, force: true });
  });
});

describe('uploads disabled', () => {
  it('answers 403 when no token is configured, whatever is sent', async () => {
    const off = await setup('upload-off', { KEEPSCORE_UPLOAD_TOKEN: '' }, { build: 'fake', site: false });
    try {
      const response = await postCsv(off.server.url, DEALS);
      expect(response.status).toBe(403);
      expect((await response.json()).error).toMatch(/disabled/);
      expect((await (await fetch(`${off.server.url}/api/status`)).json()).uploadsEnabled).toBe(false);
    } finally {
      await off.cleanup();
    }
  });
});
