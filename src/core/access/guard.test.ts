/**
 * The guard on Web Requests, mode by mode, with the clock in the test's
 * hands: what is refused and how (login redirect for pages, 401 for data),
 * what stays open, the login and its session, slowing down wrong guesses,
 * the upload token's way in, and Cloudflare Access tokens checked against a
 * local stand-in for the team's published keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTeam, signingKey, type AccessTeam } from '../../../test/access/accessStandIn.ts';
import { accessGuard } from './guard.ts';
import { accessSettings } from './settings.ts';

const PASSWORD = 'correct horse battery staple';
const TOKEN = 'upload-token-42';

function request(path: string, init: RequestInit & { host?: string } = {}): Request {
  const headers = new Headers(init.headers);
  if (!headers.has('Host')) headers.set('Host', init.host ?? 'sales.example.com');
  return new Request(`http://localhost${path}`, { ...init, headers });
}

function passwordGuard(clock: { now: number }, env: Record<string, string> = {}) {
  const settings = accessSettings({ KEEPSCORE_ACCESS: 'password', KEEPSCORE_VIEW_PASSWORD: PASSWORD, KEEPSCORE_UPLOAD_TOKEN: TOKEN, KEEPSCORE_SESSION_HOURS: '1', ...env }, { loopbackOnly: false });
  return accessGuard(settings, { now: () => clock.now });
}

const login = (password: string, next = '/reps/ann/') =>
  request('/login/', { method: 'POST', body: new URLSearchParams({ password, next }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

/** The cookie a login set, as a browser sends it back. */
function cookieOf(response: Response): string {
  return response.headers.get('Set-Cookie')!.split(';')[0];
}

describe('password mode', () => {
  it('sends pages to the login page and answers data and assets 401, saying nothing of the data', async () => {
    const guard = passwordGuard({ now: Date.now() });
    const page = (await guard.check(request('/reps/ann/?period=2026-10'), null))!;
    expect(page.status).toBe(303);
    expect(page.headers.get('Location')).toBe('/login/?next=%2Freps%2Fann%2F%3Fperiod%3D2026-10');
    expect(page.headers.get('X-Robots-Tag')).toBe('noindex, nofollow');
    for (const path of ['/', '/kpi/win-rate/', '/upload/', '/no/such/page', '/index.html']) expect((await guard.check(request(path), null))!.status, path).toBe(303);
    const json = (await guard.check(request('/api/kpis/2026-10.json'), null))!;
    expect(json.status).toBe(401);
    expect(json.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(await json.json()).toEqual({ error: 'This site is private: log in at /login/ first.' });
    const csv = (await guard.check(request('/csv/deals-2026-10.csv'), null))!;
    expect([csv.status, csv.headers.get('Content-Type'), await csv.text()]).toEqual([401, 'text/plain; charset=utf-8', 'This site is private: log in at /login/ first.\n']);
    for (const path of ['/_astro/index.abc.css', '/upload.js', '/api/status', '/docs/dashboard.png']) expect((await guard.check(request(path), null))!.status, path).toBe(401);
    expect((await guard.check(request('/reps/ann/', { method: 'POST', body: 'x' }), null))!.status).toBe(401);
  });

  it('keeps the login page, its stylesheet, the favicon and robots.txt open, and the upload POST to its token', async () => {
    const guard = passwordGuard({ now: Date.now() });
    for (const path of ['/site.css', '/favicon.ico']) expect(await guard.check(request(path), null), path).toBeNull();
    expect(await guard.check(request('/api/upload', { method: 'POST', body: 'deal,owner\n' }), null)).toBeNull();
    const robots = (await guard.check(request('/robots.txt'), null))!;
    expect(await robots.text()).toBe('User-agent: *\nDisallow: /\n');
    const form = (await guard.check(request('/login/?next=/reps/ann/'), null))!;
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('<form class="access-form" method="post" action="/login/">');
    expect(html).toContain('<input type="hidden" name="next" value="/reps/ann/">');
    expect(html).not.toMatch(/<script|<style|style=/);
    expect(form.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
  });

  it('logs in with the password: a signed, HttpOnly, Secure, SameSite=Lax cookie that opens every path until it expires', async () => {
    const clock = { now: 1_790_000_000_000 };
    const guard = passwordGuard(clock);
    const ok = (await guard.check(login(PASSWORD), '10.0.0.1'))!;
    expect(ok.status).toBe(303);
    expect(ok.headers.get('Location')).toBe('/reps/ann/');
    expect(ok.headers.get('Set-Cookie')).toMatch(/^keepscore_session=v1\.1790003600\.[\w-]{43}; Max-Age=3600; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const cookie = { Cookie: `theme=dark; ${cookieOf(ok)}` };
    for (const path of ['/', '/reps/ann/', '/api/kpis/2026-10.json', '/csv/deals.csv', '/api/status']) expect(await guard.check(request(path, { headers: cookie }), null), path).toBeNull();
    // Logged in already: the login page goes on.
    expect((await guard.check(request('/login/?next=/kpi/', { headers: cookie }), null))!.headers.get('Location')).toBe('/kpi/');
    clock.now += 3599_000;
    expect(await guard.check(request('/', { headers: cookie }), null)).toBeNull();
    clock.now += 1000;
    expect((await guard.check(request('/', { headers: cookie }), null))!.status).toBe(303);
  });

  it('refuses a forged or tampered cookie, and one from another password', async () => {
    const clock = { now: Date.now() };
    const cookie = cookieOf((await passwordGuard(clock).check(login(PASSWORD), null))!);
    const [name, value] = cookie.split('=');
    const [version, expires, mac] = value.split('.');
    const guard = passwordGuard(clock);
    for (const forged of [`${version}.${Number(expires) - 10}.${mac}`, `${version}.${expires}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, `${version}.${expires}`, 'admin', '']) {
      expect((await guard.check(request('/api/kpis/2026-10.json', { headers: { Cookie: `${name}=${forged}` } }), null))!.status, forged).toBe(401);
    }
    const other = passwordGuard(clock, { KEEPSCORE_VIEW_PASSWORD: 'another long password' });
    expect((await other.check(request('/', { headers: { Cookie: cookie } }), null))!.status).toBe(303);
    const rekeyed = passwordGuard(clock, { KEEPSCORE_SESSION_SECRET: 'new secret' });
    expect((await rekeyed.check(request('/', { headers: { Cookie: cookie } }), null))!.status).toBe(303);
  });

  it('answers a wrong password 401 on the form, then slows that client down, and never goes elsewhere after login', async () => {
    const clock = { now: 1_790_000_000_000 };
    const guard = passwordGuard(clock);
    for (let i = 1; i <= 5; i++) {
      const wrong = (await guard.check(login(`guess ${i}`), '10.0.0.9'))!;
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).toContain('Wrong password.');
    }
    const sixth = (await guard.check(login('guess 6'), '10.0.0.9'))!;
    expect(await sixth.text()).toContain('Wrong password. Wait 1 s before the next try.');
    // Even the right password is not read while the client must wait; another client is not held up.
    const held = (await guard.check(login(PASSWORD), '10.0.0.9'))!;
    expect([held.status, held.headers.get('Retry-After')]).toEqual([429, '1']);
    expect(held.headers.get('Set-Cookie')).toBeNull();
    expect((await guard.check(login(PASSWORD), '10.0.0.10'))!.status).toBe(303);
    clock.now += 1000;
    expect((await guard.check(login(PASSWORD, '//evil.example/'), '10.0.0.9'))!.headers.get('Location')).toBe('/');
    expect((await guard.check(login(PASSWORD, 'https://evil.example/'), null))!.headers.get('Location')).toBe('/');
    expect((await guard.check(login(PASSWORD, '/\\evil.example'), null))!.headers.get('Location')).toBe('/');
  });

  it('refuses a login form far over a few KB without reading it all', async () => {
    const guard = passwordGuard({ now: Date.now() });
    const big = request('/login/', { method: 'POST', body: `password=${'x'.repeat(20_000)}`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect((await guard.check(big, null))!.status).toBe(413);
  });

  it('opens /api/status to the upload token as a bearer, and slows down wrong ones', async () => {
    const clock = { now: 1_790_000_000_000 };
    const guard = passwordGuard(clock);
    expect(await guard.check(request('/api/status?version=v1', { headers: { Authorization: `Bearer ${TOKEN}` } }), 'a')).toBeNull();
    expect((await guard.check(request('/api/kpis/2026-10.json', { headers: { Authorization: `Bearer ${TOKEN}` } }), 'a'))!.status).toBe(401);
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await guard.check(request('/api/status', { headers: { Authorization: `Bearer wrong-${i}` } }), 'b'))!.status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  it('logs out: the cookie is cleared and the browser goes to the login page', async () => {
    const logout = (await passwordGuard({ now: Date.now() }).check(request('/logout/'), null))!;
    expect([logout.status, logout.headers.get('Location')]).toEqual([303, '/login/']);
    expect(logout.headers.get('Set-Cookie')).toBe('keepscore_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax');
  });
});

describe('no mode set, and public', () => {
  it('a loopback-only server answers this machine, and a setup page to anything relayed or addressed by another name', async () => {
    const guard = accessGuard(accessSettings({}, { loopbackOnly: true }));
    for (const host of ['127.0.0.1:4321', 'localhost:4321', '[::1]:4321', 'localhost']) expect(await guard.check(request('/reps/ann/', { host }), '127.0.0.1'), host).toBeNull();
    expect(guard.passHeaders).toEqual({ 'X-Robots-Tag': 'noindex, nofollow' });
    for (const host of ['sales.example.com', 'attacker.example:4321', '192.168.1.4:4321']) {
      const refused = (await guard.check(request('/reps/ann/', { host }), '127.0.0.1'))!;
      expect(refused.status, host).toBe(503);
      expect(await refused.text()).toContain('answers only requests made on its own machine');
    }
    const proxied = (await guard.check(request('/api/kpis/2026-10.json', { host: '127.0.0.1:4321', headers: { 'X-Forwarded-For': '203.0.113.9' } }), '127.0.0.1'))!;
    expect([proxied.status, (await proxied.json()).error]).toEqual([503, expect.stringContaining('set KEEPSCORE_ACCESS')]);
  });

  it('a deployment without a mode answers every path with the setup page', async () => {
    const guard = accessGuard(accessSettings({}, { loopbackOnly: false }));
    for (const path of ['/', '/site.css', '/api/upload', '/login/']) expect((await guard.check(request(path, { host: '127.0.0.1' }), null))!.status, path).toBe(503);
    const page = await (await guard.check(request('/'), null))!.text();
    expect(page).toContain('This site is not set up yet');
    expect(page).toContain('set KEEPSCORE_ACCESS to password, cloudflare-access or public');
    expect((await guard.check(request('/robots.txt'), null))!.status).toBe(200);
  });

  it('public lets everything through, unmarked', async () => {
    const guard = accessGuard(accessSettings({ KEEPSCORE_ACCESS: 'public' }, { loopbackOnly: false }));
    for (const path of ['/', '/api/kpis/2026-10.json', '/csv/deals.csv', '/robots.txt', '/login/']) expect(await guard.check(request(path), null), path).toBeNull();
    expect(guard.passHeaders).toEqual({});
  });
});

describe('cloudflare-access mode', () => {
  let team: AccessTeam;
  beforeAll(async () => {
    team = await accessTeam();
  });
  afterAll(() => team.close());

  const guardOf = (audience = team.audience) =>
    accessGuard(accessSettings({ KEEPSCORE_ACCESS: 'cloudflare-access', KEEPSCORE_ACCESS_TEAM: team.issuer, KEEPSCORE_ACCESS_AUD: audience }, { loopbackOnly: false }));
  const withToken = (token: string, path = '/reps/ann/') => request(path, { headers: { 'Cf-Access-Jwt-Assertion': token } });

  it('lets through a token signed by the team, for this audience, in time: the current key or the previous one', async () => {
    const guard = guardOf();
    expect(await guard.check(withToken(team.token()), null)).toBeNull();
    expect(await guard.check(withToken(team.token({ key: team.keys[1] }), '/api/kpis/2026-10.json'), null)).toBeNull();
  });

  it('refuses no token, the wrong key, another audience or issuer, an expired or not yet valid one, another algorithm', async () => {
    const guard = guardOf();
    const now = Math.floor(Date.now() / 1000);
    const stranger = signingKey();
    const [header, payload] = team.token().split('.');
    const cases: Record<string, string | null> = {
      none: null,
      'wrong key, the team kid': team.token({ key: stranger, kid: team.keys[0].kid }),
      'wrong key, its own kid': team.token({ key: stranger }),
      'another audience': team.token({ claims: { aud: ['0'.repeat(64)] } }),
      'another issuer': team.token({ claims: { iss: 'https://other.cloudflareaccess.com' } }),
      expired: team.token({ claims: { exp: now - 120, iat: now - 3720, nbf: now - 3720 } }),
      'not yet valid': team.token({ claims: { nbf: now + 600 } }),
      unsigned: `${Buffer.from(JSON.stringify({ alg: 'none', kid: team.keys[0].kid })).toString('base64url')}.${payload}.`,
      'payload swapped': `${header}.${Buffer.from(JSON.stringify({ aud: [team.audience], iss: team.issuer, exp: now + 9999 })).toString('base64url')}.${team.token().split('.')[2]}`,
      garbage: 'not.a.jwt',
    };
    for (const [name, token] of Object.entries(cases)) {
      const page = (await guard.check(token === null ? request('/reps/ann/') : withToken(token), null))!;
      expect(page?.status, name).toBe(401);
      expect(await page.text()).toContain('Cloudflare Access');
    }
    expect((await guardOf('f'.repeat(64)).check(withToken(team.token()), null))!.status).toBe(401);
    const json = (await guard.check(withToken(cases.expired!, '/api/kpis/2026-10.json'), null))!;
    expect(json.headers.get('Content-Type')).toMatch(/^application\/json/);
  });

  it('says it cannot check a token when the keys cannot be fetched, and sends logout to Access', async () => {
    const down = accessGuard(accessSettings({ KEEPSCORE_ACCESS: 'cloudflare-access', KEEPSCORE_ACCESS_TEAM: 'http://127.0.0.1:9', KEEPSCORE_ACCESS_AUD: 'x' }, { loopbackOnly: false }));
    expect((await down.check(withToken(team.token()), null))!.status).toBe(503);
    expect((await guardOf().check(request('/logout/'), null))!.headers.get('Location')).toBe('/cdn-cgi/access/logout');
  });
});
