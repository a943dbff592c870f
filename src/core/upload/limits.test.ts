/**
 * The gate and the wrong-token backoff, on their own and through the
 * handler (in-memory store, a clock the test moves).
 */
import { describe, expect, it } from 'vitest';
import { textSource } from '../ingest/textSource.ts';
import { handleUpload } from './handler.ts';
import { FREE_FAILURES, TokenBackoff, UploadGate } from './limits.ts';
import { Recent } from './recent.ts';
import type { UploadDeps, UploadEntry } from './types.ts';

const TOKEN = 'the-token';

function deps(clock: { now: number }, gate = new UploadGate(32, 1 << 20)): UploadDeps {
  const log = new Recent<UploadEntry>();
  return {
    store: { source: () => textSource({}), exclusive: (fn) => fn(), commit: async () => {}, record: async (e) => log.add(e), recent: async () => log.list() },
    rebuild: { request: async () => {}, recent: async () => [] },
    config: { token: TOKEN, maxBytes: 1 << 20 },
    limits: { gate, backoff: new TokenBackoff() },
    now: () => new Date(clock.now),
    log: () => {},
  };
}

const post = (d: UploadDeps, token: string, client: string, body: BodyInit = 'owner,period,amount\n') =>
  handleUpload(new Request('https://x/api/upload', { method: 'POST', body, duplex: 'half', headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${token}` } } as RequestInit), d, client);

describe('wrong-token backoff', () => {
  it('lets FREE_FAILURES wrong tokens through, then answers 429 with Retry-After before comparing any token', async () => {
    const clock = { now: Date.parse('2026-11-30T12:00:00Z') };
    const d = deps(clock);
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) statuses.push((await post(d, `guess-${i}`, '203.0.113.9')).status);
    // The free ones, and the one that starts the wait, are compared; every later one waits.
    expect(statuses.slice(0, FREE_FAILURES + 1)).toEqual(Array(FREE_FAILURES + 1).fill(401));
    expect(statuses.slice(FREE_FAILURES + 1)).toEqual(Array(300 - FREE_FAILURES - 1).fill(429));
    const blocked = await post(d, TOKEN, '203.0.113.9');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not held up.
    expect((await post(d, 'nope', '198.51.100.7')).status).toBe(401);
  });

  it('doubles the wait with each failure past the free ones, and a right token clears it', () => {
    const backoff = new TokenBackoff();
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < FREE_FAILURES + 5; i++) {
      backoff.failed('a', now);
      waits.push(backoff.waitFor('a', now));
      now += backoff.waitFor('a', now) * 1000;
    }
    expect(waits).toEqual([...Array(FREE_FAILURES).fill(0), 1, 2, 4, 8, 16]);
    backoff.succeeded('a');
    expect(backoff.waitFor('a', now)).toBe(0);
  });

  it('forgets an address that stays quiet for an hour', () => {
    const backoff = new TokenBackoff();
    for (let i = 0; i < FREE_FAILURES + 1; i++) backoff.failed('a', 0);
    expect(backoff.waitFor('a', 500)).toBe(1);
    backoff.failed('a', 3_600_001 + 2000);
    expect(backoff.waitFor('a', 3_600_001 + 2000)).toBe(0);
  });
});

describe('upload gate', () => {
  it('answers 503 with Retry-After past the slots or the bytes held, and lets go of what a finished upload held', async () => {
    const gate = new UploadGate(2, 100);
    const a = gate.enter();
    const b = gate.enter();
    expect(() => gate.enter()).toThrow(expect.objectContaining({ status: 503, headers: { 'Retry-After': '10' } }));
    a.hold(60);
    expect(() => b.hold(41)).toThrow(expect.objectContaining({ status: 503 }));
    a.leave();
    a.leave();
    b.hold(90);
    expect(gate.usage).toEqual({ busy: 1, held: 90 });
    b.leave();
    expect(gate.usage).toEqual({ busy: 0, held: 0 });
  });

  it('through the handler: a body that would pass the budget is a 503, and the budget is free again after', async () => {
    const clock = { now: 0 };
    const d = deps(clock, new UploadGate(32, 1000));
    const response = await post(d, TOKEN, 'a', 'x'.repeat(2000));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('10');
    expect(d.limits.gate.usage).toEqual({ busy: 0, held: 0 });
  });
});
