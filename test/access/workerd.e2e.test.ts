/**
 * The Pages middleware (functions/_middleware.ts) in the real Cloudflare
 * runtime, locally: functions/ bundled by `wrangler pages functions build`,
 * run in workerd by wrangler's test harness with the tiny fixture's built
 * site as its static assets (the ASSETS binding that `context.next()` ends
 * in, the worker first for every path, as a Pages project with a root
 * middleware is). The same checks as on the Node server: every path refused
 * without a session, the login, a session that expires, forged and expired
 * cookies, Cloudflare Access tokens from a local stand-in, the setup page
 * when no mode is set.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir, tinySite, TOKEN } from '../upload/helpers.ts';
import { accessTeam, type AccessTeam } from './accessStandIn.ts';
import { cookieFrom, documentedSession, expectAccessTokensChecked, expectRefused, expectSessionExpires, expectWrongGuessesHeldBack, loginForm, PASSWORD, SECRET, sitePaths, type SitePath } from './site.ts';

// Local only: no Request.cf download, no usage metrics.
const QUIET = { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG: 'warn' };
Object.assign(process.env, QUIET);

type Vars = Record<string, string>;
interface Harness {
  listen(): Promise<unknown>;
  fetch(input: string, init?: RequestInit): Promise<Response>;
  update(options: unknown): Promise<void>;
  close(): Promise<void>;
}

const out = tempDir('access-workerd');
const PASSWORD_VARS: Vars = { KEEPSCORE_ACCESS: 'password', KEEPSCORE_VIEW_PASSWORD: PASSWORD, KEEPSCORE_SESSION_SECRET: SECRET, KEEPSCORE_UPLOAD_TOKEN: TOKEN };
let site: string;
let paths: SitePath[];
let harness: Harness;
let team: AccessTeam;

/** The worker's options: the bundled functions, these vars, the built site as its assets with the worker run first. */
function options(vars: Vars) {
  return {
    workers: [{
      config: {
        name: 'keepscore-pages', main: join(out, 'index.js'), compatibility_date: '2026-11-01', vars,
        assets: { directory: site, binding: 'ASSETS', run_worker_first: true, html_handling: 'auto-trailing-slash', not_found_handling: '404-page' },
      },
    }],
  };
}

const get = (path: string, init: RequestInit = {}) => harness.fetch(`http://localhost${path}`, { redirect: 'manual', ...init });

beforeAll(async () => {
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'pages', 'functions', 'build', '--outdir', out], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...QUIET }, timeout: 120_000,
  });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  site = await tinySite();
  paths = sitePaths(site);
  team = await accessTeam();
  const { createTestHarness } = await import('wrangler');
  harness = createTestHarness(options(PASSWORD_VARS)) as unknown as Harness;
  await harness.listen();
}, 200_000);

afterAll(async () => {
  await harness?.close();
  await team?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('password mode in workerd', () => {
  it('refuses every path of the site without a session: pages to the login page, JSON and CSV 401', async () => {
    expect(paths.filter((p) => p.kind === 'csv').length).toBeGreaterThan(10);
    for (const entry of paths.filter((p) => p.kind !== 'open')) await expectRefused(await get(entry.path), entry);
    await expectRefused(await get('/api/status'), { path: '/api/status', kind: 'json' });
    expect(await (await get('/robots.txt')).text()).toBe('User-agent: *\nDisallow: /\n');
  });

  it('logs in; the session opens every path, from the static assets, marked noindex', async () => {
    const login = await get('/login/', loginForm(PASSWORD, '/reps/ann/'));
    expect([login.status, login.headers.get('Location')]).toEqual([303, '/reps/ann/']);
    const cookie = cookieFrom(login);
    for (const { path } of paths) {
      const response = await get(path, { headers: { Cookie: cookie } });
      // As on Pages, the asset server sends /404.html to its pretty URL /404.
      if (path.endsWith('.html')) expect([response.status, response.headers.get('Location')], path).toEqual([307, path.slice(0, -'.html'.length)]);
      else expect(response.status, path).toBe(200);
      expect(response.headers.get('X-Robots-Tag'), path).toBe('noindex, nofollow');
      await response.arrayBuffer();
    }
    const page = await (await get('/reps/ann/', { headers: { Cookie: cookie } })).text();
    expect(page).toContain('<a href="/logout/">Log out</a>');
  });

  it('refuses forged and expired cookies, and one of another password', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await get('/api/kpis/2026-10.json', { headers: { Cookie: `keepscore_session=${documentedSession(now + 600)}` } })).status).toBe(200);
    const [, , mac] = documentedSession(now + 600).split('.');
    for (const value of [`v1.${now + 900}.${mac}`, documentedSession(now - 1), documentedSession(now + 600, 'another team password')]) {
      await expectRefused(await get('/csv/data-files.csv', { headers: { Cookie: `keepscore_session=${value}` } }), { path: '/csv/data-files.csv', kind: 'csv' });
    }
  });

  it('lets POST /api/upload through to the upload function, which keeps its own token', async () => {
    const upload = await get('/api/upload', { method: 'POST', body: 'id,name\n', headers: { 'Content-Type': 'text/csv' } });
    // The upload function answered (no GitHub repository is set here): the guard let it through.
    expect(upload.status).toBe(503);
    expect((await upload.json()).error).toMatch(/^uploads are not configured/);
  });

  // Last here: the wrong guesses hold this client back. The count lives in the isolate, across requests.
  it('slows down repeated wrong passwords', async () => {
    await expectWrongGuessesHeldBack(get);
  });
});

describe('settings changed in workerd', () => {
  it('a session ends when its time is up', { timeout: 120_000 }, async () => {
    await harness.update(options({ ...PASSWORD_VARS, KEEPSCORE_SESSION_HOURS: '0.001' }));
    await expectSessionExpires(get);
  });

  it('cloudflare-access: a good token passes; the wrong key, the wrong audience, expired, none are refused', { timeout: 120_000 }, async () => {
    await harness.update(options({ KEEPSCORE_ACCESS: 'cloudflare-access', KEEPSCORE_ACCESS_TEAM: team.issuer, KEEPSCORE_ACCESS_AUD: team.audience }));
    await expectAccessTokensChecked(team, (path, token) => get(path, { headers: token ? { 'Cf-Access-Jwt-Assertion': token } : {} }));
  });

  it('no mode: every path answers the setup page', { timeout: 120_000 }, async () => {
    await harness.update(options({}));
    for (const path of ['/', '/api/kpis/2026-10.json', '/csv/data-files.csv', '/login/', '/api/upload']) {
      const response = await get(path);
      expect(response.status, path).toBe(503);
      expect(await response.text()).toMatch(/not set up|set KEEPSCORE_ACCESS/);
    }
  });
});
