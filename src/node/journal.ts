/**
 * One upload is one version, whole or not at all, whenever the process is
 * killed. A version is written in three steps:
 *
 *  1. staged: every new file, complete and synced, in `.history/<version>/`
 *     (the data folder is not touched yet);
 *  2. committed: `.history/pending.json` names the version and its files,
 *     written atomically — the one moment the upload happens;
 *  3. applied: each file linked in and renamed over the live one, the
 *     version appended to `uploads.jsonl` (and its snapshot to
 *     `pipeline.jsonl`), then the journal removed.
 *
 * Killed before step 2, the next start removes the staged folder (rolled
 * back: the data is the old version); killed after it, the next start (or
 * the next upload) applies the journal again, which changes nothing that is
 * already done (rolled forward: the data is the new version). Every step of
 * applying is repeatable.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, copyFile, link, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './writeFileAtomic.ts';
import type { PipelineSnapshot } from '../core/upload/history.ts';
import type { Accepted } from '../core/upload/types.ts';

export const HISTORY = '.history';
const JOURNAL = 'pending.json';
const UPLOADS = 'uploads.jsonl';

/** What `pending.json` holds: enough to finish the version without anything else. */
interface Pending {
  version: string;
  at: string;
  kind: string;
  file: string;
  rows: number;
  files: string[];
  snapshot: PipelineSnapshot | null;
}

/** Hard link, or a copy where the file system has none. */
async function keep(from: string, to: string): Promise<void> {
  await link(from, to).catch(() => copyFile(from, to));
}

async function writeSynced(path: string, text: string): Promise<void> {
  const handle = await open(path, 'w', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  await handle?.sync().catch(() => {});
  await handle?.close();
}

/** The lines of a JSON-lines log; a line cut short by a kill is skipped. */
async function jsonLines(path: string): Promise<{ version?: string }[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.split('\n').flatMap((line) => {
    try {
      return line ? [JSON.parse(line) as { version?: string }] : [];
    } catch {
      return [];
    }
  });
}

/** Appends `value` as a line unless a line of `version` is there already (after a cut-short line, on a line of its own). */
async function appendOnce(path: string, version: string, value: object): Promise<void> {
  if ((await jsonLines(path)).some((line) => line.version === version)) return;
  const text = await readFile(path, 'utf8').catch(() => '');
  await appendFile(path, `${text === '' || text.endsWith('\n') ? '' : '\n'}${JSON.stringify(value)}\n`);
}

export class VersionJournal {
  readonly dataDir: string;
  private readonly history: string;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.history = join(dataDir, HISTORY);
  }

  /** Steps 1–3 for one accepted upload; names are plain file names (checked by the store). */
  async write(accepted: Accepted): Promise<void> {
    const versionDir = join(this.history, accepted.version);
    await mkdir(versionDir, { recursive: true });
    for (const change of accepted.changes) {
      const live = join(this.dataDir, change.name);
      const before = await stat(live).catch(() => null);
      // Only a file no upload wrote (no link into history) needs keeping as it was.
      if (before?.isFile() && before.nlink === 1) {
        await mkdir(join(versionDir, 'previous'), { recursive: true });
        await keep(live, join(versionDir, 'previous', change.name)).catch((error) => (error.code === 'EEXIST' ? undefined : Promise.reject(error)));
      }
      await writeSynced(join(versionDir, change.name), change.text);
    }
    await syncDir(versionDir);
    const { version, at, kind, file, rows, snapshot } = accepted;
    const pending: Pending = { version, at, kind, file, rows, files: accepted.changes.map((c) => c.name), snapshot };
    await writeFileAtomic(join(this.history, JOURNAL), JSON.stringify(pending), { tag: 'journal' });
    await this.apply(pending);
  }

  /** Finishes a committed version left by a killed process, and removes staged versions never committed. */
  async recover(): Promise<{ rolledForward: string | null; rolledBack: string[] }> {
    const pending = await this.pending();
    if (pending) await this.apply(pending);
    const logged = new Set((await this.versions()).map((v) => v.version));
    const rolledBack: string[] = [];
    for (const entry of await readdir(this.history, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory() || logged.has(entry.name)) continue;
      await rm(join(this.history, entry.name), { recursive: true, force: true });
      rolledBack.push(entry.name);
    }
    return { rolledForward: pending?.version ?? null, rolledBack };
  }

  /** The committed version not yet applied, if any. */
  async pending(): Promise<Pending | null> {
    const text = await readFile(join(this.history, JOURNAL), 'utf8').catch(() => null);
    return text === null ? null : (JSON.parse(text) as Pending);
  }

  /** The accepted versions, oldest first. */
  async versions(): Promise<{ version: string; files: string[] }[]> {
    return (await jsonLines(join(this.history, UPLOADS))) as { version: string; files: string[] }[];
  }

  /** Step 3, repeatable: a file already in place and a line already logged are left as they are. */
  private async apply(pending: Pending): Promise<void> {
    const versionDir = join(this.history, pending.version);
    for (const name of pending.files) {
      const staged = join(versionDir, name);
      const live = join(this.dataDir, name);
      const [a, b] = await Promise.all([stat(staged), stat(live).catch(() => null)]);
      if (b && a.ino === b.ino && a.dev === b.dev) continue;
      const temp = join(this.dataDir, `.${name}.upload-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      await keep(staged, temp);
      await rename(temp, live);
    }
    await syncDir(this.dataDir);
    const { version, at, kind, file, rows, files, snapshot } = pending;
    await appendOnce(join(this.history, UPLOADS), version, { version, at, kind, file, rows, files });
    if (snapshot) await appendOnce(join(this.history, 'pipeline.jsonl'), version, snapshot);
    await rm(join(this.history, JOURNAL), { force: true });
    await syncDir(this.history);
  }
}
