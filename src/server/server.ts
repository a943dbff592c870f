/**
 * The self-hosted Keepscore: one node:http server that serves the built site
 * from dist/ and the upload API (/api/upload, /api/status) through the same
 * handler as the Cloudflare Functions, with the local store and builder (or
 * github / a deploy hook, by KEEPSCORE_STORE). `startServer` is what
 * `npm start` and the tests run.
 */
import { readdir, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { githubStore, remoteRebuilder, storeKind, uploadConfig, type Env } from '../core/upload/env.ts';
import { handleUpload } from '../core/upload/handler.ts';
import { SECURITY_HEADERS } from '../core/upload/responses.ts';
import type { Rebuilder, UploadDeps, UploadStore } from '../core/upload/types.ts';
import { dataDir } from '../site/dataFolder.ts';
import { nodeAccess } from './access.ts';
import { LocalBuilder } from './localBuilder.ts';
import { HISTORY, LocalStore } from './localStore.ts';
import { sendResponse, toRequest } from './nodeHttp.ts';
import { headersFor } from './headersFile.ts';
import { RedirectRules, redirectFor } from './redirectsFile.ts';
import { HeaderRules, serveStatic, SITE_HEADERS } from './static.ts';

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
    if (!entry.isFile() || entry.name.startsWith('.')) continue;
    const path = join(entry.parentPath, entry.name);
    if (path.includes(`${HISTORY}`)) continue;
    newest = Math.max(newest, (await stat(path)).mtimeMs);
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
    if (removed.length > 0) log(`Removed ${removed.length} unfinished upload file(s) from ${dataDir}`);
    store = local;
    builder = new LocalBuilder({
      root, dataDir, distDir, command: options.buildCommand,
      // Requests wait the instant dist/ is renamed, then see the new site.
      swap: async (replace) => {
        swapping = replace().finally(() => (rules.reset(), redirects.reset()));
        await swapping.finally(() => (swapping = null));
      },
    });
    rebuild = kind === 'hook' ? remoteRebuilder({ ...env, KEEPSCORE_DEPLOY_HOOK: env.KEEPSCORE_DEPLOY_HOOK ?? '' }) : builder;
  }
  const deps: UploadDeps = { store, rebuild, config: uploadConfig(env), now: () => new Date() };
  let notBuilt = 'Run npm run build, or upload data.';
  if (builder && options.buildOnStart !== false && (await isStale(dataDir, distDir))) {
    log(`Building the site from ${dataDir} …`);
    const build = await builder.buildNow('startup');
    if (build.state === 'failed') {
      notBuilt = 'The last build failed; see /api/status.';
      log(`The build failed; the server starts anyway, /api/status has the output:\n${build.error}`);
    }
  }

  const server = createServer(async (req, res) => {
    try {
      if (await access.answered(req, res)) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (path === '/api/upload' || path === '/api/status' || path === '/api/upload/' || path === '/api/status/') {
        await sendResponse(res, await handleUpload(toRequest(req), deps), req.method === 'HEAD');
        return;
      }
      if (swapping) await swapping.catch(() => {});
      const live = await stat(join(distDir, 'index.html')).then(() => distDir, () => null);
      // The site's _redirects, as Cloudflare Pages applies them: before any file.
      const moved = live && (req.method === 'GET' || req.method === 'HEAD') ? redirectFor(await redirects.for(live), path, url.search) : null;
      if (live && moved) {
        res.writeHead(moved.status, { ...headersFor(await rules.for(live), path, SITE_HEADERS), Location: moved.location }).end();
        return;
      }
      await serveStatic(req, res, live, live ? await rules.for(live) : [], notBuilt);
    } catch {
      if (!res.headersSent) res.writeHead(500, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    }
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
