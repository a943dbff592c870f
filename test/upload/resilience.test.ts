/**
 * `npm start`'s real process under requests that once ended or froze it:
 * each gets its answer (a 4xx, never a 5xx), and afterwards the server is
 * still there and answers GET / at once. A request that breaks the process
 * shows up here as a refused connection; one that blocks the event loop as
 * a GET / that never comes back.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmStart, type Started } from '../e2e/npmStart.ts';
import { rawPost, repeat, serverFolders, TOKEN } from './helpers.ts';

const folders = serverFolders('upload-resilience');
let server: Started;
beforeAll(async () => {
  server = await npmStart({ ...folders, env: { KEEPSCORE_UPLOAD_TOKEN: TOKEN, KEEPSCORE_STORE: 'local', KEEPSCORE_MAX_UPLOAD_MB: '3' } });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(folders.dir, { recursive: true, force: true });
});

/** GET / answers, within a generous bound: the process is alive and its event loop free. */
async function stillServing(): Promise<void> {
  const response = await fetch(`${server.url}/`, { signal: AbortSignal.timeout(30_000) });
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('the site');
}

const MB = new Uint8Array(1 << 20).fill(0x61);
const BOUNDARY = '----keepscore-test-boundary';
const part = (name: string, value: string, file?: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\nContent-Type: text/csv` : ''}\r\n\r\n${value}\r\n`;

describe('npm start survives', () => {
  it('a chunked form over the limit without a token (curl -H "Transfer-Encoding: chunked" -F file=@big.csv)', async () => {
    const answer = await rawPost(server.url, {
      headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Transfer-Encoding': 'chunked' },
      chunks: [part('file', '', 'big.csv').replace(/\r\n$/, ''), ...repeat(MB, 5), `\r\n--${BOUNDARY}--\r\n`],
    });
    expect(answer?.status).toBeGreaterThanOrEqual(400);
    expect(answer?.status).toBeLessThan(500);
    await stillServing();
  });

  it('a chunked CSV over the limit with the token', async () => {
    const answer = await rawPost(server.url, {
      headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${TOKEN}`, 'Transfer-Encoding': 'chunked' },
      chunks: repeat(MB, 5),
    });
    expect(answer?.status).toBe(413);
    await stillServing();
  });

  it('a client that hangs up in the middle of its body', async () => {
    const answer = await rawPost(server.url, {
      headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${TOKEN}`, 'Transfer-Encoding': 'chunked' },
      chunks: repeat(MB, 2),
      abortAfter: 1 << 20,
    });
    expect(answer).toBeNull();
    await stillServing();
  });

  it('a 2.5 MB line without a newline is a 4xx, and GET / answers meanwhile', { timeout: 90_000 }, async () => {
    const line = `id,${'x'.repeat(2.5 * (1 << 20))}`;
    const upload = fetch(`${server.url}/api/upload`, { method: 'POST', body: line, headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' } });
    upload.catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 300));
    await stillServing();
    const response = await upload;
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toMatch(/no data rows|cannot tell/);
    await stillServing();
  });

  it('ten parallel 8 MB forms with a wrong token: each refused at its token field, none a 5xx', { timeout: 90_000 }, async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => rawPost(server.url, {
      headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
      chunks: [part('token', `wrong-${i}`), part('file', '', 'big.csv').replace(/\r\n$/, ''), ...repeat(MB, 8), `\r\n--${BOUNDARY}--\r\n`],
    })));
    // Over the free wrong tokens, an address waits (429) instead of being told (401).
    expect(answers.map((a) => a?.status).every((st) => st === 401 || st === 429)).toBe(true);
    await stillServing();
  });

  // Last: it leaves this address waiting.
  it('300 wrong tokens in a row: after the first few, each waits (429 with Retry-After) and no token is compared', { timeout: 90_000 }, async () => {
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let i = 0; i < 300; i++) {
      const response = await fetch(`${server.url}/api/upload`, { method: 'POST', body: 'a,b\n1,2\n', headers: { 'Content-Type': 'text/csv', Authorization: `Bearer guess-${i}` } });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = Number(response.headers.get('retry-after'));
      await response.body?.cancel();
    }
    expect(statuses.filter((st) => st === 401).length).toBeLessThanOrEqual(6);
    expect(statuses.filter((st) => st === 429).length).toBeGreaterThanOrEqual(294);
    expect(retryAfter).toBeGreaterThan(0);
    // The right token waits too: guessing is not sped up by knowing it.
    expect((await fetch(`${server.url}/api/upload`, { method: 'POST', body: 'a', headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${TOKEN}` } })).status).toBe(429);
    await stillServing();
  });
});
