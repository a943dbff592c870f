/**
 * `npm run bench:upload`: the upload server's figures under abuse, on
 * `npm start`'s real process (127.0.0.1 only), medians where repeated:
 *
 *  1. RSS the server adds while 10 forms of 49 MB with a wrong token arrive
 *     at once, from 10 loopback addresses (127.0.0.2…, so the wrong-token
 *     backoff does not cut them short) — token first, as the form sends
 *     it, and file first, as an attacker might;
 *  2. the time to answer a 50 MB body of one line (no newline), and the
 *     slowest GET / answered meanwhile;
 *  3. SIGKILLs at random moments of a ~20 MB two-file upload: how many
 *     left one whole version after the restart;
 *  4. on the sample data, an upload until its new numbers are served: from
 *     the POST to the first /api/kpis answer that shows them (the rebuild).
 *
 * Options: --kills N (default 20), --runs N (default 3).
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { fixtureText, postCsv, repeat, ROOT, serverFolders, TOKEN, waitFor } from './helpers.ts';
import { inconsistencies, kill, startMain, uploadAndKill, type Running } from './killRounds.ts';
import { median } from '../../src/cli/median.ts';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const KILLS = arg('kills', 20);
const RUNS = arg('runs', 3);
const MB = 1 << 20;

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const line = status.split('\n').find((l) => l.startsWith('VmRSS:')) ?? 'VmRSS: 0 kB';
  return Number(line.split(/\s+/)[1]) * 1024;
}

/** POSTs `chunks` from `localAddress`, chunked; resolves with the status (0 when the connection broke). */
function post(url: string, headers: Record<string, string>, chunks: Iterable<Uint8Array | string>, localAddress?: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${url}/api/upload`, { method: 'POST', headers: { Accept: 'application/json', ...headers }, localAddress });
    let done = false;
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => ((done = true), resolve(res.statusCode ?? 0)));
    });
    req.on('error', () => !done && resolve(0));
    void (async () => {
      for (const chunk of chunks) {
        if (done || req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r).once('close', r));
      }
      req.end();
    })();
  });
}

const B = 'bench-boundary';
const part = (name: string, value: string, file?: string) =>
  `--${B}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\nContent-Type: text/csv` : ''}\r\n\r\n${value}\r\n`;

/** Peak RSS added while 10 wrong-token forms of 49 MB arrive at once; the statuses they got. */
async function wrongTokenForms(running: Running, tokenFirst: boolean): Promise<{ added: number; statuses: number[] }> {
  const pid = running.child.pid!;
  const before = rssOf(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
  const chunk = new Uint8Array(MB).fill(0x61);
  const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => {
    const token = part('token', `wrong-${i}-${Date.now()}`);
    const file = part('file', '', 'big.csv').slice(0, -2);
    const body = tokenFirst ? [token, file, ...repeat(chunk, 49), `\r\n--${B}--\r\n`] : [file, ...repeat(chunk, 49), `\r\n${token}--${B}--\r\n`];
    return post(running.url, { 'Content-Type': `multipart/form-data; boundary=${B}`, 'Transfer-Encoding': 'chunked' }, body, `127.0.0.${2 + i}`);
  }));
  clearInterval(sampler);
  return { added: peak - before, statuses };
}

/** Time to answer 50 MB of one line, and the slowest GET / meanwhile. */
async function singleLine(running: Running): Promise<{ seconds: number; status: number; slowestGet: number }> {
  const line = new TextEncoder().encode(`id,${'x'.repeat(50_000_000 - 3)}`);
  const started = performance.now();
  let answered = false;
  let slowestGet = 0;
  const probe = (async () => {
    while (!answered) {
      const t = performance.now();
      await fetch(`${running.url}/`).then((r) => r.arrayBuffer());
      slowestGet = Math.max(slowestGet, performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const status = await post(running.url, { 'Content-Type': 'text/csv', Authorization: `Bearer ${TOKEN}` }, [line], '127.0.0.20');
  answered = true;
  const seconds = (performance.now() - started) / 1000;
  await probe;
  return { seconds, status, slowestGet: slowestGet / 1000 };
}

/** The sample as `npm start` serves it; each round uploads deals.csv with one won deal's amount changed and waits for the new KPI JSON. */
async function uploadToServed(children: ChildProcess[]): Promise<number[]> {
  const folders = serverFolders('bench-served');
  rmSync(folders.data, { recursive: true });
  rmSync(folders.dist, { recursive: true });
  cpSync(join(ROOT, 'data'), folders.data, { recursive: true });
  // The local store: an upload rebuilds the site here, as `npm start` does by default.
  const running = await startMain(folders.data, folders.dist, children, { KEEPSCORE_STORE: 'local' });
  const json = `${running.url}/api/kpis/2026-11.json`;
  const answer = async () => {
    const response = await fetch(json);
    return response.ok ? response.text() : undefined;
  };
  try {
    let before = await waitFor(answer, 300_000, 500);
    const seconds: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const lines = readFileSync(join(folders.data, 'deals.csv'), 'utf8').split('\n');
      const won = lines.findIndex((l) => l.startsWith('D-01681,'));
      lines[won] = lines[won].replace(/,Closed Won,(\d+),/, (_, amount: string) => `,Closed Won,${Number(amount) + 100},`);
      const deals = lines.join('\n');
      const started = performance.now();
      const status = (await postCsv(running.url, deals, '?file=deals&exported=2026-11-27')).status;
      if (status !== 202) throw new Error(`the upload answered ${status}`);
      before = await waitFor(async () => {
        const now = await answer();
        return now !== undefined && now !== before ? now : undefined;
      }, 300_000, 100);
      seconds.push((performance.now() - started) / 1000);
    }
    return seconds;
  } finally {
    kill(running);
    rmSync(folders.dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const children: ChildProcess[] = [];
  const folders = serverFolders('bench-upload');
  try {
    let running = await startMain(folders.data, folders.dist, children);
    for (const tokenFirst of [true, false]) {
      const runs = [];
      for (let r = 0; r < RUNS; r++) runs.push(await wrongTokenForms(running, tokenFirst));
      const added = median(runs.map((x) => x.added)) / MB;
      console.log(`10 parallel 49 MB forms, wrong token, ${tokenFirst ? 'token first' : 'file first'}: +${added.toFixed(1)} MB RSS (median of ${RUNS}; runs ${runs.map((x) => (x.added / MB).toFixed(0)).join(', ')} MB), answers ${[...new Set(runs.flatMap((x) => x.statuses))].join('/')}`);
    }
    const lines = [];
    for (let r = 0; r < RUNS; r++) lines.push(await singleLine(running));
    console.log(`50 MB single line: answered ${[...new Set(lines.map((x) => x.status))].join('/')} in ${median(lines.map((x) => x.seconds)).toFixed(2)} s (median of ${RUNS}); slowest GET / meanwhile ${Math.max(...lines.map((x) => x.slowestGet)).toFixed(2)} s`);

    const original = { 'deals.csv': fixtureText('deals.csv'), 'stage_history.csv': null };
    let survived = 0;
    let killed = 0;
    for (let k = 0; k < KILLS; k++) {
      const outcome = await uploadAndKill(running, folders.data, k, new Promise((r) => setTimeout(r, Math.random() * 5000)));
      if (outcome === 'killed') killed++;
      else kill(running);
      running = await startMain(folders.data, folders.dist, children);
      const problems = inconsistencies(folders.data, original);
      if (problems.length === 0) survived++;
      else console.log(`  kill ${k + 1}: ${problems.join('; ')}`);
    }
    console.log(`SIGKILL at random moments of a two-file upload: ${survived} of ${KILLS} restarts found one whole version (${killed} kills landed mid-upload, the rest after its answer)`);
    kill(running);
    const served = await uploadToServed(children);
    console.log(`Sample data, an upload until its new numbers are served (POST to the first new /api/kpis answer): ${median(served).toFixed(1)} s (median of ${RUNS}; runs ${served.map((x) => x.toFixed(1)).join(', ')} s)`);
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) kill({ child, url: '' });
    rmSync(folders.dir, { recursive: true, force: true });
  }
}

await main();
