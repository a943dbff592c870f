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
import { nodeAccess } from './access.ts';
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

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { root, dataDir, distDir, env, log = (line) => process.stdout.write(`${line}\n`) } = options;
  const kind = storeKind(env, 'local');
  // Who may read the site (issue 15): checked before any build, so a mistake in it stops the start at once.
  const access = nodeAccess(env, options.host, log);
  let swapping: Promise<void> | null = null;
  const rules = new HeaderRules();
  const redirects = new RedirectRules();
  let builder: LocalBuilder | null = null;
  let store: UploadStore;
  let rebuild: Rebuilder;
  if (kind === 'github') {
    store = githubStore(env);
    rebuild = remoteRebuilder(env);
  } else {
    const local = new LocalStore(dataDir);
    const removed = await local.cleanUp();
    if (removed.length > 0) log(`Cleaned up after a killed upload in ${dataDir}: ${removed.join(", ")}`);
    store = local;
    builder = new LocalBuilder({
      root, dataDir, distDir, command: options.buildCommand, log,
      // Requests wait the instant dist/ is renamed, then see the new site.
      swap: async (replace) => {
        swapping = replace().finally(() => (rules.reset(), redirects.reset()));
        await swapping.finally(() => (swapping = null));
      },
    });
    const leftovers = await builder.cleanUp();
    if (leftovers.length > 0) log(`Removed ${leftovers.length} folder(s) left by killed builds: ${leftovers.join(', ')}`);
    rebuild = kind === 'hook' ? remoteRebuilder({ ...env, KEEPSCORE_DEPLOY_HOOK: env.KEEPSCORE_DEPLOY_HOOK ?? '' }) : builder;
  }
  const config = uploadConfig(env);
  const deps: UploadDeps = { store, rebuild, config, limits: uploadLimits(config), now: () => new Date(), log };
  let notBuilt = 'Run npm run build, or upload data.';
  if (builder && options.buildOnStart !== false && (await isStale(dataDir, distDir))) {
    log(`Building the site from ${dataDir} …`);
    const build = await builder.buildNow('startup');
    if (build.state === 'failed') {
      notBuilt = 'The last build failed; see /api/status.';
      log(`The build failed (${build.error}); the server starts anyway.`);
    }
  }

  /** Every request, in one place: the path decoded and normalised once, then the API, the site's redirects, its files. */
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = targetUrl(req.url);
    const path = sitePath(url.pathname);
    // Who may read the site, before anything is served (an undecodable path is judged as /).
    if (await access.answered(req, res, path === null ? '/' : `${hrefOf(path)}${url.search}`)) return;
    if (path !== null && API_PATHS.has(path.endsWith('/') ? path.slice(0, -1) : path)) {
      await sendResponse(res, await handleUpload(toRequest(req, `${path}${url.search}`), deps, req.socket.remoteAddress ?? 'unknown'), req.method === 'HEAD');
      return;
    }
    if (swapping) await swapping.catch(() => {});
    const live = await stat(join(distDir, 'index.html')).then(() => distDir, () => null);
    const headerRules = live ? await rules.for(live) : [];
    // The site's _redirects, as Cloudflare Pages applies them: before any file.
    const moved = live && path !== null && (req.method === 'GET' || req.method === 'HEAD') ? redirectFor(await redirects.for(live), path, url.search) : null;
    if (moved) {
      res.writeHead(moved.status, { ...headersFor(headerRules, path!, SITE_HEADERS), Location: moved.location }).end();
      return;
    }
    await serveStatic(req, res, path, live, headerRules, notBuilt);
  };
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
