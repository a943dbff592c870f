/**
 * The github store: the data folder lives in a GitHub repository, and an
 * accepted upload is a commit made through the REST contents API (GET
 * /repos/{owner}/{repo}/contents/{path} for the current file and its blob
 * sha; PUT the same path with base64 content, message, sha and branch). The
 * push then runs CI, which builds and deploys: git history is the version
 * store. The sha read when validating is the one sent when writing, so a
 * change made meanwhile (another upload, a person) is a 409, never lost.
 * fetch only: it runs in workerd.
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

interface Contents {
  sha: string;
  text: string;
}

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(base64: string): string {
  const binary = atob(base64.replace(/\s/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

export class GithubStore implements UploadStore {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly log = new Recent<UploadEntry>(50);
  /** Blob shas as read for the upload being checked: sent back on write. */
  private shas = new Map<string, string | null>();

  private readonly options: GithubOptions;

  constructor(options: GithubOptions) {
    this.options = options;
  }

  private url(name: string, withRef: boolean): string {
    const { api = 'https://api.github.com', repo, dir, branch } = this.options;
    const path = [...dir.split('/').filter(Boolean), ...name.split('/')].map(encodeURIComponent).join('/');
    return `${api.replace(/\/$/, '')}/repos/${repo}/contents/${path}${withRef ? `?ref=${encodeURIComponent(branch)}` : ''}`;
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

  /** A file's text and sha, or null when absent. Files over 1 MB come without content in the JSON: fetched raw then. */
  async get(name: string): Promise<Contents | null> {
    const response = await this.call(this.url(name, true));
    if (response.status === 404) return null;
    if (!response.ok) throw new StoreError(`GitHub answered ${response.status} reading ${name}`);
    const body = (await response.json()) as { type?: string; sha: string; content?: string; encoding?: string };
    if (body.type !== undefined && body.type !== 'file') return null;
    if (body.encoding === 'base64' && body.content !== undefined) return { sha: body.sha, text: fromBase64(body.content) };
    const raw = await this.call(this.url(name, true), {}, 'application/vnd.github.raw+json');
    if (!raw.ok) throw new StoreError(`GitHub answered ${raw.status} reading ${name}`);
    return { sha: body.sha, text: await raw.text() };
  }

  source(): DataSource {
    const cache = new Map<string, Promise<Contents | null>>();
    const read = (name: string) => {
      let found = cache.get(name);
      if (!found) {
        found = this.get(name).then((c) => (this.shas.set(name, c?.sha ?? null), c));
        cache.set(name, found);
      }
      return found.then((c) => c?.text ?? null);
    };
    return { readText: read, openCsv: read };
  }

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      this.shas = new Map();
      return fn();
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /** PUT one file; `sha` null creates it. A conflict (409, or 422 for a sha GitHub no longer has) is the client's to retry. */
  private async put(name: string, text: string, sha: string | null, message: string): Promise<void> {
    const body = { message, content: toBase64(text), branch: this.options.branch, ...(sha ? { sha } : {}) };
    const response = await this.call(this.url(name, false), { method: 'PUT', body: JSON.stringify(body) });
    if (response.status === 409 || (response.status === 422 && sha !== null)) {
      throw new UploadError(409, `${name} changed in the repository while this upload was checked; nothing more was written — upload again`);
    }
    if (response.status !== 200 && response.status !== 201) throw new StoreError(`GitHub answered ${response.status} writing ${name}`);
  }

  async commit(accepted: Accepted): Promise<void> {
    const summary = `${accepted.file} (${accepted.rows} rows), version ${accepted.version}`;
    for (const change of accepted.changes) {
      const sha = this.shas.has(change.name) ? this.shas.get(change.name)! : ((await this.get(change.name))?.sha ?? null);
      await this.put(change.name, change.text, sha, `Upload ${change.name}: ${summary}`);
    }
    if (accepted.snapshot) {
      const name = '.history/pipeline.jsonl';
      const current = await this.get(name);
      await this.put(name, `${current?.text ?? ''}${JSON.stringify(accepted.snapshot)}\n`, current?.sha ?? null, `Pipeline snapshot: ${summary}`);
    }
  }

  async record(entry: UploadEntry): Promise<void> {
    this.log.add(entry);
  }

  async recent(): Promise<UploadEntry[]> {
    return this.log.list();
  }
}
