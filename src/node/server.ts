/**
 * The self-hosted Keepscore: one node:http server that serves the built site
 * from dist/ and the upload API (/api/upload, /api/status) through the same
 * handler as the Cloudflare Functions, with the local store and builder (or
 * github / a deploy hook, by KEEPSCORE_STORE). `startServer` is what
 * `npm start` and the tests run.
 */
import { readdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, resolve, sep } from 'node:path';
import { githubStore, remoteRebuilder, storeKind, uploadConfig, uploadLimits, type Env } from '../core/upload/env.ts';
import { handleUpload } from '../core/upload/handler.ts';
import { SECURITY_HEADERS } from '../core/upload/responses.ts';
import type { Rebuilder, UploadDeps, UploadStore } from '../core/upload/types.ts';
import { nodeAccess, type NodeAccess } from './access.ts';
import { dataDir } from './dataFolder.ts';
import { LocalBuilder } from './localBuilder.ts';
import { LocalStore } from './localStore.ts';
import { sendResponse, targetUrl, toRequest } from './nodeHttp.ts';
import { headersFor } from './headersFile.ts';
import { RedirectRules, redirectFor } from './redirectsFile.ts';
import { HeaderRules, hrefOf, serveStatic, SITE_HEADERS, sitePath } from './static.ts';

/** The upload handler's paths (a trailing slash allowed). */
const API_PATHS = new Set(['/api/upload', '/api/status']);

/** A request's path for the log, cut short: it is the client's to make long. */
const shownTarget = (req: IncomingMessage) => (req.url ?? '').slice(0, 200);

export interface ServerOptions {
  root: string;
  dataDir: string;
  distDir: string;
  host: string;
  port: number;
  env: Env;
  /** The build command (tests); default astro build on this Node. */
  buildCommand?: string[];
  /** Whether to build first when dist/ is missing or stale (default true). */
  buildOnStart?: boolean;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  server: Server;
  deps: UploadDeps;
  /** The local builder, when the site is built here. */
  builder: LocalBuilder | null;
  store: UploadStore;
  close(): Promise<void>;
}

/** The options from the environment: HOST, PORT, KEEPSCORE_DATA, KEEPSCORE_DIST. */
export function optionsFromEnv(root: string, env: Env): ServerOptions {
  const port = Number(env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${JSON.stringify(env.PORT)}`);
  return {
    root,
    dataDir: dataDir(root, env),
    distDir: resolve(root, env.KEEPSCORE_DIST || 'dist'),
    host: env.HOST || '127.0.0.1',
    port,
    env,
  };
}

/** Newest modification time of the data folder's files (not its history), in ms; 0 when empty. */
async function newestData(dir: string): Promise<number> {
  let newest = 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    // History, the lock, temp files: anything under a dot-name is not data.
    if (!entry.isFile() || relative(dir, path).split(sep).some((segment) => segment.startsWith('.'))) continue;
    newest = Math.max(newest, (await stat(path).catch(() => ({ mtimeMs: 0 }))).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than any data file. */
export async function isStale(dataDir: string, distDir: string): Promise<boolean> {
  const built = await stat(join(distDir, 'index.html')).catch(() => null);
  return built === null || built.mtimeMs < (await newestData(dataDir));
}

/**
 * dist/ as requests see it: its _headers and _redirects, read once per
 * build, and a wait while a new build is renamed into place.
 */
class LiveSite {
  readonly rules = new HeaderRules();
  readonly redirects = new RedirectRules();
  private swapping: Promise<void> | null = null;
  readonly distDir: string;
  constructor(distDir: string) {
    this.distDir = distDir;
  }

  /** Runs `replace` (the renames); requests wait for it, then see the new site and its rules. */
  async swap(replace: () => Promise<void>): Promise<void> {
    this.swapping = replace().finally(() => (this.rules.reset(), this.redirects.reset()));
    await this.swapping.finally(() => (this.swapping = null));
  }

  /** The folder to serve once any swap is done; null before the first build. */
  async folder(): Promise<string | null> {
    if (this.swapping) await this.swapping.catch(() => {});
    return stat(join(this.distDir, 'index.html')).then(() => this.distDir, () => null);
  }
}

interface UploadSide { store: UploadStore; rebuild: Rebuilder; builder: LocalBuilder | null }

/** Where uploads go (KEEPSCORE_STORE) and what rebuilds the site; a local store first tidies what killed uploads and builds left. */
async function uploadSide(options: ServerOptions, site: LiveSite, log: (line: string) => void): Promise<UploadSide> {
  const { root, dataDir, distDir, env } = options;
  const kind = storeKind(env, 'local');
  if (kind === 'github') return { store: githubStore(env), rebuild: remoteRebuilder(env), builder: null };
  const store = new LocalStore(dataDir);
  const removed = await store.cleanUp();
  if (removed.length > 0) log(`Cleaned up after a killed upload in ${dataDir}: ${removed.join(', ')}`);
  const builder = new LocalBuilder({ root, dataDir, distDir, command: options.buildCommand, log, swap: (replace) => site.swap(replace) });
  const leftovers = await builder.cleanUp();
  if (leftovers.length > 0) log(`Removed ${leftovers.length} folder(s) left by killed builds: ${leftovers.join(', ')}`);
  const rebuild = kind === 'hook' ? remoteRebuilder({ ...env, KEEPSCORE_DEPLOY_HOOK: env.KEEPSCORE_DEPLOY_HOOK ?? '' }) : builder;
  return { store, rebuild, builder };
}

/**
 * Builds when dist/ is missing or older than the data: first when there is no
 * site to serve, else behind the previous site, so a restart on a big data
 * folder never takes the site offline for a build's length (/api/status
 * shows the "startup" build). Returns what a request for a missing site is told.
 */
async function buildIfStale(options: ServerOptions, builder: LocalBuilder | null, log: (line: string) => void): Promise<string> {
  if (!builder || options.buildOnStart === false || !(await isStale(options.dataDir, options.distDir))) return 'Run npm run build, or upload data.';
  if (await stat(join(options.distDir, 'index.html')).then(() => true, () => false)) {
    log(`Rebuilding the site from ${options.dataDir}, newer than ${options.distDir}; the previous build is served meanwhile (see /api/status) …`);
    void builder.request('startup');
    return 'Run npm run build, or upload data.';
  }
  log(`Building the site from ${options.dataDir} …`);
  const build = await builder.buildNow('startup');
  if (build.state !== 'failed') return 'Run npm run build, or upload data.';
  log(`The build failed (${build.error}); the server starts anyway.`);
  return 'The last build failed; see /api/status.';
}

/** Every request, in one place: the path decoded and normalised once, then who may read, the API, the site's redirects, its files. */
function router(site: LiveSite, deps: UploadDeps, access: NodeAccess, notBuilt: string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = targetUrl(req.url);
    const path = sitePath(url.pathname);
    // Who may read the site, before anything is served (an undecodable path is judged as /).
    if (await access.answered(req, res, path === null ? '/' : `${hrefOf(path)}${url.search}`)) return;
    if (path !== null && API_PATHS.has(path.endsWith('/') ? path.slice(0, -1) : path)) {
      await sendResponse(res, await handleUpload(toRequest(req, `${path}${url.search}`), deps, req.socket.remoteAddress ?? 'unknown'), req.method === 'HEAD');
      return;
    }
    const live = await site.folder();
    const headerRules = live ? await site.rules.for(live) : [];
    // The site's _redirects, as Cloudflare Pages applies them: before any file.
    const moved = live && path !== null && (req.method === 'GET' || req.method === 'HEAD') ? redirectFor(await site.redirects.for(live), path, url.search) : null;
    if (moved) {
      res.writeHead(moved.status, { ...headersFor(headerRules, path!, SITE_HEADERS), Location: moved.location }).end();
      return;
    }
    await serveStatic(req, res, path, live, headerRules, notBuilt);
  };
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { env, log = (line) => process.stdout.write(`${line}\n`) } = options;
  // Who may read the site (issue 15): checked before any build, so a mistake in it stops the start at once.
  const access = nodeAccess(env, options.host, log);
  const site = new LiveSite(options.distDir);
  const { store, rebuild, builder } = await uploadSide(options, site, log);
  const config = uploadConfig(env);
  const deps: UploadDeps = { store, rebuild, config, limits: uploadLimits(config), now: () => new Date(), log };
  const route = router(site, deps, access, await buildIfStale(options, builder, log));
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      // One request's fault: logged in full, a bare 500 for that request, and the server goes on.
      log(`Internal error answering ${req.method} ${shownTarget(req)}: ${(error as Error)?.stack ?? String(error)}`);
      if (!res.headersSent) res.writeHead(500, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    });
  });
  await new Promise<void>((done) => server.listen(options.port, options.host, done));
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    deps,
    builder,
    store,
    close: () => new Promise((done, fail) => {
      server.close((error) => (error ? fail(error) : done()));
      server.closeAllConnections();
    }),
  };
}
