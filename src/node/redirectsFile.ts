/**
 * Cloudflare Pages' `_redirects` file, read so the self-hosted server
 * redirects as the Pages deploy does. One rule a line: `from to [status]`
 * (status 301, 302, 303, 307 or 308; 302 when absent); `#` starts a
 * comment. In `from`, `*` matches anything (`:splat` in `to`) and `:name`
 * one path segment (`:name` in `to`). The first matching rule wins, and a
 * rule applies even where a file exists. Rewrites (status 200) and
 * absolute-URL sources are Pages features this server does not need:
 * they are skipped, as are lines it cannot read.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface RedirectRule {
  pattern: RegExp;
  to: string;
  status: number;
}

const STATUSES = new Set([301, 302, 303, 307, 308]);

function patternOf(from: string): RegExp {
  const source = from
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '(?<splat>.*)' : part.startsWith(':') ? `(?<${part.slice(1)}>[^/]+)` : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** The rules of a `_redirects` file, in order. */
export function parseRedirectsFile(text: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [from, to, code, ...rest] = line.split(/\s+/);
    const status = code === undefined ? 302 : Number(code);
    if (!from?.startsWith('/') || to === undefined || rest.length > 0 || !STATUSES.has(status)) continue;
    try {
      rules.push({ pattern: patternOf(from), to, status });
    } catch {
      // A placeholder named twice makes no regular expression: Pages would not read it either.
    }
  }
  return rules;
}

/** Where `pathname` redirects (placeholders filled in, the query kept when `to` has none), or null. */
export function redirectFor(rules: readonly RedirectRule[], pathname: string, search = ''): { location: string; status: number } | null {
  for (const rule of rules) {
    const match = rule.pattern.exec(pathname);
    if (!match) continue;
    const groups = match.groups ?? {};
    // Filled-in values come from the request: escaped segment by segment, so none adds a host, query or fragment.
    const fill = (value: string) => value.split('/').map(encodeURIComponent).join('/');
    const location = rule.to.replace(/:([A-Za-z]\w*)/g, (whole, name: string) => (groups[name] === undefined ? whole : fill(groups[name])));
    return { location: location.includes('?') ? location : location.replace(/(#|$)/, `${search}$1`), status: rule.status };
  }
  return null;
}

/** The `_redirects` rules of the built site, re-read when the site folder changes (a rebuild swaps it). */
export class RedirectRules {
  private cache: { root: string; rules: RedirectRule[] } | null = null;

  async for(root: string): Promise<RedirectRule[]> {
    if (this.cache?.root !== root) {
      const text = await readFile(join(root, '_redirects'), 'utf8').catch(() => '');
      this.cache = { root, rules: parseRedirectsFile(text) };
    }
    return this.cache.rules;
  }

  reset(): void {
    this.cache = null;
  }
}
