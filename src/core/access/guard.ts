/**
 * Who may read the site: one check, `Request -> Response | null`, in front
 * of every path on both edges (npm start's server, the Cloudflare Pages
 * middleware). null lets the request through (its response then gets
 * `passHeaders`); a Response is the guard's own answer.
 *
 * Open without a session, in every mode that is set up: /site.css and the
 * favicon (the login page shows them), robots.txt (answered here: nothing
 * to index), /login/ and /logout/, and POST /api/upload, which the upload
 * token guards by itself (so a script uploads with the token alone; the
 * /upload/ page, like every page, needs a session). GET /api/status opens
 * to the session or to the upload token as a bearer, so that script can
 * follow its rebuild; wrong bearers are slowed down like wrong passwords.
 */
import { bearerToken } from '../upload/auth.ts';
import {
  ACCESS_LOGOUT, accessRequired, cannotVerify, LOGIN_PATH, loginRequired, LOGOUT_PATH,
  PRIVATE_HEADERS, redirect, robotsTxt, setupPage, tooMany, wrongToken,
} from './answers.ts';
import { ACCESS_HEADER, verifyAccessToken } from './accessToken.ts';
import { secretMatches } from './compare.ts';
import { PasswordGate } from './password.ts';
import { CLEAR_SESSION } from './session.ts';
import { isLoopback, type AccessSettings } from './settings.ts';
import { Throttle } from './throttle.ts';

export interface Guard {
  /** The guard's answer, or null to let the request through. `client`: the caller's address as the edge knows it. */
  check(request: Request, client: string | null): Promise<Response | null>;
  /** Headers for every response let through (noindex on a private site). */
  readonly passHeaders: Readonly<Record<string, string>>;
}

export interface GuardOptions {
  /** Shared by the guards of one process or isolate, so re-reading the settings keeps the count. */
  throttle?: Throttle;
  now?: () => number;
}

const OPEN = new Set(['/site.css', '/favicon.ico', '/favicon.svg']);
const UPLOAD = new Set(['/api/upload', '/api/upload/']);
const STATUS = new Set(['/api/status', '/api/status/']);
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];
const LOOPBACK_PROBLEM = 'no access mode is set (KEEPSCORE_ACCESS), so this server answers only requests made on its own machine (127.0.0.1 or localhost, not through a proxy); set KEEPSCORE_ACCESS to password, cloudflare-access or public to serve others';

const isLogin = (path: string) => path === LOGIN_PATH || path === LOGIN_PATH.slice(0, -1);
const isLogout = (path: string) => path === LOGOUT_PATH || path === LOGOUT_PATH.slice(0, -1);

/** A request addressed to this machine by name or address, and not relayed by a proxy. */
function fromThisMachine(request: Request): boolean {
  const host = (request.headers.get('Host') ?? '').replace(/:\d+$/, '');
  return isLoopback(host) && !FORWARDED.some((name) => request.headers.has(name));
}

export function accessGuard(settings: AccessSettings, options: GuardOptions = {}): Guard {
  const throttle = options.throttle ?? new Throttle();
  const now = options.now ?? Date.now;
  const gate = settings.mode === 'password' ? new PasswordGate(settings, throttle, now) : null;

  /** undefined: no bearer, go on; null: the upload token, let through; else the refusal. */
  async function bearer(request: Request, token: string | null, who: string): Promise<Response | null | undefined> {
    const given = bearerToken(request.headers.get('Authorization'));
    if (given === null) return undefined;
    const seconds = Math.floor(now() / 1000);
    const wait = throttle.wait(who, seconds);
    if (wait > 0) return tooMany(request, wait);
    if (token !== null && (await secretMatches(given, token))) return null;
    throttle.failed(who, seconds);
    return wrongToken(request);
  }

  async function check(request: Request, client: string | null): Promise<Response | null> {
    const path = new URL(request.url).pathname;
    if (settings.mode === 'public') return isLogout(path) ? redirect('/') : null;
    if (path === '/robots.txt') return robotsTxt();
    if (settings.mode === 'setup') return setupPage(request, settings.problem);
    if (settings.mode === 'loopback') {
      if (!fromThisMachine(request)) return setupPage(request, LOOPBACK_PROBLEM);
      return isLogin(path) || isLogout(path) ? redirect('/') : null;
    }
    if (OPEN.has(path) || (UPLOAD.has(path) && request.method === 'POST')) return null;
    if (isLogout(path)) return gate ? redirect(LOGIN_PATH, { 'Set-Cookie': CLEAR_SESSION }) : redirect(ACCESS_LOGOUT);
    const who = client ?? 'unknown';
    if (STATUS.has(path)) {
      const answer = await bearer(request, settings.uploadToken, who);
      if (answer !== undefined) return answer;
    }
    if (settings.mode === 'password') {
      if (isLogin(path)) return gate!.login(request, who);
      return (await gate!.hasSession(request)) ? null : loginRequired(request);
    }
    if (isLogin(path)) return redirect('/');
    const verdict = await verifyAccessToken(request.headers.get(ACCESS_HEADER), settings.issuer, settings.audience);
    return verdict === 'valid' ? null : verdict === 'unavailable' ? cannotVerify(request) : accessRequired(request);
  }

  return { check, passHeaders: settings.mode === 'public' ? {} : PRIVATE_HEADERS };
}
