/**
 * A lock file so two processes on one data folder never write at once (the
 * in-process queue already orders uploads within one server). The file holds
 * the owner's pid; a lock whose owner is gone (killed mid-upload) is stale
 * and taken over, so a crash never locks uploads out for good.
 */
import { open, readFile, rm } from 'node:fs/promises';

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `fn` holding the lock file `path`; waits up to `timeoutMs` for another holder. */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o644);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(path, 'utf8').catch(() => ''));
      if (owner !== process.pid && !alive(owner)) {
        // Stale (its process is gone) or half-written: remove and try again.
        await rm(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the data folder is locked by process ${owner}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(path, { force: true });
  }
}

export { alive as processAlive };
