/**
 * A tiny seeded PRNG for the sample data. Math.random cannot be seeded, and the
 * sample must be byte-identical for the same options, so every random choice
 * in src/core/sample goes through one `Random` consumed in a fixed order.
 */

/** A seeded random source; all helpers draw from `next()` only. */
export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both ends included (min > max returns min). */
  int(min: number, max: number): number;
  /** True with probability p (p <= 0 never, p >= 1 always). */
  chance(p: number): boolean;
  /** A uniformly chosen element; throws on an empty list (a bug, not data). */
  pick<T>(items: readonly T[]): T;
  /** An element chosen with the given non-negative weights (same length). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Approximately normal (sum of 4 uniforms), so never more than ~3.5 sd out. */
  normal(mean: number, sd: number): number;
  /** Log-normal around `median`; `spread` is the sd of the log (0.5 = +-65 %). */
  logNormal(median: number, spread: number): number;
}

/**
 * mulberry32: 32-bit state, fast and good enough for synthetic data (not for
 * cryptography). The seed is taken modulo 2^32, so 42 and 42 + 2^32 coincide.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int(min, max) {
      if (max <= min) return min;
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick() from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    weighted(items, weights) {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i];
        if (r < 0) return items[i];
      }
      return items[items.length - 1];
    },
    normal(mean, sd) {
      // Irwin-Hall with n = 4: variance 4/12, so scale by sqrt(3).
      const sum = next() + next() + next() + next();
      return mean + (sum - 2) * Math.sqrt(3) * sd;
    },
    logNormal(median, spread) {
      return median * Math.exp(random.normal(0, spread));
    },
  };
  return random;
}

/**
 * Precomputed cumulative weights for picking an index many times from one
 * distribution (a binary search instead of a linear scan per draw).
 */
export function cumulative(weights: readonly number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    total += Math.max(0, weights[i]);
    sums[i] = total;
  }
  return sums;
}

/** Draws an index from `cumulative()` output; -1 when every weight is 0. */
export function pickIndex(random: Random, sums: Float64Array): number {
  const total = sums.length ? sums[sums.length - 1] : 0;
  if (total <= 0) return -1;
  const r = random.next() * total;
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sums[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
