/**
 * Shared by the access suites (the Node server and the Pages middleware in
 * workerd): every path of a built site with what a reader without a session
 * must get for it, the test's password, a session cookie made the documented
 * way with node:crypto (not the code under test), and the words of the
 * fixture that no refusal may show.
 */
import { createHash, createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect } from 'vitest';
import { FIXTURE } from '../upload/helpers.ts';
import { signingKey, type AccessTeam } from './accessStandIn.ts';

export const PASSWORD = 'team password for the tests';
export const SECRET = 'session-secret-of-the-tests';

export type Kind = 'page' | 'json' | 'csv' | 'asset' | 'open';
export interface SitePath {
  path: string;
  kind: Kind;
}

/** What the guard opens without a session (the login page shows them; README "Who may read the site"). */
const OPEN_PATHS = new Set(['/site.css', '/favicon.ico', '/favicon.svg']);

/** Every file of a built site as the path a browser asks for; `/x/index.html` is `/x/`. */
export function sitePaths(dist: string): SitePath[] {
  const paths: SitePath[] = [];
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('_')) continue;
    const file = `/${relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/')}`;
    const path = file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
    const kind: Kind = OPEN_PATHS.has(path) ? 'open' : path.endsWith('/') || path.endsWith('.html') ? 'page' : path.endsWith('.json') ? 'json' : path.endsWith('.csv') ? 'csv' : 'asset';
    paths.push({ path, kind });
  }
  return paths.sort((a, b) => a.path.localeCompare(b.path));
}

/** A session cookie value as the README documents it, signed with the tests' password and secret. */
export function documentedSession(expires: number, password = PASSWORD, secret = SECRET): string {
  const key = createHash('sha256').update(`keepscore-session-v1\n${secret}\n${password}`).digest();
  return `v1.${expires}.${createHmac('sha256', key).update(`v1.${expires}`).digest('base64url')}`;
}

/** The Cookie header a browser sends back from a login's Set-Cookie. */
export function cookieFrom(response: Response): string {
  const set = response.headers.get('Set-Cookie');
  expect(set, 'a Set-Cookie').toMatch(/^keepscore_session=v1\.\d+\.[\w-]{43}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
  return set!.split(';')[0];
}

/** Names, accounts and deal names of the tiny fixture, and its page titles: none may appear in a refusal. */
export const SECRETS_OF_THE_DATA = (() => {
  const rows = readFileSync(join(FIXTURE, 'deals.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  return [...new Set(rows.flatMap(([, name, account, owner]) => [name, account, owner])), 'Team KPIs', 'October 2026', '$30,000'];
})();

/** A refusal for a reader without a session: pages go to the login page, data and assets get 401; nothing of the data in it. */
export async function expectRefused(response: Response, { path, kind }: SitePath): Promise<void> {
  const body = await response.text();
  if (kind === 'page') {
    expect(response.status, path).toBe(303);
    expect(response.headers.get('Location'), path).toBe(`/login/?next=${encodeURIComponent(path)}`);
  } else {
    expect(response.status, path).toBe(401);
    expect(response.headers.get('Content-Type'), path).toMatch(kind === 'json' ? /^application\/json/ : /^text\/plain/);
  }
  expect(response.headers.get('X-Robots-Tag'), path).toBe('noindex, nofollow');
  expectNothingOfTheData(body, path);
}

function expectNothingOfTheData(body: string, path: string): void {
  for (const word of SECRETS_OF_THE_DATA) expect(body, `${path} must not show "${word}"`).not.toContain(word);
}

type Get = (path: string, init?: RequestInit) => Promise<Response>;

/** Against a site whose sessions last 0.001 h (3.6 s, a 4 s cookie): a login opens JSON, and 4.5 s later it is refused. */
export async function expectSessionExpires(get: Get): Promise<void> {
  const login = await get('/login/', loginForm(PASSWORD));
  const cookie = cookieFrom(login);
  expect(login.headers.get('Set-Cookie')).toContain('Max-Age=4;');
  expect((await get('/api/kpis/2026-10.json', { headers: { Cookie: cookie } })).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 4500));
  await expectRefused(await get('/api/kpis/2026-10.json', { headers: { Cookie: cookie } }), { path: '/api/kpis/2026-10.json', kind: 'json' });
}

/** The login form's POST. */
export function loginForm(password: string, next = '/'): RequestInit {
  return {
    method: 'POST',
    body: new URLSearchParams({ password, next }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  };
}

/**
 * Wrong passwords through `get` until the client is held back: the first five cost nothing and the sixth sets
 * a 1 s wait that doubles with each further one (src/core/access/throttle.ts). On a busy machine the next guess
 * may arrive after a 1 s wait has run out (a 401 that doubles the wait), so guess until a 429, 12 at most:
 * six 401s, then perhaps a few more, then the 429.
 */
export async function expectWrongGuessesHeldBack(get: Get): Promise<void> {
  const statuses: number[] = [];
  while (statuses.length < 12 && statuses.at(-1) !== 429) statuses.push((await get('/login/', loginForm(`wrong guess ${statuses.length}`))).status);
  expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
  expect(statuses.at(-1)).toBe(429);
  expect(statuses.slice(6, -1).every((status) => status === 401)).toBe(true);
}

/**
 * cloudflare-access, through `get(path, token)`: the team's good token opens a page, JSON and CSV; no token,
 * one signed by a stranger's key under the team's kid, one for another audience and an expired one get 401.
 */
export async function expectAccessTokensChecked(team: AccessTeam, get: (path: string, token?: string) => Promise<Response>): Promise<void> {
  const paths = ['/', '/reps/ann/', '/api/kpis/2026-10.json', '/csv/data-files.csv'];
  for (const path of paths) expect((await get(path, team.token())).status, path).toBe(200);
  const now = Math.floor(Date.now() / 1000);
  const refused = {
    none: undefined,
    'wrong key': team.token({ key: signingKey(), kid: team.keys[0].kid }),
    'wrong audience': team.token({ claims: { aud: ['e'.repeat(64)] } }),
    expired: team.token({ claims: { exp: now - 300, iat: now - 3900, nbf: now - 3900 } }),
  };
  for (const [name, token] of Object.entries(refused)) {
    for (const path of paths) {
      const response = await get(path, token);
      expect(response.status, `${name} ${path}`).toBe(401);
      expect(response.headers.get('X-Robots-Tag')).toBe('noindex, nofollow');
      expectNothingOfTheData(await response.text(), path);
    }
  }
}
