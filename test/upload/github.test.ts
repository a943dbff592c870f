/**
 * The github store and the deploy hook, on the real Node server, against
 * local stand-ins: GitHub's REST API (fakeGithub.ts) and a hook
 * endpoint. An accepted upload is one commit of all its files (Git data
 * API); rejected ones write nothing; a branch moved meanwhile is a 409; the
 * hook is POSTed and never shown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeGithub, type FakeGithub } from './fakeGithub.ts';
import { FIXTURE, fixtureText, postCsv, setup, snapshotFolder, type Setup } from './helpers.ts';

const DEALS = fixtureText('deals.csv');
/** Over 1 MB, so the store must fetch it raw: the fixture's deals and open ones of the same reps. */
const BIG_DEALS = DEALS + Array.from({ length: 16_000 }, (_, i) => `N${i},Deal ${i},Acct,${i % 2 ? 'Ann' : 'Bob'},web,Qualify,1000,2026-10-01,2026-12-01,,\n`).join('');
const WON = BIG_DEALS.replace('Epsilon,Ann,referral,Proposal,30000', 'Epsilon,Ann,referral,Closed Won,30000');

describe('github store', () => {
  let github: FakeGithub;
  let s: Setup;
  beforeAll(async () => {
    github = await fakeGithub('acme/sales', 'gh-secret');
    for (const name of readdirSync(FIXTURE)) github.files.set(`data/${name}`, readFileSync(join(FIXTURE, name)));
    github.files.set('data/deals.csv', Buffer.from(BIG_DEALS));
    s = await setup('upload-github', {
      KEEPSCORE_STORE: 'github', KEEPSCORE_GITHUB_REPO: 'acme/sales', KEEPSCORE_GITHUB_TOKEN: 'gh-secret', KEEPSCORE_GITHUB_API: github.url,
    }, { build: 'fake', site: false });
  }, 60_000);
  afterAll(async () => {
    await s?.cleanup();
    await github?.close();
  });

  it('makes one commit per upload through the Git data API: every file of the version in one tree', async () => {
    const localBefore = snapshotFolder(s.data);
    const response = await postCsv(s.server.url, WON, '?exported=2026-11-02');
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(202);
    expect(github.commits).toHaveLength(1);
    expect(github.commits[0]).toMatchObject({ api: true, paths: ['data/.history/pipeline.jsonl', 'data/close_dates.csv', 'data/deals.csv', 'data/stage_history.csv'] });
    expect(github.commits[0].message).toContain(body.version);
    expect(github.files.get('data/deals.csv')!.toString()).toBe(WON);
    expect(github.files.get('data/stage_history.csv')!.toString()).toBe('deal,stage,entered\nD5,Closed Won,2026-11-02\n');
    expect(github.files.get('data/close_dates.csv')!.toString()).toMatch(/^deal,close_date,recorded\n(.+,2026-11-02\n)+$/);
    expect(JSON.parse(github.files.get('data/.history/pipeline.jsonl')!.toString())).toMatchObject({ version: body.version, date: '2026-11-02' });
    // Read as of one commit (the large file raw), written as blobs, one tree, one commit, the branch moved without force.
    expect(BIG_DEALS.length).toBeGreaterThan(1024 * 1024);
    const calls = github.requests.map((r) => r.replace(/[0-9a-f]{40}/g, '<sha>'));
    expect(calls).toContain('GET /repos/acme/sales/contents/data/deals.csv?ref=<sha> (raw)');
    expect(calls.filter((c) => c.startsWith('POST') || c.startsWith('PATCH'))).toEqual([
      'POST /repos/acme/sales/git/blobs', 'POST /repos/acme/sales/git/blobs', 'POST /repos/acme/sales/git/blobs', 'POST /repos/acme/sales/git/blobs',
      'POST /repos/acme/sales/git/trees', 'POST /repos/acme/sales/git/commits', 'PATCH /repos/acme/sales/git/refs/heads/main',
    ]);
    // The push builds in CI: the status says it was handed over, and shows no secret.
    const status = await (await fetch(`${s.server.url}${body.status}`)).json();
    expect(status.build).toMatchObject({ state: 'triggered' });
    expect(JSON.stringify(status)).not.toMatch(/gh-secret/);
    expect(snapshotFolder(s.data)).toEqual(localBefore);
  });

  it('writes nothing for a rejected upload', async () => {
    const commits = github.commits.length;
    const response = await postCsv(s.server.url, DEALS.replace('10000', 'ten'), '?file=deals');
    expect(response.status).toBe(422);
    expect(github.commits.length).toBe(commits);
  });

  it('answers 409 when the branch moved while the upload was checked, and writes nothing', async () => {
    github.beforeRefUpdate = () => github.files.set('data/quotas.csv', Buffer.from('owner,period,amount\nAnn,2026-10,1\n'));
    const commits = github.commits.length;
    const response = await postCsv(s.server.url, 'owner,period,amount\nAnn,2026-10,99\n', '?file=quotas');
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatch(/changed while this upload was checked/);
    expect(github.files.get('data/quotas.csv')!.toString()).toBe('owner,period,amount\nAnn,2026-10,1\n');
    // Only the test's own push is on the branch.
    expect(github.commits.slice(commits).map((c) => c.api)).toEqual([false]);
  });
  it('reads a Windows-1252 export committed to the repository as the build does', async () => {
    const config = JSON.parse(fixtureText('keepscore.config.json'));
    config.stages[0].name = 'Calificación';
    github.files.set('data/keepscore.config.json', Buffer.from(JSON.stringify(config)));
    // "Calificación" in Windows-1252: ó is the single byte 0xF3, not valid UTF-8.
    const latin1 = Buffer.from(DEALS.replaceAll(',Qualify,', ',Calificación,'), 'latin1');
    expect(latin1.includes(Buffer.from([0xf3]))).toBe(true);
    github.files.set('data/deals.csv', latin1);
    const uploads = github.commits.filter((c) => c.api).length;
    const response = await postCsv(s.server.url, 'owner,period,amount\nAnn,2026-10,99\n', '?file=quotas');
    expect(response.status, await response.clone().text()).toBe(202);
    expect(github.commits.filter((c) => c.api)).toHaveLength(uploads + 1);
    expect(github.files.get('data/deals.csv')).toEqual(latin1);
  });
});

describe('deploy hook', () => {
  let hook: Server;
  let hookUrl: string;
  const calls: string[] = [];
  let answer = 200;
  let s: Setup;
  beforeAll(async () => {
    hook = createServer((req, res) => {
      calls.push(`${req.method} ${req.url}`);
      res.writeHead(answer, { 'Content-Type': 'application/json' }).end('{"id":"deploy"}');
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/secret-hook-id`;
    s = await setup('upload-hook', { KEEPSCORE_STORE: 'hook', KEEPSCORE_DEPLOY_HOOK: hookUrl }, { build: 'fake', site: false });
  }, 60_000);
  afterAll(async () => {
    await s?.cleanup();
    await new Promise((resolve) => hook?.close(resolve));
  });

  it('stores locally, POSTs the hook, and keeps its URL out of the status', async () => {
    const response = await postCsv(s.server.url, fixtureText('quotas.csv').replace('50000', '55000'), '?file=quotas');
    expect(response.status).toBe(202);
    const { version } = await response.json();
    expect(calls).toEqual(['POST /hooks/secret-hook-id']);
    expect(readFileSync(join(s.data, 'quotas.csv'), 'utf8')).toContain('55000');
    const status = await (await fetch(`${s.server.url}/api/status?version=${version}`)).json();
    expect(status.build).toMatchObject({ state: 'triggered', error: null });
    expect(JSON.stringify(status)).not.toContain('secret-hook-id');
  });

  it('reports a failing hook in the status', async () => {
    answer = 500;
    const response = await postCsv(s.server.url, fixtureText('quotas.csv'), '?file=quotas');
    const { version } = await response.json();
    const status = await (await fetch(`${s.server.url}/api/status?version=${version}`)).json();
    expect(status.build).toMatchObject({ state: 'failed', error: 'the deploy hook answered 500' });
  });
});
