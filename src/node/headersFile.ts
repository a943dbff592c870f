/**
 * Cloudflare Pages' `_headers` file, read so the self-hosted server sends the
 * same headers as the Pages deploy. The format: a URL pattern on its own
 * line (`/*`, `/api/*`, `/reps/:slug/`), then indented `Name: value` lines
 * to add and `! Name` lines to remove; `#` starts a comment. `*` matches
 * anything, `:name` one path segment. Every matching rule applies in order;
 * a header set by two rules is joined with ", " (as Cloudflare does).
 * Absolute-URL patterns (another host) never match here.
 */

export interface HeaderRule {
  pattern: RegExp;
  set: [string, string][];
  detach: string[];
}

function patternOf(path: string): RegExp {
  const source = path
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** The rules of a `_headers` file; lines it cannot read are skipped (Cloudflare ignores them too). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | null = null;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const indented = /^\s/.test(raw);
    const line = raw.trim();
    if (!indented) {
      current = line.startsWith('/') ? { pattern: patternOf(line), set: [], detach: [] } : null;
      if (current) rules.push(current);
      continue;
    }
    if (!current) continue;
    if (line.startsWith('!')) current.detach.push(line.slice(1).trim().toLowerCase());
    else {
      const colon = line.indexOf(':');
      if (colon > 0) current.set.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** `base` headers with the rules for `path` applied: a rule's header replaces a base one, and joins another rule's. */
export function headersFor(rules: readonly HeaderRule[], path: string, base: Readonly<Record<string, string>> = {}): Record<string, string> {
  const out = new Map<string, [string, string]>(Object.entries(base).map(([k, v]) => [k.toLowerCase(), [k, v]]));
  const fromRules = new Set<string>();
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      const had = out.get(key);
      out.set(key, [name, had && fromRules.has(key) ? `${had[1]}, ${value}` : value]);
      fromRules.add(key);
    }
    for (const key of rule.detach) out.delete(key);
  }
  return Object.fromEntries([...out.values()]);
}
