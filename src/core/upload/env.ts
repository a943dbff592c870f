/**
 * Reads the upload settings from an environment (process.env on Node, the
 * Pages Function's `env` on Cloudflare): one table of names for both edges.
 *
 *   KEEPSCORE_UPLOAD_TOKEN    the upload token; unset = uploads disabled
 *   KEEPSCORE_MAX_UPLOAD_MB   size limit in MB (default 50)
 *   KEEPSCORE_STORE           local | github | hook
 *   KEEPSCORE_GITHUB_REPO     owner/name          (github)
 *   KEEPSCORE_GITHUB_TOKEN    a token that may write contents (github)
 *   KEEPSCORE_GITHUB_BRANCH   default main        (github)
 *   KEEPSCORE_GITHUB_DIR      default data        (github)
 *   KEEPSCORE_GITHUB_API      default https://api.github.com
 *   KEEPSCORE_DEPLOY_HOOK     deploy hook URL     (hook; optional with github)
 */
import { GithubStore } from './github.ts';
import { CiRebuilder, HookRebuilder } from './hook.ts';
import { TokenBackoff, UploadGate } from './limits.ts';
import type { Rebuilder, UploadConfig, UploadDeps, UploadStore } from './types.ts';

export type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_MAX_MB = 50;

export function uploadConfig(env: Env): UploadConfig {
  const mb = Number(env.KEEPSCORE_MAX_UPLOAD_MB);
  return {
    token: env.KEEPSCORE_UPLOAD_TOKEN?.trim() || null,
    maxBytes: Math.round((Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_MB) * 1024 * 1024),
  };
}

/** Uploads at once, at most: enough for a team, few enough that the queue behind the lock stays short. */
export const MAX_UPLOADS_AT_ONCE = 32;

/**
 * The gate and backoff for one process: 32 uploads at once, holding at most
 * twice the size limit in body bytes (two largest uploads, or many small ones).
 */
export function uploadLimits(config: UploadConfig): UploadDeps['limits'] {
  return { gate: new UploadGate(MAX_UPLOADS_AT_ONCE, 2 * config.maxBytes), backoff: new TokenBackoff() };
}

export type StoreKind = 'local' | 'github' | 'hook';

/** The store kind asked for; an unknown one is an error the operator must see at start. */
export function storeKind(env: Env, fallback: StoreKind): StoreKind {
  const kind = (env.KEEPSCORE_STORE ?? fallback).trim().toLowerCase();
  if (kind === 'local' || kind === 'github' || kind === 'hook') return kind;
  throw new Error(`KEEPSCORE_STORE must be local, github or hook, not ${JSON.stringify(kind)}`);
}

function need(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is required when KEEPSCORE_STORE is ${env.KEEPSCORE_STORE}`);
  return value;
}

/** The github store from the environment. */
export function githubStore(env: Env, doFetch?: typeof fetch): UploadStore {
  return new GithubStore({
    repo: need(env, 'KEEPSCORE_GITHUB_REPO'),
    token: need(env, 'KEEPSCORE_GITHUB_TOKEN'),
    branch: env.KEEPSCORE_GITHUB_BRANCH?.trim() || 'main',
    dir: env.KEEPSCORE_GITHUB_DIR?.trim() || 'data',
    api: env.KEEPSCORE_GITHUB_API?.trim() || undefined,
    fetch: doFetch,
  });
}

/** A deploy hook when one is set, else CI (a github commit's push builds). */
export function remoteRebuilder(env: Env, doFetch?: typeof fetch): Rebuilder {
  const hook = env.KEEPSCORE_DEPLOY_HOOK?.trim();
  return hook ? new HookRebuilder(hook, doFetch) : new CiRebuilder();
}
