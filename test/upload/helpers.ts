/**
 * Shared by the upload suites: a copy of the tiny fixture as a data folder,
 * the fixture's built site (the run's shared build, test/siteBuilds.ts),
 * the real server on 127.0.0.1, and a byte-for-byte picture of a folder.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { ROOT } from '../astroBuild.ts';
import { fixtureSite } from '../siteBuilds.ts';
import { startServer, type RunningServer } from '../../src/node/server.ts';

export { ROOT };
export const FIXTURE = join(ROOT, 'test/fixtures/tiny');
export const TOKEN = 'test-token-7Qx-42';
/** A build that only writes an index page: for tests about the store, not the site. */
export const FAKE_BUILD = [process.execPath, join(ROOT, 'test/upload/fakeBuild.mjs')];

/** Every file under `dir` (recursive) -> its bytes as hex-free base64, for "byte-identical" checks. */
export function snapshotFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = readFileSync(path).toString('base64');
  }
  return out;
}

/** A fresh folder inside the project (builds there never share astro's cache with another build). */
export function tempDir(name: string): string {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  return mkdtempSync(join(ROOT, '.cache', `${name}-`));
}

/** The tiny fixture's built site, shared by the run (read only: copy it before changing it); throws when it does not build. */
export async function tinySite(): Promise<string> {
  const site = await fixtureSite('tiny');
  if (site.code !== 0) throw new Error(site.output);
  return site.dir;
}

export interface Setup {
  dir: string;
  data: string;
  dist: string;
  server: RunningServer;
  cleanup(): Promise<void>;
}

/** A data folder (the tiny fixture), a dist/ (the built fixture, newer than the data), and the server over them. */
export async function setup(name: string, env: Record<string, string> = {}, options: { build?: 'real' | 'fake'; site?: boolean } = {}): Promise<Setup> {
  const dir = tempDir(name);
  const data = join(dir, 'data');
  const dist = join(dir, 'dist');
  cpSync(FIXTURE, data, { recursive: true });
  if (options.site !== false) {
    cpSync(await tinySite(), dist, { recursive: true });
    const later = new Date(Date.now() + 1000);
    utimesSync(join(dist, 'index.html'), later, later);
  }
  const server = await startServer({
    root: ROOT, dataDir: data, distDir: dist, host: '127.0.0.1', port: 0,
    env: { KEEPSCORE_UPLOAD_TOKEN: TOKEN, ...env },
    buildCommand: options.build === 'fake' ? FAKE_BUILD : undefined,
    log: () => {},
  });
  return {
    dir, data, dist, server,
    async cleanup() {
      await server.close();
      await server.builder?.idle();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** POSTs a CSV body with the token. */
export function postCsv(url: string, csv: string | Uint8Array<ArrayBuffer>, query = '', headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/upload${query}`, {
    method: 'POST',
    body: csv,
    headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${TOKEN}`, Accept: 'application/json', ...headers },
  });
}

/** Polls until `check` returns a value (not undefined) or `ms` pass. */
export async function waitFor<T>(check: () => Promise<T | undefined>, ms: number, every = 250): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURE, name), 'utf8');
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A POST through node:http, for what fetch will not send: a chunked body of
 * the given chunks (no Content-Length), or a client that hangs up after
 * `abortAfter` bytes. Resolves with the answer, or null when the connection
 * ended without one (a reset after we hung up is not an error here).
 */
export function rawPost(url: string, options: { path?: string; headers?: Record<string, string>; chunks: Iterable<Uint8Array | string>; abortAfter?: number }): Promise<RawAnswer | null> {
  return new Promise((resolve) => {
    const target = new URL(options.path ?? '/api/upload', url);
    const req = request(target, { method: 'POST', headers: { Accept: 'application/json', ...options.headers } });
    let settled = false;
    const done = (answer: RawAnswer | null) => {
      if (!settled) resolve(answer);
      settled = true;
    };
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', () => done(null));
    });
    req.on('error', () => done(null));
    void (async () => {
      let sent = 0;
      for (const chunk of options.chunks) {
        if (settled || req.destroyed) return;
        if (options.abortAfter !== undefined && sent >= options.abortAfter) {
          req.destroy();
          return done(null);
        }
        sent += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
        // Wait for the socket when it asks us to: a real client's pace, and flat memory here.
        if (!req.write(chunk)) await new Promise((resolve) => req.once('drain', resolve).once('close', resolve));
      }
      req.end();
    })();
  });
}

/** `count` copies of `chunk`, lazily. */
export function* repeat<T>(chunk: T, count: number): Generator<T> {
  for (let i = 0; i < count; i++) yield chunk;
}

/** A data folder (the tiny fixture) and a one-page dist/ newer than it: `npm start` serves at once, without a build. */
export function serverFolders(name: string): { dir: string; data: string; dist: string } {
  const dir = tempDir(name);
  const data = join(dir, 'data');
  const dist = join(dir, 'dist');
  cpSync(FIXTURE, data, { recursive: true });
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>site</title><p>the site</p>\n');
  const later = new Date(Date.now() + 5000);
  utimesSync(join(dist, 'index.html'), later, later);
  return { dir, data, dist };
}
