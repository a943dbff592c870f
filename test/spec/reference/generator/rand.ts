/** A seeded, deterministic PRNG (mulberry32) with the few draws the generator needs. */
export class Rand {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** A unique id `${prefix}${n}` with n from mixed magnitudes, so string and numeric order differ ("A-10007" < "A-9"). */
  uniqueId(prefix: string, taken: Set<string>): string {
    for (;;) {
      const id = `${prefix}${this.chance(0.4) ? this.int(1, 99) : this.int(1000, 99_999)}`;
      if (!taken.has(id)) return taken.add(id), id;
    }
  }
}
