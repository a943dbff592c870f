/**
 * The access guard (src/core/access) on npm start's server. The mode is
 * read once at start: a mistake in it stops the start, like a bad
 * KEEPSCORE_STORE, and an open site is announced loudly. Before any
 * routing, every request goes through `answered`: the guard either answers
 * it or lets it through with its response marked noindex. The guard sees
 * a Request of the headers only (plus the body of the login form, at most
 * a few KB), so the upload handler still streams its own body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOGIN_PATH } from '../core/access/answers.ts';
import { accessGuard } from '../core/access/guard.ts';
import { accessSettings, isLoopback, type AccessSettings } from '../core/access/settings.ts';
import type { Env } from '../core/upload/env.ts';

/** More than the login form may be (the core refuses it as too large). */
const LOGIN_BODY_MAX = 8 * 1024 + 1;

export interface NodeAccess {
  readonly settings: AccessSettings;
  /**
   * True when the guard answered the request; false: route it. `target` is the
   * path and query the router will serve (decoded and normalised once), so the
   * guard decides on exactly what is served.
   */
  answered(req: IncomingMessage, res: ServerResponse, target: string): Promise<boolean>;
}

/** What `npm start` says at start about who may read the site. */
export function accessNotice(settings: AccessSettings, host: string): string {
  switch (settings.mode) {
    case 'password':
      return `Access: password — readers log in at ${LOGIN_PATH} (a login lasts ${Math.round(settings.lifetimeSeconds / 360) / 10} h)` +
        (settings.secret ? '' : '; set KEEPSCORE_SESSION_SECRET too, so that a stolen session cookie cannot be used to test password guesses offline');
    case 'cloudflare-access':
      return `Access: cloudflare-access — only requests carrying a valid Cloudflare Access token of ${settings.issuer} for this application's audience`;
    case 'public':
      return `WARNING — Access: public. Anyone who can reach ${host} reads the whole site, /api/kpis and /csv included.`;
    case 'loopback':
      return 'WARNING — KEEPSCORE_ACCESS is not set: the site is open to anyone on this machine, without a login. ' +
        'Requests from elsewhere or through a proxy get a setup page. Set KEEPSCORE_ACCESS=password and KEEPSCORE_VIEW_PASSWORD before you share it.';
    case 'setup':
      return `WARNING — ${settings.problem}. Every request gets a setup page until it is set (README, "Deployment").`;
  }
}

/** The request as the guard reads it: the router's path (never the Host header), the headers, and only the login form's body. */
async function guardRequest(req: IncomingMessage, target: string): Promise<Request> {
  const url = new URL(`http://localhost${target}`);
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) for (const value of values ?? []) headers.append(name, value);
  const login = req.method === 'POST' && (url.pathname === LOGIN_PATH || url.pathname === LOGIN_PATH.slice(0, -1));
  const body = login ? await readUpTo(req, LOGIN_BODY_MAX) : undefined;
  return new Request(url, { method: req.method, headers, body });
}

/** The first `max` bytes of the body; the rest is read and dropped. */
function readUpTo(req: IncomingMessage, max: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size < max) chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks).subarray(0, max))));
    req.on('error', reject);
  });
}

async function send(req: IncomingMessage, res: ServerResponse, answer: Response): Promise<void> {
  // A refused upload or form: drop its body, or it would hold the keep-alive connection.
  if (!req.complete) req.resume();
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => (headers[name] = value));
  const body = req.method === 'HEAD' ? undefined : Buffer.from(await answer.arrayBuffer());
  res.writeHead(answer.status, headers).end(body);
}

/** The guard of a server listening on `host`, from its environment; logs who may read the site. */
export function nodeAccess(env: Env, host: string, log: (line: string) => void): NodeAccess {
  const settings = accessSettings(env, { loopbackOnly: isLoopback(host) });
  if (settings.mode === 'setup' && !settings.unset) throw new Error(settings.problem);
  log(accessNotice(settings, host));
  const guard = accessGuard(settings);
  return {
    settings,
    async answered(req, res, target) {
      const answer = await guard.check(await guardRequest(req, target), req.socket.remoteAddress ?? null);
      if (answer) {
        await send(req, res, answer);
        return true;
      }
      for (const [name, value] of Object.entries(guard.passHeaders)) res.setHeader(name, value);
      return false;
    },
  };
}
