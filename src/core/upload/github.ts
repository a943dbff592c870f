/**
 * The github store: the data folder lives in a GitHub repository, and an
 * accepted upload is ONE commit made through the Git data API, whatever
 * number of files it writes (REST docs, "Git database"):
 *
 *   GET  /repos/{o}/{r}/git/ref/heads/{branch}   the branch's commit      (when the upload starts)
 *   GET  /repos/{o}/{r}/git/commits/{sha}        that commit's tree
 *   GET  /repos/{o}/{r}/contents/{path}?ref={sha} the files, as of that commit (raw past 1 MB)
 *   POST /repos/{o}/{r}/git/blobs                one blob per file
 *   POST /repos/{o}/{r}/git/trees                one tree: the commit's, with those files
 *   POST /repos/{o}/{r}/git/commits              one commit, its parent the commit read
 *   PATCH /repos/{o}/{r}/git/refs/heads/{branch} the branch moved to it, never forced
 *
 * The data is validated as of one commit and the branch only moves from
 * that commit, so a change pushed meanwhile (another upload, a person)
 * makes GitHub refuse the move (422, not a fast forward): a 409 for the
 * client, nothing written. The push then runs CI, which builds and
 * deploys: git history is the version store. fetch only: it runs in workerd.
 */
import type { DataSource } from '../ingest/dataset.ts';
import { StoreError, UploadError } from './body.ts';
import { Recent } from './recent.ts';
import type { Accepted, UploadEntry, UploadStore } from './types.ts';

export interface GithubOptions {
  /** `owner/name`. */
  repo: string;
  token: string;
  branch: string;
  /** The data folder in the repository, e.g. `data`. */
  dir: string;
  /** API root; `https://api.github.com` unless testing. */
  api?: string;
  fetch?: typeof fetch;
}

/** Base64 of UTF-8 text, in slices (String.fromCharCode takes a bounded number of arguments). */
function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64.replace(/\s/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The commit an upload was checked against, and its tree. */
interface Base {
  commit: string;
  tree: string;
}

export class GithubStore implements UploadStore {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly log = new Recent<UploadEntry>(50);
  /** The branch's commit when the upload being checked started: read from, committed on. */
  private base: Promise<Base> | null = null;

  private readonly options: GithubOptions;

  constructor(options: GithubOptions) {
    this.options = options;
  }

  private get root(): string {
    const { api = 'https://api.github.com', repo } = this.options;
    return `${api.replace(/\/$/, '')}/repos/${repo}`;
  }

  /** A data file's path in the repository. */
  private path(name: string): string {
    return [...this.options.dir.split('/').filter(Boolean), ...name.split('/')].join('/');
  }

  private async call(url: string, init: RequestInit = {}, accept = 'application/vnd.github+json'): Promise<Response> {
    const doFetch = this.options.fetch ?? fetch;
    return doFetch(url, {
      ...init,
      headers: {
        Accept: accept,
        Authorization: `Bearer ${this.options.token}`,
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': 'keepscore-upload',
        ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      },
    });
  }

  /** A JSON call that must answer `expected`; anything else is a StoreError naming what was being done. */
  private async send<T>(what: string, url: string, init: RequestInit, expected: number): Promise<T> {
    const response = await this.call(url, init);
    if (response.status !== expected) {
      await response.body?.cancel();
      throw new StoreError(`GitHub answered ${response.status} ${what}`);
    }
    return (await response.json()) as T;
  }

  private async readBase(): Promise<Base> {
    const branch = encodeURIComponent(this.options.branch);
    const ref = await this.send<{ object: { sha: string } }>('reading the branch', `${this.root}/git/ref/heads/${branch}`, {}, 200);
    const commit = await this.send<{ tree: { sha: string } }>('reading the branch\'s commit', `${this.root}/git/commits/${ref.object.sha}`, {}, 200);
    return { commit: ref.object.sha, tree: commit.tree.sha };
  }

  /**
   * A file's bytes as of `commit`, or null when absent: the loader decodes
   * them (a Windows-1252 export committed by hand reads as it does in the
   * build). Files over 1 MB come without content in the JSON: fetched raw then.
   */
  async get(name: string, commit: string): Promise<Uint8Array | null> {
    const url = `${this.root}/contents/${this.path(name).split('/').map(encodeURIComponent).join('/')}?ref=${commit}`;
    const response = await this.call(url);
    if (response.status === 404) return null;
    if (!response.ok) throw new StoreError(`GitHub answered ${response.status} reading ${name}`);
    const body = (await response.json()) as { type?: string; content?: string; encoding?: string };
    if (body.type !== undefined && body.type !== 'file') return null;
    if (body.encoding === 'base64' && body.content !== undefined) return fromBase64(body.content);
    const raw = await this.call(url, {}, 'application/vnd.github.raw+json');
    if (!raw.ok) throw new StoreError(`GitHub answered ${raw.status} reading ${name}`);
    return new Uint8Array(await raw.arrayBuffer());
  }

  source(): DataSource {
    const cache = new Map<string, Promise<Uint8Array | null>>();
    const read = (name: string) => {
      let found = cache.get(name);
      if (!found) {
        this.base ??= this.readBase();
        found = this.base.then((base) => this.get(name, base.commit));
        cache.set(name, found);
      }
      return found;
    };
    // The config is JSON in UTF-8; CSV files go to the loader as bytes.
    const readText = async (name: string) => {
      const bytes = await read(name);
      return bytes === null ? null : new TextDecoder().decode(bytes);
    };
    return { readText, openCsv: read };
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      this.base = null;
      return fn();
    });
    this.queue = run.catch(() => {});
    return run;
  }

  async commit(accepted: Accepted): Promise<void> {
    const base = await (this.base ??= this.readBase());
    const files = accepted.changes.map((c) => ({ name: c.name, text: c.text }));
    if (accepted.snapshot) {
      const name = '.history/pipeline.jsonl';
      const before = await this.get(name, base.commit);
      files.push({ name, text: `${before === null ? '' : new TextDecoder().decode(before)}${JSON.stringify(accepted.snapshot)}\n` });
    }
    const tree = [];
    for (const file of files) {
      const blob = await this.send<{ sha: string }>(`writing ${file.name}`, `${this.root}/git/blobs`, { method: 'POST', body: JSON.stringify({ content: toBase64(file.text), encoding: 'base64' }) }, 201);
      tree.push({ path: this.path(file.name), mode: '100644', type: 'blob', sha: blob.sha });
    }
    const made = await this.send<{ sha: string }>('writing the tree', `${this.root}/git/trees`, { method: 'POST', body: JSON.stringify({ base_tree: base.tree, tree }) }, 201);
    const message = `Upload ${accepted.file} (${accepted.rows} rows), version ${accepted.version}\n\nFiles: ${files.map((f) => f.name).join(', ')}`;
    const commit = await this.send<{ sha: string }>('writing the commit', `${this.root}/git/commits`, { method: 'POST', body: JSON.stringify({ message, tree: made.sha, parents: [base.commit] }) }, 201);
    const moved = await this.call(`${this.root}/git/refs/heads/${encodeURIComponent(this.options.branch)}`, { method: 'PATCH', body: JSON.stringify({ sha: commit.sha, force: false }) });
    await moved.body?.cancel();
    if (moved.status === 422 || moved.status === 409) {
      throw new UploadError(409, `the repository's ${this.options.branch} branch changed while this upload was checked; nothing was written — upload again`);
    }
    if (moved.status !== 200) throw new StoreError(`GitHub answered ${moved.status} moving the branch`);
  }

  async record(entry: UploadEntry): Promise<void> {
    this.log.add(entry);
  }

  async recent(): Promise<UploadEntry[]> {
    return this.log.list();
  }
}
