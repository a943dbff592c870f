/**
 * The access guard on the real Node server (`npm start`'s startServer on
 * 127.0.0.1) over the tiny fixture's built site: every path of the site
 * refused without a session (pages to the login page, JSON and CSV 401,
 * nothing of the data shown), the login, a session that opens every path
 * and then expires, forged and expired cookies, the upload API beside the
 * guard, Cloudflare Access tokens against a local stand-in for the team's
 * keys, and the default when no mode is set.
 */
import { existsSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/node/server.ts';
import { fixtureText, ROOT, setup, tempDir, TOKEN, type Setup } from '../upload/helpers.ts';
import { accessTeam, type AccessTeam } from './accessStandIn.ts';
import { cookieFrom, documentedSession, expectAccessTokensChecked, expectRefused, expectSessionExpires, expectWrongGuessesHeldBack, loginForm, PASSWORD, SECRET, sitePaths, type SitePath } from './site.ts';

const PASSWORD_ENV = { KEEPSCORE_ACCESS: 'password', KEEPSCORE_VIEW_PASSWORD: PASSWORD, KEEPSCORE_SESSION_SECRET: SECRET };

describe('password mode on npm start', () => {
  let site: Setup;
  let paths: SitePath[];
  const get = (path: string, init: RequestInit = {}) => fetch(`${site.server.url}${path}`, { redirect: 'manual', ...init });

  beforeAll(async () => {
    site = await setup('access-node', PASSWORD_ENV);
    paths = sitePaths(site.dist);
  });
  afterAll(() => site?.cleanup());

  it('refuses every path of the site without a session: pages to the login page, JSON and CSV 401', async () => {
    expect(paths.filter((p) => p.kind === 'page').length).toBeGreaterThan(10);
    expect(paths.filter((p) => p.kind === 'json').length).toBeGreaterThan(3);
    expect(paths.filter((p) => p.kind === 'csv').length).toBeGreaterThan(10);
    for (const entry of paths.filter((p) => p.kind !== 'open')) await expectRefused(await get(entry.path), entry);
    // The stylesheet and the favicon of the login page, nothing of the data.
    expect(paths.filter((p) => p.kind === 'open').map((p) => p.path)).toEqual(['/favicon.svg', '/site.css']);
    for (const entry of paths.filter((p) => p.kind === 'open')) expect((await get(entry.path)).status, entry.path).toBe(200);
    for (const path of ['/no/such/page/', '/reps/nobody/']) await expectRefused(await get(path), { path, kind: 'page' });
    await expectRefused(await get('/api/status'), { path: '/api/status', kind: 'json' });
    const robots = await get('/robots.txt');
    expect(await robots.text()).toBe('User-agent: *\nDisallow: /\n');
  });

  it('shows the login page and its stylesheet, then a session opens every path, marked noindex', async () => {
    const form = await get('/login/?next=/reps/ann/');
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<input id="password" name="password" type="password"');
    expect((await get('/site.css')).status).toBe(200);
    const login = await get('/login/', loginForm(PASSWORD, '/reps/ann/'));
    expect([login.status, login.headers.get('Location')]).toEqual([303, '/reps/ann/']);
    const cookie = cookieFrom(login);
    for (const { path, kind } of paths) {
      const response = await get(path, { headers: { Cookie: cookie } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('X-Robots-Tag'), path).toBe('noindex, nofollow');
      if (kind === 'page') expect(await response.text(), path).toContain('<a href="/logout/">Log out</a>');
    }
    expect((await get('/api/status', { headers: { Cookie: cookie } })).status).toBe(200);
    const logout = await get('/logout/', { headers: { Cookie: cookie } });
    expect([logout.status, logout.headers.get('Location'), logout.headers.get('Set-Cookie')]).toEqual([303, '/login/', 'keepscore_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax']);
  });

  it('refuses a forged cookie, an expired one and one signed for another password', async () => {
    const now = Math.floor(Date.now() / 1000);
    const good = documentedSession(now + 3600);
    expect((await get('/api/kpis/2026-10.json', { headers: { Cookie: `keepscore_session=${good}` } })).status).toBe(200);
    const [, , mac] = good.split('.');
    const forged = [`v1.${now + 7200}.${mac}`, documentedSession(now + 3600, 'not the team password'), documentedSession(now + 3600, PASSWORD, ''), documentedSession(now - 5), 'v1.9999999999.AAAA'];
    for (const value of forged) {
      await expectRefused(await get('/api/kpis/2026-10.json', { headers: { Cookie: `keepscore_session=${value}` } }), { path: '/api/kpis/2026-10.json', kind: 'json' });
      await expectRefused(await get('/reps/ann/', { headers: { Cookie: `keepscore_session=${value}` } }), { path: '/reps/ann/', kind: 'page' });
    }
  });

  it('leaves uploads to the upload token: POST /api/upload needs no session, /api/status opens to the token', async () => {
    const noToken = await get('/api/upload?file=deals', { method: 'POST', body: fixtureText('deals.csv'), headers: { 'Content-Type': 'text/csv', Accept: 'application/json' } });
    expect(noToken.status).toBe(401);
    expect((await noToken.json()).error).toMatch(/token/);
    const bad = await get('/api/upload?file=deals', { method: 'POST', body: 'id,name\nD1,x\n', headers: { 'Content-Type': 'text/csv', Accept: 'application/json', Authorization: `Bearer ${TOKEN}` } });
    expect(bad.status).toBe(422);
    const status = await get('/api/status', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(status.status).toBe(200);
    expect((await status.json()).uploads[0]).toMatchObject({ outcome: 'rejected' });
    expect((await get('/upload/', { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(303);
  });

  // Last: the wrong guesses hold this client (127.0.0.1) back, for the password and the token alike.
  it('answers a wrong password on the form, and then slows that client down', async () => {
    await expectWrongGuessesHeldBack(get);
    const held = await get('/login/', loginForm(PASSWORD));
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(held.headers.get('Set-Cookie')).toBeNull();
  });
});

it('a session ends when its time is up', { timeout: 60_000 }, async () => {
  const site = await setup('access-expiry', { ...PASSWORD_ENV, KEEPSCORE_SESSION_HOURS: '0.001' });
  try {
    await expectSessionExpires((path, init = {}) => fetch(`${site.server.url}${path}`, { redirect: 'manual', ...init }));
  } finally {
    await site.cleanup();
  }
});

describe('cloudflare-access mode on npm start', () => {
  let site: Setup;
  let team: AccessTeam;
  const get = (path: string, token?: string) => fetch(`${site.server.url}${path}`, { redirect: 'manual', headers: token ? { 'Cf-Access-Jwt-Assertion': token } : {} });

  beforeAll(async () => {
    team = await accessTeam();
    site = await setup('access-cf', { KEEPSCORE_ACCESS: 'cloudflare-access', KEEPSCORE_ACCESS_TEAM: team.issuer, KEEPSCORE_ACCESS_AUD: team.audience });
  });
  afterAll(async () => {
    await site?.cleanup();
    await team?.close();
  });

  it('lets a good token through to every kind of path; no token, the wrong key, the wrong audience, expired get 401', async () => {
    await expectAccessTokensChecked(team, get);
    expect(team.fetches()).toBeGreaterThanOrEqual(1);
  });
});

/** A GET with a Host header of our choosing (fetch does not let a test set it). */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    }).on('error', reject).end();
  });
}

describe('no mode set', () => {
  it('on 127.0.0.1: open to this machine, a setup page to requests addressed by another name', async () => {
    const site = await setup('access-loopback');
    try {
      expect((await fetch(`${site.server.url}/api/kpis/2026-10.json`)).status).toBe(200);
      expect(await getWithHost(`${site.server.url}/api/kpis/2026-10.json`, 'sales.example.com')).toBe(503);
      const proxied = await fetch(`${site.server.url}/`, { headers: { 'X-Forwarded-For': '203.0.113.7' } });
      expect(proxied.status).toBe(503);
      expect(await proxied.text()).toContain('This site is not set up yet');
    } finally {
      await site.cleanup();
    }
  });

  it('on every interface: a setup page for every path, said loudly at start', async () => {
    const lines: string[] = [];
    const site = await setup('access-unset');
    const server = await startServer({ root: ROOT, dataDir: site.data, distDir: site.dist, host: '0.0.0.0', port: 0, env: {}, buildOnStart: false, log: (line) => lines.push(line) });
    try {
      const url = server.url.replace('0.0.0.0', '127.0.0.1');
      for (const path of ['/', '/api/kpis/2026-10.json', '/site.css', '/api/upload']) expect((await fetch(`${url}${path}`)).status, path).toBe(503);
      expect(lines.join('\n')).toMatch(/^WARNING — no access mode is set/m);
    } finally {
      await server.close();
      await site.cleanup();
    }
  });

  it('a mode set wrong stops the start, naming what to fix', async () => {
    // The mode is read before the data folder or dist/ are touched: these need not exist.
    const dir = join(tempDir('access-wrong'), 'none');
    try {
      await expect(startServer({ root: ROOT, dataDir: dir, distDir: dir, host: '127.0.0.1', port: 0, env: { KEEPSCORE_ACCESS: 'password' }, buildOnStart: false, log: () => {} }))
        .rejects.toThrow('KEEPSCORE_VIEW_PASSWORD (the team password) is not set');
      await expect(startServer({ root: ROOT, dataDir: dir, distDir: dir, host: '127.0.0.1', port: 0, env: { KEEPSCORE_ACCESS: 'private' }, buildOnStart: false, log: () => {} }))
        .rejects.toThrow('KEEPSCORE_ACCESS must be password, cloudflare-access or public, not "private"');
      expect(existsSync(dir)).toBe(false);
    } finally {
      rmSync(dirname(dir), { recursive: true, force: true });
    }
  });
});
