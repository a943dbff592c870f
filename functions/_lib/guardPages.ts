/**
 * The Cloudflare Pages side of the guard: its settings from the Function's
 * `env`, re-read when the env changes; one throttle per isolate, so wrong
 * guesses are counted across requests. A Function is never loopback, so an
 * unset mode answers every request with the setup page.
 */
import type { Env } from '../../src/core/upload/env.ts';
import { internalError } from '../../src/core/access/answers.ts';
import { accessGuard, type Guard } from '../../src/core/access/guard.ts';
import { accessSettings } from '../../src/core/access/settings.ts';
import { Throttle } from '../../src/core/access/throttle.ts';

const throttle = new Throttle();
let cached: { env: Env; guard: Guard } | null = null;

/** The middleware: the guard's answer, or the rest of the chain (Functions, then the static asset) marked private. */
export async function pagesAccess(request: Request, env: Env, next: () => Promise<Response>): Promise<Response> {
  if (cached?.env !== env) cached = { env, guard: accessGuard(accessSettings(env, { loopbackOnly: false }), { throttle }) };
  const { guard } = cached;
  // Cloudflare sets CF-Connecting-IP itself: the client cannot choose it.
  const answer = await guard.check(request, request.headers.get('CF-Connecting-IP')).catch(() => internalError());
  if (answer) return answer;
  const response = await next();
  const headers = Object.entries(guard.passHeaders);
  if (headers.length === 0) return response;
  const marked = new Response(response.body, response);
  for (const [name, value] of headers) marked.headers.set(name, value);
  return marked;
}
