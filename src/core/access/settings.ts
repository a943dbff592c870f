/**
 * Who may read the site, from an environment (process.env on Node, the Pages
 * Function's `env` on Cloudflare): one table of names for both edges.
 *
 *   KEEPSCORE_ACCESS          password | cloudflare-access | public
 *   KEEPSCORE_VIEW_PASSWORD   the team password (password; 12 characters or more)
 *   KEEPSCORE_SESSION_SECRET  the key that signs sessions (password; optional)
 *   KEEPSCORE_SESSION_HOURS   how long a login lasts, default 168 (a week)
 *   KEEPSCORE_ACCESS_TEAM     the Cloudflare Zero Trust team (cloudflare-access)
 *   KEEPSCORE_ACCESS_AUD      the Access application's audience tag (cloudflare-access)
 *
 * Private by default: with no mode set, a Node server listening on loopback
 * only answers requests made on this machine (a first look at the sample),
 * and every other deployment answers every request with a setup page.
 */
import { uploadConfig, type Env } from '../upload/env.ts';

export const MODES = ['password', 'cloudflare-access', 'public'] as const;
export type AccessMode = (typeof MODES)[number];

export const MIN_PASSWORD = 12;
export const DEFAULT_SESSION_HOURS = 168;

export type AccessSettings =
  | { mode: 'password'; password: string; secret: string; lifetimeSeconds: number; uploadToken: string | null }
  | { mode: 'cloudflare-access'; issuer: string; audience: string; uploadToken: string | null }
  | { mode: 'public' }
  /** No mode set on a Node server bound to loopback: open to requests made on this machine only. */
  | { mode: 'loopback' }
  /** Not set up: every request gets a setup page naming `problem` (never a secret). `unset`: no mode was chosen at all. */
  | { mode: 'setup'; problem: string; unset: boolean };

/** The mode an environment asks for: a mode, '' when unset, or the unknown text as given. */
export function modeOf(env: Env): string {
  return (env.KEEPSCORE_ACCESS ?? '').trim().toLowerCase();
}

export function isMode(value: string): value is AccessMode {
  return (MODES as readonly string[]).includes(value);
}

/** True for an address that only this machine reaches: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

const setup = (problem: string, unset = false): AccessSettings => ({ mode: 'setup', problem, unset });

/** `text` without its trailing slashes, by a plain scan (`/\/+$/` backtracks on a long run of slashes that does not end the text). */
function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}

/**
 * The Access issuer (the team domain as an origin) from a team name, a
 * `<team>.cloudflareaccess.com` host or its https URL; an http URL only on
 * loopback (the tests' stand-in for Cloudflare).
 */
export function accessIssuer(team: string): string | null {
  const text = withoutTrailingSlashes(team.trim());
  if (/^[a-z0-9-]+$/i.test(text)) return `https://${text.toLowerCase()}.cloudflareaccess.com`;
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.pathname !== '/' || url.search || url.username) return null;
  if (url.protocol === 'https:' && /^[a-z0-9-]+\.cloudflareaccess\.com$/.test(url.hostname)) return url.origin;
  return url.protocol === 'http:' && isLoopback(url.hostname) ? url.origin : null;
}

function passwordSettings(env: Env): AccessSettings {
  const password = env.KEEPSCORE_VIEW_PASSWORD ?? '';
  if (password.length === 0) return setup('KEEPSCORE_ACCESS is password, but KEEPSCORE_VIEW_PASSWORD (the team password) is not set');
  if ([...password].length < MIN_PASSWORD) return setup(`KEEPSCORE_VIEW_PASSWORD must be at least ${MIN_PASSWORD} characters long`);
  const hours = env.KEEPSCORE_SESSION_HOURS?.trim() ? Number(env.KEEPSCORE_SESSION_HOURS) : DEFAULT_SESSION_HOURS;
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 366) {
    return setup(`KEEPSCORE_SESSION_HOURS must be a number of hours above 0 and at most a year, not ${JSON.stringify(env.KEEPSCORE_SESSION_HOURS)}`);
  }
  return {
    mode: 'password',
    password,
    secret: env.KEEPSCORE_SESSION_SECRET ?? '',
    lifetimeSeconds: Math.max(1, Math.round(hours * 3600)),
    uploadToken: uploadConfig(env).token,
  };
}

function cloudflareSettings(env: Env): AccessSettings {
  const team = env.KEEPSCORE_ACCESS_TEAM?.trim() ?? '';
  const audience = env.KEEPSCORE_ACCESS_AUD?.trim() ?? '';
  if (!team || !audience) return setup('KEEPSCORE_ACCESS is cloudflare-access, but KEEPSCORE_ACCESS_TEAM and KEEPSCORE_ACCESS_AUD (the team and the application audience tag) are not both set');
  const issuer = accessIssuer(team);
  if (!issuer) return setup(`KEEPSCORE_ACCESS_TEAM must be a team name such as "acme" or its https://acme.cloudflareaccess.com address, not ${JSON.stringify(team)}`);
  return { mode: 'cloudflare-access', issuer, audience, uploadToken: uploadConfig(env).token };
}

/** The access settings of a server or Function; `loopbackOnly`: a Node server that only this machine can reach. */
export function accessSettings(env: Env, where: { loopbackOnly: boolean }): AccessSettings {
  const mode = modeOf(env);
  if (mode === '') {
    return where.loopbackOnly ? { mode: 'loopback' } : setup('no access mode is set: set KEEPSCORE_ACCESS to password, cloudflare-access or public', true);
  }
  if (mode === 'password') return passwordSettings(env);
  if (mode === 'cloudflare-access') return cloudflareSettings(env);
  if (mode === 'public') return { mode: 'public' };
  return setup(`KEEPSCORE_ACCESS must be password, cloudflare-access or public, not ${JSON.stringify(mode)}`);
}
