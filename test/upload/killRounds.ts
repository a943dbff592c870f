/**
 * SIGKILL during uploads, for the sigkill test and the upload bench: start
 * `npm start`'s entry on its own process group, send a ~20 MB deals export
 * that also moves a deal (so one upload writes stage_history.csv and
 * deals.csv and a snapshot), kill the server at a chosen moment, start it
 * again, and check the data folder: every file is entirely the version of
 * the last upload the log lists for it, the history holds exactly the
 * logged versions, and no journal is left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { fixtureText, postCsv, ROOT, TOKEN } from './helpers.ts';

export interface Running {
  child: ChildProcess;
  url: string;
}

/** `npm start`'s entry on its own process group (so a kill takes any build with it); resolves with its URL. `env` overrides (the store is a deploy hook unless told). */
export function startMain(data: string, dist: string, children: ChildProcess[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, [join(ROOT, 'src/node/main.ts')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', KEEPSCORE_DATA: data, KEEPSCORE_DIST: dist, KEEPSCORE_UPLOAD_TOKEN: TOKEN, KEEPSCORE_STORE: 'hook', KEEPSCORE_DEPLOY_HOOK: 'http://127.0.0.1:9/none', ...env },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.stderr!.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

export function kill(running: Running): void {
  try {
    process.kill(-running.child.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

const BULK = Array.from({ length: 280_000 }, (_, i) => `N${i},Deal ${i},Account ${i % 977},${i % 2 ? 'Ann' : 'Bob'},web,Qualify,${1000 + (i % 50)},2026-10-01,2026-12-01,,L${i}\n`).join('');

/** The next deals export: the live one's D6 moved to the other early stage, with ~20 MB of open deals. */
export function nextDeals(data: string, round: number): string {
  const live = readFileSync(join(data, 'deals.csv'), 'utf8');
  const qualify = live.includes('D6,Zeta trial,Zeta,Bob,web,Qualify,');
  const base = fixtureText('deals.csv').replace('D6,Zeta trial,Zeta,Bob,web,Qualify,', `D6,Zeta trial,Zeta,Bob,web,${qualify ? 'Discovery' : 'Qualify'},`);
  return base.replace('Theta add-on', `Theta add-on ${round}`) + BULK;
}

/** Sends the next export dated 2026-11-<day>; kills the server when `killWhen` resolves (if before the answer). */
export async function uploadAndKill(running: Running, data: string, round: number, killWhen: Promise<unknown>): Promise<'killed' | number> {
  const day = String(1 + (round % 28)).padStart(2, '0');
  const answer = postCsv(running.url, nextDeals(data, round), `?file=deals&exported=2026-11-${day}`).then((r) => r.status, () => null);
  const first = await Promise.race([killWhen.then(() => 'kill' as const), answer]);
  if (first === 'kill') kill(running);
  const status = await answer;
  return first === 'kill' || status === null ? 'killed' : status;
}

/** Resolves when a file whose name passes `test` appears in `dir` (fs.watch; closed when it fires). */
export function appears(dir: string, test: (name: string) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dir, (_event, name) => {
      if (name && test(name)) {
        watcher.close();
        resolve();
      }
    });
  });
}

/** Problems with the data folder after a restart; [] when it is one whole version. */
export function inconsistencies(data: string, original: Record<string, string | null>): string[] {
  const history = join(data, '.history');
  const problems: string[] = [];
  const versions = existsSync(join(history, 'uploads.jsonl'))
    ? readFileSync(join(history, 'uploads.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { version: string; files: string[] })
    : [];
  const logged = new Set(versions.map((v) => v.version));
  if (existsSync(join(history, 'pending.json'))) problems.push('a journal is left');
  const folders = existsSync(history) ? readdirSync(history, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
  for (const folder of folders) if (!logged.has(folder)) problems.push(`.history/${folder} is not in uploads.jsonl`);
  for (const version of logged) if (!folders.includes(version)) problems.push(`${version} is logged without its folder`);
  for (const [file, before] of Object.entries(original)) {
    const writer = versions.filter((v) => v.files.includes(file)).pop();
    const expected = writer ? readFileSync(join(history, writer.version, file), 'utf8') : before;
    const live = existsSync(join(data, file)) ? readFileSync(join(data, file), 'utf8') : null;
    if (live !== expected) problems.push(`${file} is not the version ${writer?.version ?? 'from before any upload'}`);
  }
  const snapshots = existsSync(join(history, 'pipeline.jsonl')) ? readFileSync(join(history, 'pipeline.jsonl'), 'utf8').split('\n').filter(Boolean) : [];
  for (const line of snapshots) if (!logged.has((JSON.parse(line) as { version: string }).version)) problems.push('a snapshot of an upload not in the log');
  return problems;
}
