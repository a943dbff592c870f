/**
 * The handler on its own, with in-memory adapters (as a workerd isolate
 * would run it): order of checks, kind detection, where a kind is written,
 * the history derived from two deals exports, and the status.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dealLists } from '../deals/dealLists.ts';
import { readDataset } from '../ingest/dataset.ts';
import { textSource } from '../ingest/textSource.ts';
import { isoToDay } from '../ingest/values.ts';
import { parsePeriod } from '../kpi/periods.ts';
import { kpiEngine, periodFacts } from '../kpi/report.ts';
import { uploadLimits } from './env.ts';
import { handleUpload } from './handler.ts';
import { Recent } from './recent.ts';
import type { Accepted, BuildEntry, UploadDeps, UploadEntry, UploadStore } from './types.ts';

const FIXTURE = join(import.meta.dirname, '../../../test/fixtures/tiny');
const TOKEN = 'unit-token';

function memoryDeps(files: Record<string, string>): UploadDeps & { files: Record<string, string>; commits: Accepted[]; builds: string[] } {
  const log = new Recent<UploadEntry>();
  const commits: Accepted[] = [];
  const builds: string[] = [];
  const store: UploadStore = {
    source: () => textSource({ ...files }),
    exclusive: (fn) => fn(),
    async commit(accepted) {
      commits.push(accepted);
      for (const change of accepted.changes) files[change.name] = change.text;
    },
    record: async (entry) => log.add(entry),
    recent: async () => log.list(),
  };
  return {
    files, commits, builds, store,
    rebuild: { request: async (v) => void builds.push(v), recent: async () => builds.map((v): BuildEntry => ({ id: v, versions: [v], state: 'triggered', started: null, finished: null, durationMs: null, error: null })) },
    config: { token: TOKEN, maxBytes: 1 << 20 },
    limits: uploadLimits({ token: TOKEN, maxBytes: 1 << 20 }),
    now: () => new Date('2026-11-30T12:00:00Z'),
    log: () => {},
  };
}

function fixture(): Record<string, string> {
  return Object.fromEntries(readdirSync(FIXTURE).map((n) => [n, readFileSync(join(FIXTURE, n), 'utf8')]));
}

const upload = (deps: UploadDeps, body: BodyInit, query = '', headers: Record<string, string> = {}) =>
  handleUpload(new Request(`https://site.example/api/upload${query}`, { method: 'POST', body, headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${TOKEN}`, ...headers } }), deps);

describe('handleUpload', () => {
  it('refuses a missing token before reading the body', async () => {
    const deps = memoryDeps(fixture());
    const body = new ReadableStream({ pull: () => { throw new Error('the body was read'); } });
    const response = await handleUpload(new Request('https://site.example/api/upload', { method: 'POST', body, duplex: 'half', headers: { 'Content-Type': 'text/csv' } } as RequestInit), deps);
    expect(response.status).toBe(401);
  });

  it('refuses a form with a wrong token at its token field: the file behind it is not read', async () => {
    const deps = memoryDeps(fixture());
    const head = new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="token"\r\n\r\nguess\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="d.csv"\r\n\r\n');
    const filler = new Uint8Array(16 * 1024).fill(0x61);
    let pulled = 0;
    const body = new ReadableStream({ pull: (c) => { const next = pulled === 0 ? head : filler; pulled += next.byteLength; c.enqueue(next); } });
    const response = await handleUpload(new Request('https://site.example/api/upload', { method: 'POST', body, duplex: 'half', headers: { 'Content-Type': 'multipart/form-data; boundary=b' } } as RequestInit), deps);
    expect(response.status).toBe(401);
    expect(pulled).toBeLessThan(128 * 1024);
  });

  it('counts bytes of a body without Content-Length', async () => {
    const deps = memoryDeps(fixture());
    const chunk = new Uint8Array(400_000).fill(0x61);
    let sent = 0;
    const body = new ReadableStream({ pull: (c) => (sent++ < 3 ? c.enqueue(chunk) : c.close()) });
    const response = await handleUpload(new Request('https://site.example/api/upload', { method: 'POST', body, duplex: 'half', headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${TOKEN}` } } as RequestInit), deps);
    expect(response.status).toBe(413);
  });

  it('detects the kind from the header and writes its canonical file', async () => {
    const deps = memoryDeps(fixture());
    const response = await upload(deps, 'owner;period;amount\nAnn;2026-11;1000\n');
    expect(response.status).toBe(202);
    expect(deps.commits[0]).toMatchObject({ kind: 'quotas', file: 'quotas.csv', rows: 1, snapshot: null });
    expect(deps.builds).toEqual([deps.commits[0].version]);
  });

  it('takes a header that names a column twice as the loader does: the first is read, and the answer says so', async () => {
    const deps = memoryDeps(fixture());
    const deals = fixture()['deals.csv'].split('\n').map((line, i) => (line === '' ? line : `${line},${i === 0 ? 'account' : 'Shadow Corp'}`)).join('\n');
    const response = await upload(deps, deals, '?file=deals');
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body.notes).toContain('"account" is in the header 2 times (columns 3, 12): account reads column 3');
    expect(deps.files['deals.csv']).toBe(deals);
    const report = await (await import('../ingest/dataset.ts')).readDataset(textSource(deps.files));
    expect(report.dataset.deals.find((d) => d.id === 'D1')?.account).toBe('Acme');
  });

  it("writes the file the config's sources name for the kind", async () => {
    const files = fixture();
    const config = JSON.parse(files['keepscore.config.json']);
    files['keepscore.config.json'] = JSON.stringify({ ...config, sources: { quotas: { file: 'targets.csv', columns: { owner: 'rep', amount: 'target' } } } });
    files['targets.csv'] = 'rep,period,target\nAnn,2026-10,1\n';
    const deps = memoryDeps(files);
    expect((await upload(deps, 'rep,period,target\nBob,2026-11,5\n', '?file=quotas')).status).toBe(202);
    expect(deps.commits[0].changes.map((c) => c.name)).toEqual(['targets.csv']);
    expect(files['quotas.csv']).toBe(fixture()['quotas.csv']);
  });

  it('turns two deals exports into stage moves dated by the file name, and a snapshot', async () => {
    const deps = memoryDeps(fixture());
    const moved = deps.files['deals.csv'].replace('Zeta,Bob,web,Qualify', 'Zeta,Bob,web,Discovery');
    const form = new FormData();
    form.set('token', TOKEN);
    form.set('file', new Blob([moved], { type: 'application/vnd.ms-excel' }), 'all-deals-2026-11-28.csv');
    const response = await handleUpload(new Request('https://site.example/api/upload', { method: 'POST', body: form }), deps);
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(202);
    expect(body.stageChanges).toBe(1);
    expect(deps.files['stage_history.csv']).toBe('deal,stage,entered\nD6,Discovery,2026-11-28\n');
    expect(deps.commits[0].changes.map((c) => c.name)).toEqual(['stage_history.csv', 'close_dates.csv', 'deals.csv']);
    // The first export recorded: every open deal's close date.
    expect(deps.files['close_dates.csv']).toBe('deal,close_date,recorded\nD5,2026-10-31,2026-11-28\nD6,2026-11-30,2026-11-28\nD7,2026-09-30,2026-11-28\nD8,2026-10-28,2026-11-28\n');
    expect(body.notes).toContain('4 open deals\' close dates recorded in close_dates.csv, dated 2026-11-28');
    expect(deps.commits[0].snapshot).toMatchObject({ date: '2026-11-28', open: { count: 4, amount: 54000 } });

    // The same export again: nothing moved, no close date changed.
    const again = await upload(deps, moved, '?exported=2026-11-29');
    expect((await again.json()).stageChanges).toBe(0);
    expect(deps.commits[1].changes.map((c) => c.name)).toEqual(['deals.csv']);
  });

  it('records close dates export by export, so a deal whose close date moved out of November lists as slipped', async () => {
    const deps = memoryDeps(fixture());
    const deals = deps.files['deals.csv'];
    expect((await upload(deps, deals, '?exported=2026-11-10')).status).toBe(202);
    const moved = deals.replace('Zeta,Bob,web,Qualify,8000,2026-10-12,2026-11-30', 'Zeta,Bob,web,Qualify,8000,2026-10-12,2026-12-15');
    const body = await (await upload(deps, moved, '?exported=2026-11-20')).json();
    expect(body.notes).toContain('1 close date changed since the previous export recorded in close_dates.csv, dated 2026-11-20');
    expect(deps.commits[1].changes.map((c) => c.name)).toEqual(['close_dates.csv', 'deals.csv']);
    expect(deps.files['close_dates.csv'].split('\n').filter((l) => l.startsWith('D6,'))).toEqual(['D6,2026-11-30,2026-11-10', 'D6,2026-12-15,2026-11-20']);

    const { dataset, problems } = await readDataset(textSource(deps.files));
    expect(problems.total).toBe(0);
    const { facts } = kpiEngine(dataset, isoToDay('2026-11-20')!);
    const lists = dealLists(facts, facts.reps.map((_, i) => i), periodFacts(facts, parsePeriod('2026-11')!));
    expect(lists.slipped.rows.map((r) => [r.id, r.slippedFrom, r.recorded, r.closeDate])).toEqual([['D6', '2026-11-30', '2026-11-10', '2026-12-15']]);
    expect(lists.slipped).toMatchObject({ count: 1, amount: 8000, exportsRecorded: 2 });
  });

  it('answers a broken deals file with its own problems first, and the references of the stored files to its rejected rows folded under it', async () => {
    const files: Record<string, string> = { ...fixture(), 'stage_history.csv': 'deal,stage,entered\nD1,Qualify,2026-08-05\nD2,Qualify,2026-09-01\n' };
    const deps = memoryDeps(files);
    const broken = files['deals.csv']
      .replace('Acme,Ann,web,Closed Won,10000', 'Acme,Ann,web,Closed Won,lots')
      .replace('Beta,Bob,web,Closed Won', 'Beta,Bob,web,Won')
      .replace('Zeta,Bob,web,Qualify,8000,2026-10-12,2026-11-30', 'Zeta,Bob,web,Qualify,8000,2026-10-12,soon');
    const response = await upload(deps, broken, '?file=deals');
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toBe('deals.csv was not accepted: 3 problems in the data (and 6 knock-on problems that follow from them); nothing was changed');
    expect(body.problems.map((p: { line: number; column: string }) => [p.line, p.column])).toEqual([[2, 'amount'], [3, 'stage'], [7, 'close_date']]);
    expect(body.total).toBe(3);
    expect(body.knockOns).toEqual([{
      cause: 'deals.csv',
      total: 6,
      groups: [
        { file: 'activities.csv', rule: 'refers to a missing deal', count: 4, lines: [3, 5, 12, 13] },
        { file: 'stage_history.csv', rule: 'refers to a missing deal', count: 2, lines: [2, 3] },
      ],
    }]);

    const page = await (await upload(deps, broken, '?file=deals', { Accept: 'text/html' })).text();
    expect(page.match(/<tr><td>/g)).toHaveLength(3);
    expect(page).toContain('<p>6 knock-on problems from deals.csv: references to deals that deals.csv would have defined');
    expect(page).toContain('<li>4 in activities.csv: refers to a missing deal (lines 3, 5, 12, 13)</li><li>2 in stage_history.csv: refers to a missing deal (lines 2, 3)</li>');
    expect(deps.commits).toEqual([]);
  });

  it('lists uploads and builds in the status, with the version asked for', async () => {
    const deps = memoryDeps(fixture());
    const { version } = await (await upload(deps, 'owner,period,amount\nAnn,2026-11,1\n')).json();
    await upload(deps, 'owner,period,amount\nAnn,2026-1,1\n');
    const status = await (await handleUpload(new Request(`https://site.example/api/status?version=${version}`), deps)).json();
    expect(status.uploads.map((u: UploadEntry) => [u.outcome, u.status])).toEqual([['rejected', 422], ['accepted', 202]]);
    expect(status.uploads[0].error).toBe('quotas.csv:2 period: not a month or quarter');
    expect(status.build).toMatchObject({ versions: [version], state: 'triggered' });
  });

  it('shows in the status what failed and where, never a value or a path', async () => {
    const deps = memoryDeps(fixture());
    const logged: string[] = [];
    deps.log = (line) => logged.push(line);
    await upload(deps, 'SECRET-A,foo\nx,y\n');
    await upload(deps, 'owner,period,amount,SECRET-B,SECRET-B\nAnn,2026-11,1,,\n');
    await upload(deps, 'owner,period,amount\nAnn,2026-11,1\n', '?exported=SECRET-C');
    await upload(deps, 'id,SECRET-D\nD1,x\n', '?file=deals');
    await upload(deps, 'owner,period,amount\nSECRET-E,2026-1,1\n');
    deps.store.commit = async () => {
      throw Object.assign(new Error("EACCES: permission denied, open '/srv/keepscore/data/quotas.csv'"), { code: 'EACCES' });
    };
    expect((await upload(deps, 'owner,period,amount\nAnn,2026-11,1\n')).status).toBe(500);
    const { uploads } = await (await handleUpload(new Request('https://site.example/api/status'), deps)).json();
    // The repeated SECRET-B column is read as the loader reads it (the first one): accepted, and its name is not shown.
    expect(uploads.map((u: UploadEntry) => u.status)).toEqual([500, 422, 422, 400, 202, 422]);
    const shown = JSON.stringify(uploads);
    expect(shown).not.toMatch(/SECRET|\/srv|keepscore\/data/);
    expect(uploads[0].error).toMatch(/EACCES/);
    expect(uploads[2].error).toMatch(/^deals\.csv:1: /);
    // The full text is the operator's, in the server log.
    expect(logged.join('\n')).toContain('/srv/keepscore/data/quotas.csv');
  });

});
