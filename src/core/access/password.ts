/**
 * Password mode: the login form's POST (the team password compared in
 * constant time, wrong guesses slowed down per client), the session cookie
 * it sets, and the check of that cookie on every other request.
 */
import { readLimited, UploadError } from '../upload/body.ts';
import { loginPage, methodNotAllowed, redirect, safeNext } from './answers.ts';
import { secretMatches } from './compare.ts';
import { cookieValues, SESSION_COOKIE, sessionCookie, sessionKey, sessionValid, signSession } from './session.ts';
import type { AccessSettings } from './settings.ts';
import type { Throttle } from './throttle.ts';

type PasswordSettings = Extract<AccessSettings, { mode: 'password' }>;

/** The login form is a few hundred bytes; anything far bigger is not it. */
const MAX_FORM_BYTES = 8 * 1024;

export class PasswordGate {
  private readonly settings: PasswordSettings;
  private readonly throttle: Throttle;
  private readonly now: () => number;
  private readonly key: Promise<CryptoKey>;

  constructor(settings: PasswordSettings, throttle: Throttle, now: () => number) {
    this.settings = settings;
    this.throttle = throttle;
    this.now = now;
    this.key = sessionKey(settings.password, settings.secret);
  }

  private seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Whether the request carries a running session of this site. */
  async hasSession(request: Request): Promise<boolean> {
    const key = await this.key;
    const now = this.seconds();
    for (const value of cookieValues(request.headers.get('Cookie'), SESSION_COOKIE)) {
      if (await sessionValid(key, value, now, this.settings.lifetimeSeconds)) return true;
    }
    return false;
  }

  /** GET shows the form (or goes on when already logged in); POST checks the password. */
  async login(request: Request, client: string): Promise<Response> {
    const next = safeNext(new URL(request.url).searchParams.get('next'));
    if (request.method === 'GET' || request.method === 'HEAD') {
      return (await this.hasSession(request)) ? redirect(next) : loginPage({ next });
    }
    if (request.method !== 'POST') return methodNotAllowed('GET, HEAD, POST');
    const wait = this.throttle.wait(client, this.seconds());
    if (wait > 0) return loginPage({ status: 429, next, error: `Too many wrong passwords: try again in ${wait} s.`, extra: { 'Retry-After': String(wait) } });
    const body = await readLimited(request, MAX_FORM_BYTES).catch((error: unknown) => (error instanceof UploadError ? null : Promise.reject(error)));
    if (body === null) return loginPage({ status: 413, next, error: 'That form is too large to be a login.' });
    const form = new URLSearchParams(new TextDecoder().decode(body));
    const back = safeNext(form.get('next') ?? next);
    if (!(await secretMatches(form.get('password') ?? '', this.settings.password))) {
      const after = this.throttle.failed(client, this.seconds());
      const error = after > 0 ? `Wrong password. Wait ${after} s before the next try.` : 'Wrong password.';
      return loginPage({ status: 401, next: back, error });
    }
    this.throttle.succeeded(client);
    const { lifetimeSeconds } = this.settings;
    const value = await signSession(await this.key, this.seconds() + lifetimeSeconds);
    return redirect(back, { 'Set-Cookie': sessionCookie(value, lifetimeSeconds) });
  }
}
