/**
 * The lock between processes: real child processes take it in turns, and
 * some die holding it (process.exit without releasing, as a SIGKILL would
 * leave it), so the others must take over a stale lock while contending
 * with each other. A marker file created exclusively on entering and
 * removed on leaving catches any two holders at once.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, removeDeadLockLeftovers } from './fileLock.ts';

const dir = mkdtempSync(join(tmpdir(), 'keepscore-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LOCK_MODULE = join(import.meta.dirname, 'fileLock.ts');

/** One contender: takes the lock `rounds` times; in each, with chance `die`, exits holding it. */
function contender(lock: string, log: string, rounds: number, die: number): Promise<number | null> {
  const script = `
    import { acquireLock } from ${JSON.stringify(LOCK_MODULE)};
    import { appendFileSync, openSync, closeSync, rmSync } from 'node:fs';
    for (let i = 0; i < ${rounds}; i++) {
      const release = await acquireLock(${JSON.stringify(lock)}, 60_000);
      try { closeSync(openSync(${JSON.stringify(join(dir, 'inside'))}, 'wx')); }
      catch { appendFileSync(${JSON.stringify(log)}, 'OVERLAP\\n'); }
      appendFileSync(${JSON.stringify(log)}, 'in ' + process.pid + '\\n');
      await new Promise((r) => setTimeout(r, Math.random() * 4));
      rmSync(${JSON.stringify(join(dir, 'inside'))}, { force: true });
      if (Math.random() < ${die}) process.exit(3);
      await release();
    }`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('file lock', () => {
  it('two contending processes never both hold it, while holders die and the lock goes stale', { timeout: 120_000 }, async () => {
    const lock = join(dir, '.lock');
    const log = join(dir, 'log');
    let deaths = 0;
    // Two contenders at all times; each that dies holding the lock is replaced.
    const run = async () => {
      for (let started = 0; started < 12; started++) if ((await contender(lock, log, 15, 0.25)) === 3) deaths++;
    };
    await Promise.all([run(), run()]);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).not.toContain('OVERLAP');
    expect(deaths).toBeGreaterThan(5);
    expect(lines.length).toBeGreaterThan(40);
    // What dead holders left behind (their prepared folders) is cleared; the lock itself is taken over when next needed.
    await removeDeadLockLeftovers(lock);
    expect(readdirSync(dir).filter((n) => n.startsWith('.lock.'))).toEqual([]);
    const release = await acquireLock(lock, 5000);
    await release();
  });

  it('waits for a live holder, and says which process holds it when the wait is over', async () => {
    const lock = join(dir, 'held');
    mkdirSync(dir, { recursive: true });
    const release = await acquireLock(lock);
    await expect(acquireLock(lock, 200)).rejects.toThrow(`locked by process ${process.pid}`);
    await release();
    await (await acquireLock(lock, 200))();
  });
});
