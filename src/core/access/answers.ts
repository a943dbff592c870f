/**
 * What the guard answers by itself: the login page, the setup page, the
 * refusals, robots.txt. None of them says anything about the data (no
 * title, no name, not even whether a path exists): they come from here,
 * not from the built site. The pages link only /site.css, carry no inline
 * script or style, and post to the site itself, so they pass the site's
 * Content-Security-Policy as well as their own.
 */
import { escapeHtml, SECURITY_HEADERS } from '../upload/responses.ts';

export const LOGIN_PATH = '/login/';
export const LOGOUT_PATH = '/logout/';
/** Cloudflare Access's own sign-out, on every Access-protected host. */
export const ACCESS_LOGOUT = '/cdn-cgi/access/logout';

/** On every answer of a private site, and every response it lets through. */
export const PRIVATE_HEADERS: Readonly<Record<string, string>> = { 'X-Robots-Tag': 'noindex, nofollow' };
const HEADERS = { ...SECURITY_HEADERS, ...PRIVATE_HEADERS };

/** Whether a refused request is a browser asking for a page (sent to log in) rather than for data or an asset (401). */
export function isPageRequest(request: Request): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = new URL(request.url).pathname;
  if (path.startsWith('/api/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.') || last.endsWith('.html');
}

function html(status: number, title: string, body: string, extra: Record<string, string> = {}): Response {
  const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)} — Keepscore</title><link rel="stylesheet" href="/site.css"></head>
<body><main id="main" class="access-page">
<h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>
`;
  return new Response(page, { status, headers: { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8', ...extra } });
}

/** A refusal in the form the client asked for: a page, JSON for JSON and the API, else plain text. */
function refusal(request: Request, status: number, title: string, message: string, extra: Record<string, string> = {}): Response {
  if (isPageRequest(request)) return html(status, title, `<p>${escapeHtml(message)}</p>`, extra);
  const path = new URL(request.url).pathname;
  if (path.startsWith('/api/') || path.endsWith('.json')) {
    return new Response(`${JSON.stringify({ error: message })}\n`, { status, headers: { ...HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...extra } });
  }
  return new Response(`${message}\n`, { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra } });
}

export function redirect(location: string, extra: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { ...HEADERS, Location: location, ...extra } });
}

/** A path of this site to go back to after logging in: never another origin, never the login page itself. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f]/.test(next)) return '/';
  return next.startsWith(LOGIN_PATH) || next.startsWith(LOGOUT_PATH) ? '/' : next;
}

/** No session: a page goes to the login page (and back here after it), anything else gets 401. */
export function loginRequired(request: Request): Response {
  if (isPageRequest(request)) {
    const url = new URL(request.url);
    return redirect(`${LOGIN_PATH}?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return refusal(request, 401, 'Log in first', 'This site is private: log in at /login/ first.');
}

export interface LoginPageOptions {
  status?: number;
  next?: string;
  error?: string;
  extra?: Record<string, string>;
}

/** The login form: one password field, posted without JavaScript. */
export function loginPage({ status = 200, next = '/', error, extra }: LoginPageOptions = {}): Response {
  const alert = error ? `<p class="access-error" role="alert">${escapeHtml(error)}</p>\n` : '';
  return html(status, 'Log in', `<p>This Keepscore site is private. Enter the team's password to read it.</p>
${alert}<form class="access-form" method="post" action="${LOGIN_PATH}">
<input type="hidden" name="next" value="${escapeHtml(safeNext(next))}">
<p><label for="password">Team password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required autofocus></p>
<p><button type="submit">Log in</button></p>
</form>`, extra);
}

/** cloudflare-access without a valid token: only Access lets readers in. */
export function accessRequired(request: Request): Response {
  return refusal(request, 401, 'Sign in through Cloudflare Access', 'This site is private: open it at its address protected by Cloudflare Access, and sign in there.');
}

/** The keys that would verify a token could not be had: refuse, and say it is passing. */
export function cannotVerify(request: Request): Response {
  return refusal(request, 503, 'Sign-in cannot be checked', 'The sign-in cannot be checked right now; try again in a minute.', { 'Retry-After': '60' });
}

/** A deployment that is not set up (or a loopback server asked from elsewhere): what to set, never a secret. */
export function setupPage(request: Request, problem: string): Response {
  return refusal(request, 503, 'This site is not set up yet', `Keepscore will not show this site until its deployer chooses who may read it: ${problem}. See "Deployment" in the README.`);
}

/** GET /api/status with a bearer that is not the upload token. */
export function wrongToken(request: Request): Response {
  return refusal(request, 401, 'Wrong token', 'That is not the upload token.');
}

export function tooMany(request: Request, seconds: number): Response {
  return refusal(request, 429, 'Too many wrong attempts', `Too many wrong attempts: try again in ${seconds} s.`, { 'Retry-After': String(seconds) });
}

export function methodNotAllowed(allow: string): Response {
  return new Response('Method not allowed\n', { status: 405, headers: { ...HEADERS, Allow: allow, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The guard itself failed: refuse, saying nothing more. */
export function internalError(): Response {
  return new Response('Internal error\n', { status: 500, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function robotsTxt(): Response {
  return new Response('User-agent: *\nDisallow: /\n', { headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
