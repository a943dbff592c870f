/**
 * Rebuild triggers that build elsewhere: a deploy hook (Cloudflare Pages,
 * Netlify and Vercel all take a bare POST to a secret URL), or CI, which a
 * github-store commit starts by itself. The hook URL is a secret: it never
 * appears in the status. fetch only: it runs in workerd.
 */
import { Recent } from './recent.ts';
import type { BuildEntry, Rebuilder } from './types.ts';

function entryFor(version: string, now: Date): BuildEntry {
  const at = now.toISOString();
  return { id: `deploy-${version}`, versions: [version], state: 'triggered', started: at, finished: at, durationMs: 0, error: null };
}

export class HookRebuilder implements Rebuilder {
  private readonly log = new Recent<BuildEntry>(50);

  private readonly url: string;
  private readonly doFetch: typeof fetch;

  constructor(url: string, doFetch: typeof fetch = fetch) {
    this.url = url;
    this.doFetch = doFetch;
  }

  async request(version: string): Promise<void> {
    const started = Date.now();
    const entry = entryFor(version, new Date(started));
    this.log.add(entry);
    try {
      const response = await this.doFetch(this.url, { method: 'POST', headers: { 'User-Agent': 'keepscore-upload' } });
      await response.body?.cancel();
      if (!response.ok) Object.assign(entry, { state: 'failed', error: `the deploy hook answered ${response.status}` });
    } catch (error) {
      Object.assign(entry, { state: 'failed', error: `the deploy hook could not be reached (${(error as Error).name})` });
    }
    entry.durationMs = Date.now() - started;
    entry.finished = new Date().toISOString();
  }

  async recent(): Promise<BuildEntry[]> {
    return this.log.list();
  }
}

/** The github store's push runs CI: nothing to call, only a line in the status. */
export class CiRebuilder implements Rebuilder {
  private readonly log = new Recent<BuildEntry>(50);

  async request(version: string): Promise<void> {
    this.log.add(entryFor(version, new Date()));
  }

  async recent(): Promise<BuildEntry[]> {
    return this.log.list();
  }
}
