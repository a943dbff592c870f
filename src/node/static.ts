/**
 * Serves the built site as a static host does: `/x/` -> `/x/index.html`,
 * `/x` -> 301 to `/x/` when it is a folder, the site's 404.html (or a plain
 * page) otherwise; the right content types; the security headers and any
 * `_headers` rules. Nothing outside the folder is ever served.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, posix, sep } from 'node:path';
import { escapeHtml } from '../core/upload/responses.ts';
import { headersFor, parseHeadersFile, type HeaderRule } from './headersFile.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

/** The site's pages: style attributes (chart swatches) but no inline script. */
export const SITE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
};

/**
 * The request's path decoded once and normalised (`//a/./b/../c` -> `/a/c`,
 * never above `/`, a trailing slash kept): every decision — the API route,
 * redirects, headers, which file, what is hidden — is made on this one
 * string. Null when it cannot be a path of the site: a broken escape, a
 * NUL, or a backslash (which browsers read as a slash in a Location).
 */
export function sitePath(pathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return null;
  return posix.normalize(path);
}

/** A site path as a URL path again (each segment escaped): safe in a Location, always on this host. */
export function hrefOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The file a site path maps to inside `root`, or null when it would leave it. */
export function fileFor(root: string, path: string): string | null {
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/** What is never served: the host's own config files and anything hidden (a segment starting with a dot). */
function hidden(path: string): boolean {
  return path === '/_headers' || path === '/_redirects' || path.split('/').some((segment) => segment.startsWith('.'));
}

/** The `_headers` rules of the built site (public/_headers is copied into dist/), re-read when the site changes. */
export class HeaderRules {
  private cache: { root: string; rules: HeaderRule[] } | null = null;

  async for(root: string): Promise<HeaderRule[]> {
    if (this.cache?.root !== root) {
      const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
      this.cache = { root, rules: parseHeadersFile(text) };
    }
    return this.cache.rules;
  }

  reset(): void {
    this.cache = null;
  }
}

/** Serves `path` (a sitePath, or null for one that cannot be) from the built site `root`. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string | null, root: string | null, rules: HeaderRule[], notBuilt: string): Promise<void> {
  const headers = headersFor(rules, path ?? '/', SITE_HEADERS);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  if (root === null) {
    res.writeHead(503, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '30' });
    res.end(`<!doctype html><title>Keepscore</title><h1>The site is not built yet</h1><p>${escapeHtml(notBuilt)}</p>`);
    return;
  }
  const file = path === null || hidden(path) ? null : fileFor(root, path);
  const info = file ? await stat(file).catch(() => null) : null;
  if (path !== null && info?.isDirectory()) {
    res.writeHead(301, { ...headers, Location: hrefOf(`${path}/`) }).end();
    return;
  }
  if (!file || !info?.isFile()) {
    const page = await readFile(join(root, '404.html')).catch(() => Buffer.from('<!doctype html><title>Not found</title><h1>Not found</h1><p><a href="/">Keepscore</a></p>\n'));
    res.writeHead(404, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': page.length });
    res.end(req.method === 'HEAD' ? undefined : page);
    return;
  }
  // no-cache unless _headers says otherwise (hashed /_astro/ assets are immutable).
  res.writeHead(200, { 'Cache-Control': 'no-cache', ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': info.size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
