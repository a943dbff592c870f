/**
 * Comparing a guess with a secret (the team password, the upload token as
 * a bearer) in constant time: both sides are hashed first (SHA-256, Web
 * Crypto: Node and workerd alike), so the comparison always reads the same
 * 32 bytes of each, whatever the guess's length or how much of it is right.
 */
const encoder = new TextEncoder();

export type Digest = (text: string) => Promise<Uint8Array>;

export const sha256: Digest = async (text) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));

/** Whether two digests are equal, reading every byte of both: no early exit on the first difference. */
export function sameDigest(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/** True when `given` equals `expected`, compared in constant time. An empty `expected` never matches. */
export async function secretMatches(given: string, expected: string, digest: Digest = sha256): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  const same = sameDigest(a, b);
  return same && expected.length > 0;
}
