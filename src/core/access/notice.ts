/**
 * What a build says about who may read the site it makes: the mode its
 * deployment set (KEEPSCORE_ACCESS in the build's environment; the
 * workflows take it from wrangler.toml), in the build summary and on
 * /data/. No mode while the site lists deals is the loud case. Data only:
 * `text` names the notice, the site words it (src/site/text/accessWords.ts).
 */
import type { Env } from '../upload/env.ts';
import { modeOf } from './settings.ts';

/** Which notice to give, as the key of its words in the site's dictionary. */
export type AccessNoticeKey = 'access.password' | 'access.cloudflare' | 'access.public' | 'access.unset' | 'access.unsetNoDeals' | 'access.invalid';

export interface AccessNotice {
  /** The mode as set: a mode, '' when unset, or the unknown text. */
  mode: string;
  /** `warn`: say it loudly; `note`: say it plainly. */
  level: 'ok' | 'note' | 'warn';
  text: AccessNoticeKey;
}

export function accessNotice(env: Env, deals: 'show' | 'hide'): AccessNotice {
  const mode = modeOf(env);
  if (mode === 'password') return { mode, level: 'ok', text: 'access.password' };
  if (mode === 'cloudflare-access') return { mode, level: 'ok', text: 'access.cloudflare' };
  if (mode === 'public') return { mode, level: 'note', text: 'access.public' };
  if (mode === '') return deals === 'show' ? { mode, level: 'warn', text: 'access.unset' } : { mode, level: 'note', text: 'access.unsetNoDeals' };
  return { mode, level: 'warn', text: 'access.invalid' };
}

/** Whether the site's pages offer a logout link: everywhere but a public site. */
export function offersLogout(env: Env): boolean {
  return modeOf(env) !== 'public';
}
