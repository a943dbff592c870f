/**
 * The form read as a stream: a wrong token stops the read at the token's
 * part, a file before any token is refused within PRE_AUTH_BYTES, and a
 * good form gives its file and fields. The bodies here are streams that
 * count what was pulled, and fail if the read goes further than it should.
 */
import { describe, expect, it } from 'vitest';
import { PRE_AUTH_BYTES, readForm } from './form.ts';
import { UploadError } from './body.ts';

const BOUNDARY = 'b0undary';
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
const enc = new TextEncoder();
const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const fileHead = (name = 'deals.csv') => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`;
const end = `\r\n--${BOUNDARY}--\r\n`;

/** A body of `head`, then `chunk` forever (or `count` times, then `tail`); `pulled` counts the bytes handed out. */
function body(head: string, chunk: Uint8Array, count = Infinity, tail = '') {
  const state = { pulled: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      const next = sent === 0 ? enc.encode(head) : sent <= count ? chunk : sent === count + 1 ? enc.encode(tail) : null;
      sent++;
      if (next === null) return c.close();
      state.pulled += next.byteLength;
      c.enqueue(next);
    },
  });
  return { request: new Request('https://x/api/upload', { method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': TYPE } } as RequestInit), state };
}

const verify = (right: string) => async (given: string) => {
  if (given !== right) throw new UploadError(401, 'wrong upload token');
};
const options = (extra: Partial<Parameters<typeof readForm>[2]> = {}) => ({ maxBytes: 50 << 20, hold: () => {}, verify: verify('good'), ...extra });
const status = (promise: Promise<unknown>) => promise.then(() => 0, (error: UploadError) => error.status);

describe('readForm', () => {
  it('stops at a wrong token: the file behind it is never read', async () => {
    const { request, state } = body(field('token', 'guess') + fileHead(), new Uint8Array(16 * 1024).fill(0x61));
    expect(await status(readForm(request, TYPE, options()))).toBe(401);
    expect(state.pulled).toBeLessThan(64 * 1024);
  });

  it('refuses a file sent before any token within PRE_AUTH_BYTES', async () => {
    const { request, state } = body(fileHead(), new Uint8Array(16 * 1024).fill(0x61));
    const error = await readForm(request, TYPE, options()).catch((e: UploadError) => e);
    expect(error).toMatchObject({ status: 401, message: expect.stringMatching(/token field before its file/) });
    expect(state.pulled).toBeLessThanOrEqual(PRE_AUTH_BYTES + 64 * 1024);
  });

  it('gives the file and the known fields of a good form, token first', async () => {
    const csv = 'owner,period,amount\nAnn,2026-11,5\n';
    const { request } = body(field('token', 'good') + field('kind', 'quotas') + field('exported', '2026-11-30') + field('other', 'x') + fileHead('q-2026-11-30.csv') + csv + end, new Uint8Array(0), 0);
    const form = await readForm(request, TYPE, options());
    expect(new TextDecoder().decode(form.file.bytes)).toBe(csv);
    expect(form.file).toMatchObject({ type: 'text/csv', name: 'q-2026-11-30.csv' });
    expect([...form.fields]).toEqual([['kind', 'quotas'], ['exported', '2026-11-30']]);
  });

  it('counts the body against the size limit and the server\'s budget', async () => {
    const big = body(field('token', 'good') + fileHead(), new Uint8Array(64 * 1024).fill(0x61), 20, end);
    expect(await status(readForm(big.request, TYPE, options({ maxBytes: 1 << 20 })))).toBe(413);
    const busy = body(field('token', 'good') + fileHead(), new Uint8Array(64 * 1024).fill(0x61), 20, end);
    let held = 0;
    const hold = (bytes: number) => {
      held += bytes;
      if (held > 256 * 1024) throw new UploadError(503, 'busy', { headers: { 'Retry-After': '10' } });
    };
    expect(await status(readForm(busy.request, TYPE, options({ hold })))).toBe(503);
  });

  it('refuses broken forms with a 400', async () => {
    for (const text of [`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc`, 'no boundary at all', field('token', 'good')]) {
      const { request } = body(text, new Uint8Array(0), 0);
      expect(await status(readForm(request, TYPE, options())), text).toBe(400);
    }
    const { request } = body(`${field('token', 'good')}--${BOUNDARY}--\r\n`, new Uint8Array(0), 0);
    expect((await readForm(request, TYPE, options()).catch((e: Error) => e)) as Error).toMatchObject({ status: 400, message: expect.stringMatching(/no file/) });
  });
});
