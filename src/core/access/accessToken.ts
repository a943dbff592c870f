/**
 * Cloudflare Access's application token: a JWT in the `Cf-Access-Jwt-Assertion`
 * header of every request Access let through, signed RS256 with the team's
 * key. Its header names the key (`kid`); the team publishes its keys at
 * `<issuer>/cdn-cgi/access/certs` as `{ keys: [JWK…], public_cert, public_certs }`
 * (the current and the previous key). A token counts only when its signature
 * verifies against one of those keys and `iss` is the team, `aud` holds the
 * application's audience tag, and it is within `nbf`…`exp`. jose does the
 * checks and caches the keys (refetching for an unknown `kid`, at most every
 * 30 s), per process or isolate.
 */
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';

export const ACCESS_HEADER = 'Cf-Access-Jwt-Assertion';
/** Leeway for `exp` and `nbf` against a slightly wrong clock. */
const CLOCK_TOLERANCE_SECONDS = 30;

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

export function certsUrl(issuer: string): string {
  return `${issuer}/cdn-cgi/access/certs`;
}

function keySet(issuer: string): ReturnType<typeof createRemoteJWKSet> {
  let keys = keySets.get(issuer);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(certsUrl(issuer)), { timeoutDuration: 5000 });
    keySets.set(issuer, keys);
  }
  return keys;
}

/** `valid`; `invalid` (no token, a bad one, the wrong key, team or audience, expired); `unavailable` (the keys could not be fetched). */
export type TokenVerdict = 'valid' | 'invalid' | 'unavailable';

/** Errors that say the keys could not be had, not that the token is bad. */
function keysUnavailable(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.code === 'ERR_JOSE_GENERIC';
}

export async function verifyAccessToken(token: string | null, issuer: string, audience: string): Promise<TokenVerdict> {
  if (!token) return 'invalid';
  try {
    await jwtVerify(token, keySet(issuer), { issuer, audience, algorithms: ['RS256'], clockTolerance: CLOCK_TOLERANCE_SECONDS });
    return 'valid';
  } catch (error) {
    return keysUnavailable(error) ? 'unavailable' : 'invalid';
  }
}
