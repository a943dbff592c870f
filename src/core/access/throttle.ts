/**
 * Slows down a client that keeps guessing (the team password, an upload
 * token used as a bearer): the first FREE wrong guesses cost nothing, then
 * each one makes the client wait twice as long before the next try, from
 * 1 s up to 5 minutes; a right guess, or an hour without a wrong one,
 * forgets it. In memory: per process on `npm start`, per isolate on
 * Cloudflare. At most `limit` clients are remembered (the oldest go first).
 */
const FREE = 5;
const MAX_WAIT = 300;
const FORGET_AFTER = 3600;

interface Client {
  failures: number;
  /** Unix seconds until which the client must wait. */
  until: number;
  last: number;
}

export class Throttle {
  private readonly clients = new Map<string, Client>();
  private readonly limit: number;

  constructor(limit = 10_000) {
    this.limit = limit;
  }

  private get(client: string, now: number): Client | undefined {
    const known = this.clients.get(client);
    if (known && now - known.last > FORGET_AFTER) {
      this.clients.delete(client);
      return undefined;
    }
    return known;
  }

  /** Whole seconds `client` must still wait before its next guess is read; 0 when it may guess now. */
  wait(client: string, now: number): number {
    const known = this.get(client, now);
    return known && known.until > now ? Math.ceil(known.until - now) : 0;
  }

  /** Counts a wrong guess; returns the seconds to wait before the next one. */
  failed(client: string, now: number): number {
    const known = this.get(client, now) ?? { failures: 0, until: 0, last: now };
    known.failures += 1;
    known.last = now;
    const wait = known.failures <= FREE ? 0 : Math.min(MAX_WAIT, 2 ** (known.failures - FREE - 1));
    known.until = now + wait;
    // Re-inserted, so the map's order is the order of last use and the oldest is first.
    this.clients.delete(client);
    this.clients.set(client, known);
    if (this.clients.size > this.limit) this.clients.delete(this.clients.keys().next().value!);
    return wait;
  }

  succeeded(client: string): void {
    this.clients.delete(client);
  }
}
