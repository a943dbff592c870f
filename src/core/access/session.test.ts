/**
 * The session cookie's documented format, recomputed with node:crypto (not
 * the Web Crypto code under test), and when a value is refused: expired, too
 * long for the lifetime, a changed expiry, another password or secret,
 * anything malformed.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cookieValues, sessionCookie, sessionKey, sessionValid, signSession, CLEAR_SESSION } from './session.ts';

const PASSWORD = 'team password 2026';
const SECRET = 'f3a1c9';
const DAY = 86_400;
const NOW = 1_790_000_000;

function documented(expires: number, password = PASSWORD, secret = SECRET): string {
  const key = createHash('sha256').update(`keepscore-session-v1\n${secret}\n${password}`).digest();
  return `v1.${expires}.${createHmac('sha256', key).update(`v1.${expires}`).digest('base64url')}`;
}

describe('session cookie', () => {
  it('is v1.<expires>.<base64url HMAC-SHA256>, keyed by SHA-256 of the secret and password', async () => {
    const key = await sessionKey(PASSWORD, SECRET);
    expect(await signSession(key, NOW + DAY)).toBe(documented(NOW + DAY));
  });

  it('is valid until it expires, and only within the lifetime from now', async () => {
    const key = await sessionKey(PASSWORD, SECRET);
    const value = documented(NOW + DAY);
    expect(await sessionValid(key, value, NOW, DAY)).toBe(true);
    expect(await sessionValid(key, value, NOW + DAY - 1, DAY)).toBe(true);
    expect(await sessionValid(key, value, NOW + DAY, DAY)).toBe(false);
    // A lifetime shortened since the login applies at once.
    expect(await sessionValid(key, value, NOW, DAY - 1)).toBe(false);
  });

  it('takes only the encoding it writes: a MAC whose last character differs in its two unused bits is refused', async () => {
    const key = await sessionKey(PASSWORD, SECRET);
    // Each expiry's MAC ends in a character with zero low bits; +1 in the alphabet sets one of them and decodes alike.
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let expires = NOW + 1; expires < NOW + 40; expires++) {
      const value = documented(expires);
      expect(await sessionValid(key, value, NOW, DAY)).toBe(true);
      const last = ALPHABET.indexOf(value.at(-1)!);
      const twin = `${value.slice(0, -1)}${ALPHABET[last + 1]}`;
      expect(Buffer.from(twin.split('.')[2], 'base64url')).toEqual(Buffer.from(value.split('.')[2], 'base64url'));
      expect(await sessionValid(key, twin, NOW, DAY), twin).toBe(false);
    }
  });

  it('refuses a changed expiry, another password or secret, and malformed values', async () => {
    const key = await sessionKey(PASSWORD, SECRET);
    const [, , mac] = documented(NOW + DAY).split('.');
    expect(await sessionValid(key, `v1.${NOW + DAY + 1}.${mac}`, NOW, 2 * DAY)).toBe(false);
    expect(await sessionValid(key, documented(NOW + DAY, 'another password!'), NOW, DAY)).toBe(false);
    expect(await sessionValid(key, documented(NOW + DAY, PASSWORD, ''), NOW, DAY)).toBe(false);
    for (const bad of ['', 'v1', `v1.${NOW + DAY}`, `v2.${NOW + DAY}.${mac}`, `v1.${NOW + DAY}.${mac}=`, `v1.-5.${mac}`, `v1.${NOW + DAY}.${mac.slice(1)}`]) {
      expect(await sessionValid(key, bad, NOW, DAY), bad).toBe(false);
    }
  });

  it('is HttpOnly, Secure, SameSite=Lax for the whole site, and is read back from a Cookie header', () => {
    expect(sessionCookie('v', 3600)).toBe('keepscore_session=v; Max-Age=3600; Path=/; HttpOnly; Secure; SameSite=Lax');
    expect(CLEAR_SESSION).toBe('keepscore_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax');
    expect(cookieValues('a=1; keepscore_session=x.y; keepscore_session=z; keepscore_sessionx=no', 'keepscore_session')).toEqual(['x.y', 'z']);
    expect(cookieValues(null, 'keepscore_session')).toEqual([]);
  });
});
