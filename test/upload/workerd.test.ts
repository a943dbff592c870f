/**
 * The Pages Functions in the real Cloudflare runtime, locally: bundled by
 * `wrangler pages functions build` (the pinned wrangler devDependency), run
 * in workerd by wrangler's `createTestHarness`, committing through the local
 * GitHub stand-in. Also keeps the bundle small.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeGithub, type FakeGithub } from './fakeGithub.ts';
import { FIXTURE, fixtureText, ROOT, tempDir, TOKEN } from './helpers.ts';

// Local only: no Request.cf download, no usage metrics.
const QUIET = { CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG: 'warn' };
Object.assign(process.env, QUIET);

const out = tempDir('upload-workerd');
let github: FakeGithub;
let harness: { listen(): Promise<unknown>; fetch(input: string, init?: RequestInit): Promise<Response>; close(): Promise<void> };
let bundle: Buffer;

beforeAll(async () => {
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'pages', 'functions', 'build', '--outdir', out], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...QUIET }, timeout: 120_000,
  });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  bundle = readFileSync(join(out, 'index.js'));
  github = await fakeGithub('acme/sales', 'gh-secret');
  for (const name of readdirSync(FIXTURE)) github.files.set(`data/${name}`, readFileSync(join(FIXTURE, name)));
  const { createTestHarness } = await import('wrangler');
  harness = createTestHarness({
    workers: [{
      config: {
        name: 'keepscore-functions', main: join(out, 'index.js'), compatibility_date: '2026-11-01',
        // Who may read the site is test/access's subject (the middleware runs in front of these Functions too).
        vars: { KEEPSCORE_ACCESS: 'public', KEEPSCORE_UPLOAD_TOKEN: TOKEN, KEEPSCORE_MAX_UPLOAD_MB: '1', KEEPSCORE_STORE: 'github', KEEPSCORE_GITHUB_REPO: 'acme/sales', KEEPSCORE_GITHUB_TOKEN: 'gh-secret', KEEPSCORE_GITHUB_API: github.url },
      },
    }],
  }) as unknown as typeof harness;
  await harness.listen();
}, 180_000);

afterAll(async () => {
  await harness?.close();
  await github?.close();
  rmSync(out, { recursive: true, force: true });
});

const post = (body: string, query = '', headers: Record<string, string> = {}) =>
  harness.fetch(`http://localhost/api/upload${query}`, { method: 'POST', body, headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${TOKEN}`, ...headers } });

describe('the Pages Functions in workerd', () => {
  it('bundle stays small', () => {
    const gzipped = gzipSync(bundle).length;
    console.log(`functions bundle: ${(bundle.length / 1024).toFixed(0)} KB, ${(gzipped / 1024).toFixed(0)} KB gzipped`);
    expect(gzipped).toBeLessThan(300 * 1024);
    expect(statSync(join(out, 'index.js')).size).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('refuses without a token, and names the line of a bad file', async () => {
    expect((await post(fixtureText('deals.csv'), '', { Authorization: '' })).status).toBe(401);
    const bad = await post(fixtureText('deals.csv').replace('2026-10-02,2026-10-15', '2026-10-02,soon'), '?file=deals');
    expect(bad.status, JSON.stringify(await (await harness.fetch('http://localhost/api/status')).json())).toBe(422);
    expect((await bad.json()).problems).toContainEqual(expect.objectContaining({ file: 'deals.csv', line: 4, column: 'close_date', value: 'soon' }));
    expect(github.commits).toEqual([]);
  });

  it('accepts a good file as a commit, and shows it in /api/status', async () => {
    const won = fixtureText('deals.csv').replace('Epsilon,Ann,referral,Proposal,30000', 'Epsilon,Ann,referral,Closed Won,30000');
    const response = await post(won, '?exported=2026-11-03');
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(202);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(github.files.get('data/deals.csv')!.toString()).toBe(won);
    expect(github.commits.map((c) => c.paths)).toEqual([['data/.history/pipeline.jsonl', 'data/close_dates.csv', 'data/deals.csv', 'data/stage_history.csv']]);
    expect(github.files.get('data/stage_history.csv')!.toString()).toBe('deal,stage,entered\nD5,Closed Won,2026-11-03\n');
    // The first export recorded: the close date of each deal still open (D6, D7, D8), in the same commit.
    expect(github.files.get('data/close_dates.csv')!.toString()).toBe('deal,close_date,recorded\nD6,2026-11-30,2026-11-03\nD7,2026-09-30,2026-11-03\nD8,2026-10-28,2026-11-03\n');
    const status = await (await harness.fetch(`http://localhost${body.status}`)).json();
    expect(status.upload).toMatchObject({ outcome: 'accepted', file: 'deals.csv' });
    expect(status.build).toMatchObject({ state: 'triggered' });
  });

  it('has the Node server\'s limits: size, the form\'s token first, a status without values', async () => {
    expect((await post('x'.repeat(1.5 * 1024 * 1024))).status).toBe(413);
    const form = (first: 'token' | 'file', token: string) => {
      const f = new FormData();
      const file = new Blob([fixtureText('quotas.csv')], { type: 'text/csv' });
      if (first === 'token') f.set('token', token);
      f.set('file', file, 'quotas.csv');
      if (first === 'file') f.set('token', token);
      return harness.fetch('http://localhost/api/upload', { method: 'POST', body: f });
    };
    expect((await form('token', 'wrong')).status).toBe(401);
    expect((await form('file', TOKEN)).status).toBe(401);
    expect((await post('SECRET-HEADER,x\n1,2\n')).status).toBe(422);
    const status = await (await harness.fetch('http://localhost/api/status')).json();
    expect(status.uploads[0]).toMatchObject({ status: 422, error: 'the upload:1: cannot tell which file this is from its header' });
    expect(JSON.stringify(status)).not.toContain('SECRET');
  });
});

