/**
 * The session cookie of password mode: no server-side state, so the Node
 * server and every Cloudflare isolate agree on it.
 *
 *   keepscore_session=v1.<expires>.<mac>
 *   expires = Unix time in seconds when the session ends
 *   mac     = base64url(HMAC-SHA256(key, "v1.<expires>"))
 *   key     = SHA-256("keepscore-session-v1\n" + KEEPSCORE_SESSION_SECRET + "\n" + KEEPSCORE_VIEW_PASSWORD)
 *
 * Changing the password or the secret ends every session. A cookie is
 * refused when its MAC does not verify, it has expired, or it claims to
 * last longer than the configured lifetime from now (a shortened lifetime
 * applies at once).
 */
import { base64url } from 'jose';

export const SESSION_COOKIE = 'keepscore_session';
const VERSION = 'v1';
const encoder = new TextEncoder();

/** The HMAC key of the sessions; derive it once per server or isolate. */
export async function sessionKey(password: string, secret: string): Promise<CryptoKey> {
  const raw = await crypto.subtle.digest('SHA-256', encoder.encode(`keepscore-session-${VERSION}\n${secret}\n${password}`));
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** The cookie value of a session that ends at `expires` (Unix seconds). */
export async function signSession(key: CryptoKey, expires: number): Promise<string> {
  const payload = `${VERSION}.${Math.floor(expires)}`;
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(payload));
  return `${payload}.${base64url.encode(new Uint8Array(mac))}`;
}

/** Whether `value` is a session of this key that is still running at `now` (Unix seconds). */
export async function sessionValid(key: CryptoKey, value: string, now: number, lifetimeSeconds: number): Promise<boolean> {
  // 32 bytes are 43 base64url characters whose last one carries 4 bits and 2 zero bits: a last character
  // with those bits set decodes to the same MAC, so only the one encoding signSession writes is taken.
  const match = /^v1\.(\d{1,12})\.([A-Za-z0-9_-]{42}[AEIMQUYcgkosw048])$/.exec(value);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires <= now || expires > now + lifetimeSeconds) return false;
  // crypto.subtle.verify compares the MAC in constant time.
  return crypto.subtle.verify('HMAC', key, new Uint8Array(base64url.decode(match[2])), encoder.encode(`${VERSION}.${match[1]}`));
}

const ATTRIBUTES = 'Path=/; HttpOnly; Secure; SameSite=Lax';

/** The Set-Cookie value that starts a session. */
export function sessionCookie(value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; Max-Age=${maxAgeSeconds}; ${ATTRIBUTES}`;
}

/** The Set-Cookie value that ends it. */
export const CLEAR_SESSION = `${SESSION_COOKIE}=; Max-Age=0; ${ATTRIBUTES}`;

/** Every value of cookie `name` in a Cookie header (a browser may send the same name twice). */
export function cookieValues(header: string | null, name: string): string[] {
  if (!header) return [];
  return header
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
}
