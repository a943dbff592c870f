/**
 * Exact rationals on BigInt, for the reference's money, quotas (a quarter's
 * third), ceilings and the forecast's sums: KPI-SPEC §4 and §6 ask for exact
 * values, so the reference never rounds before the very end.
 */
export class Q {
  readonly n: bigint;
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
    if (d === 0n) throw new Error('division by zero');
    if (d < 0n) (n = -n), (d = -d);
    const g = gcd(n < 0n ? -n : n, d);
    this.n = n / g;
    this.d = d / g;
  }

  static of(n: bigint | number, d: bigint | number = 1n): Q {
    return new Q(BigInt(n), BigInt(d));
  }

  /** A decimal written in plain notation ("1234.5678", "0.1", "175000"). */
  static decimal(text: string): Q {
    const m = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
    if (!m || (m[2] === '' && !m[3])) throw new Error(`not a decimal: ${text}`);
    const frac = m[3] ?? '';
    let n = BigInt((m[2] || '0') + frac);
    let d = 10n ** BigInt(frac.length);
    const exp = Number(m[4] ?? 0);
    if (exp > 0) n *= 10n ** BigInt(exp);
    if (exp < 0) d *= 10n ** BigInt(-exp);
    return new Q(m[1] === '-' ? -n : n, d);
  }

  /** A JS number by its shortest round-trip decimal: 0.1 is 1/10, as the config wrote it. */
  static num(x: number): Q {
    return Q.decimal(String(x));
  }

  add(o: Q): Q {
    return new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Q): Q {
    return new Q(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Q): Q {
    return new Q(this.n * o.n, this.d * o.d);
  }
  div(o: Q): Q {
    return new Q(this.n * o.d, this.d * o.n);
  }
  cmp(o: Q): number {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  /** The least integer >= this. */
  ceil(): bigint {
    const q = this.n / this.d;
    return this.n > q * this.d ? q + 1n : q;
  }
  /** The nearest double (exact division when both parts fit in 2^53). */
  toNumber(): number {
    const limit = 2n ** 53n;
    const abs = this.n < 0n ? -this.n : this.n;
    if (abs < limit && this.d < limit) return Number(this.n) / Number(this.d);
    // Scale to 60 significant bits before dividing: far below the comparison's tolerance.
    const shift = BigInt(Math.max(0, this.d.toString(2).length - 60));
    return Number(this.n >> shift) / Number(this.d >> shift);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

export const ZERO = Q.of(0);
export const ONE = Q.of(1);

export function sum(values: Iterable<Q>): Q {
  let total = ZERO;
  for (const v of values) total = total.add(v);
  return total;
}

/** a / b as a number, or null when b is zero (KPI-SPEC §5: never NaN or Infinity). */
export function ratio(a: Q, b: Q): number | null {
  return b.isZero() ? null : a.div(b).toNumber();
}
