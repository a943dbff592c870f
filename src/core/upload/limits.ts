/**
 * What keeps one client from taking the upload endpoint down or guessing
 * the token: a gate on the uploads in progress (how many, and how many body
 * bytes they hold), and a backoff on wrong tokens per client address. Both
 * are in memory, per process (per isolate on Cloudflare), and pure: the
 * edge makes one of each and the handler asks them.
 */
import { UploadError } from './body.ts';

/** Seconds a client is told to wait when the gate is full. */
export const BUSY_RETRY_SECONDS = 10;

/**
 * At most `slots` uploads at once, holding at most `budget` body bytes in
 * all (a body is held from its first byte until its answer, because
 * accepted ones wait their turn to be validated). Past either: 503 with
 * Retry-After, and the bytes of that upload are let go at once.
 */
export class UploadGate {
  private busy = 0;
  private held = 0;
  readonly slots: number;
  readonly budget: number;

  constructor(slots: number, budget: number) {
    this.slots = slots;
    this.budget = budget;
  }

  /** A ticket for one upload, or a 503 when every slot is taken. */
  enter(): GateTicket {
    if (this.busy >= this.slots) throw busy('too many uploads at once');
    this.busy++;
    let mine = 0;
    let open = true;
    return {
      hold: (bytes) => {
        if (this.held + bytes > this.budget) throw busy('the uploads in progress hold as much data as this server takes at once');
        this.held += bytes;
        mine += bytes;
      },
      leave: () => {
        if (!open) return;
        open = false;
        this.busy--;
        this.held -= mine;
      },
    };
  }

  /** Uploads in progress and bytes held (for tests and the log). */
  get usage(): { busy: number; held: number } {
    return { busy: this.busy, held: this.held };
  }
}

export interface GateTicket {
  /** Counts `bytes` more of this upload's body; throws a 503 past the gate's budget. */
  hold(bytes: number): void;
  /** Gives the slot and every byte held back; safe to call twice. */
  leave(): void;
}

function busy(why: string): UploadError {
  return new UploadError(503, `the server is busy: ${why}; try again in ${BUSY_RETRY_SECONDS} s`, { headers: { 'Retry-After': String(BUSY_RETRY_SECONDS) } });
}

/** Wrong tokens allowed from one address before it has to wait. */
export const FREE_FAILURES = 5;
/** The longest wait, in seconds. */
export const MAX_WAIT_SECONDS = 15 * 60;
/** Addresses remembered at most; the oldest are forgotten first. */
const REMEMBERED = 10_000;

interface Failures {
  count: number;
  /** ms: no attempt before this. */
  until: number;
  last: number;
}

/**
 * Exponential backoff on wrong tokens, per client address: the first
 * FREE_FAILURES cost nothing, each one after doubles the wait (1 s, 2 s,
 * 4 s … up to 15 minutes). While an address waits, its uploads get 429 with
 * Retry-After before the token is even compared, so guessing runs at the
 * pace of the backoff, not of the network. A right token clears the count;
 * an address quiet for twice its wait (at least an hour) starts afresh.
 */
export class TokenBackoff {
  private readonly failures = new Map<string, Failures>();

  /** Seconds `address` must still wait (0: it may try now). */
  waitFor(address: string, now: number): number {
    const entry = this.current(address, now);
    return entry && entry.until > now ? Math.ceil((entry.until - now) / 1000) : 0;
  }

  /** Throws the 429 when `address` must wait. */
  check(address: string, now: number): void {
    const wait = this.waitFor(address, now);
    if (wait > 0) {
      throw new UploadError(429, `too many wrong upload tokens from this address; try again in ${wait} s`, { headers: { 'Retry-After': String(wait) } });
    }
  }

  failed(address: string, now: number): void {
    const entry = this.current(address, now) ?? { count: 0, until: 0, last: now };
    entry.count++;
    entry.last = now;
    const over = entry.count - FREE_FAILURES;
    if (over > 0) entry.until = now + Math.min(2 ** (over - 1), MAX_WAIT_SECONDS) * 1000;
    this.failures.delete(address);
    this.failures.set(address, entry);
    if (this.failures.size > REMEMBERED) this.failures.delete(this.failures.keys().next().value!);
  }

  succeeded(address: string): void {
    this.failures.delete(address);
  }

  private current(address: string, now: number): Failures | undefined {
    const entry = this.failures.get(address);
    if (entry && now - entry.last > Math.max(3_600_000, 2 * (entry.until - entry.last))) {
      this.failures.delete(address);
      return undefined;
    }
    return entry;
  }
}
