/**
 * A writer killed with SIGKILL in the middle of a large upload (while the
 * body streams in, and the instant its temp file appears in the data
 * folder) leaves the data folder old or new, never partial; a restarted
 * server clears the leftovers, takes over the stale lock and accepts uploads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fixtureText, postCsv, ROOT, serverFolders, TOKEN } from './helpers.ts';

const { dir, data, dist } = serverFolders('upload-sigkill');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
  rmSync(dir, { recursive: true, force: true });
});

/** `npm start`'s entry on its own process group (so a kill takes any build with it); resolves with its URL. */
function start(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', KEEPSCORE_DATA: data, KEEPSCORE_DIST: dist, KEEPSCORE_UPLOAD_TOKEN: TOKEN, KEEPSCORE_STORE: 'local' },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const OLD = fixtureText('deals.csv');
/** ~20 MB of valid deals: the fixture's eight, then open deals of the same reps. */
const NEW = OLD + Array.from({ length: 280_000 }, (_, i) => `N${i},Deal ${i},Account ${i % 977},${i % 2 ? 'Ann' : 'Bob'},web,Qualify,${1000 + (i % 50)},2026-10-01,2026-12-01,,L${i}\n`).join('');

function dealsNow(): 'old' | 'new' | 'partial' {
  const text = readFileSync(join(data, 'deals.csv'), 'utf8');
  return text === OLD ? 'old' : text === NEW ? 'new' : 'partial';
}

it('SIGKILL mid-upload leaves the data old or new, never partial; a restart recovers', { timeout: 180_000 }, async () => {
  const outcomes: string[] = [];

  // 1. Killed while the body is still streaming in.
  let { child, url } = await start();
  const during = postCsv(url, NEW, '?file=deals').catch(() => null);
  await new Promise((resolve) => setTimeout(resolve, 30));
  process.kill(-child.pid!, 'SIGKILL');
  await during;
  outcomes.push(dealsNow());

  // 2. Killed the instant its temp file appears: the write of the new data is under way.
  ({ child, url } = await start());
  const seen = new Promise<void>((resolve) => {
    const watcher = watch(data, (_event, name) => {
      if (name && /\.upload-\d+-[0-9a-f]+\.tmp$/.test(name)) {
        process.kill(-child.pid!, 'SIGKILL');
        watcher.close();
        resolve();
      }
    });
  });
  const writing = postCsv(url, NEW, '?file=deals').then((r) => r.status, () => null);
  const first = await Promise.race([seen.then(() => 'temp file'), writing.then(() => 'answer')]);
  await writing;
  expect(first, 'the kill came while the new file was being written').toBe('temp file');
  outcomes.push(dealsNow());
  expect(outcomes).not.toContain('partial');
  console.log(`after SIGKILL: ${outcomes.join(', ')}`);

  // 3. A restart clears what the killed writer left and takes uploads again.
  ({ child, url } = await start());
  expect(readdirSync(data).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  const response = await postCsv(url, OLD.replace('Closed Lost,5000', 'Closed Lost,5001'), '?file=deals');
  expect(response.status).toBe(202);
  process.kill(-child.pid!, 'SIGKILL');
});
