/**
 * The constant-time compare, checked by what it does rather than by the
 * clock (a timed test would flake on a busy machine and prove little): for
 * any guess — empty, one character, right but for the last character, right
 * but for the first, the secret itself, 100,000 characters — both sides are
 * hashed to 32-byte digests and every one of the 32 bytes of each is read
 * exactly once, so the work does not depend on the guess.
 */
import { describe, expect, it } from 'vitest';
import { sameDigest, secretMatches, sha256, type Digest } from './compare.ts';

/** A digest whose index reads are counted. */
function counted(bytes: Uint8Array, reads: number[]): Uint8Array {
  return new Proxy(bytes, {
    get(target, prop) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) reads[Number(prop)] = (reads[Number(prop)] ?? 0) + 1;
      return Reflect.get(target, prop);
    },
  });
}

const SECRET = 'correct horse battery staple';
const GUESSES = ['', 'c', SECRET.slice(0, -1) + 'x', 'x' + SECRET.slice(1), SECRET, SECRET + ' ', 'z'.repeat(100_000), 'é'.repeat(40)];

describe('secretMatches', () => {
  it('hashes the guess and the secret, and reads all 32 bytes of both digests once, whatever the guess', async () => {
    for (const guess of GUESSES) {
      const hashed: string[] = [];
      const reads: number[][] = [];
      const digest: Digest = async (text) => {
        hashed.push(text);
        const bytes = await sha256(text);
        expect(bytes.length).toBe(32);
        reads.push([]);
        return counted(bytes, reads[reads.length - 1]);
      };
      expect(await secretMatches(guess, SECRET, digest), JSON.stringify(guess.slice(0, 30))).toBe(guess === SECRET);
      expect([...hashed].sort()).toEqual([guess, SECRET].sort());
      for (const perByte of reads) expect(perByte).toEqual(Array(32).fill(1));
    }
  });

  it('answers right with the real SHA-256, and an empty secret never matches', async () => {
    expect(await secretMatches(SECRET, SECRET)).toBe(true);
    expect(await secretMatches(SECRET.toUpperCase(), SECRET)).toBe(false);
    expect(await secretMatches('', '')).toBe(false);
  });
});

describe('sameDigest', () => {
  it('reads every byte even when the first already differs', () => {
    const a = new Uint8Array(32).fill(7);
    const b = new Uint8Array(32).fill(7);
    b[0] = 8;
    const readsA: number[] = [];
    const readsB: number[] = [];
    expect(sameDigest(counted(a, readsA), counted(b, readsB))).toBe(false);
    expect(readsA).toEqual(Array(32).fill(1));
    expect(readsB).toEqual(Array(32).fill(1));
    b[0] = 7;
    expect(sameDigest(a, b)).toBe(true);
    expect(sameDigest(a, b.subarray(0, 31))).toBe(false);
  });
});
