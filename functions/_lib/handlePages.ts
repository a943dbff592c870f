/**
 * The Cloudflare Pages side: deps from the Function's `env`. A Function has
 * no disk, so its store is GitHub (KEEPSCORE_STORE=github; `hook` here means
 * github plus a deploy hook). Adapters live per isolate: the status shows
 * what this isolate saw; the build itself runs in CI or behind the hook.
 */
import { githubStore, remoteRebuilder, uploadConfig, uploadLimits, type Env } from '../../src/core/upload/env.ts';
import { handleUpload } from '../../src/core/upload/handler.ts';
import { json, refusal } from '../../src/core/upload/responses.ts';
import type { UploadDeps } from '../../src/core/upload/types.ts';

let cached: { env: Env; deps: UploadDeps } | null = null;

function depsFor(env: Env): UploadDeps {
  if (cached?.env !== env) {
    const config = uploadConfig(env);
    cached = { env, deps: { store: githubStore(env), rebuild: remoteRebuilder(env), config, limits: uploadLimits(config), now: () => new Date(), log: (line) => console.error(line) } };
  }
  return cached.deps;
}

/** The Functions' shared entry: a misconfigured deploy answers 503 with what is missing, never the secrets. */
export async function handlePages(request: Request, env: Env): Promise<Response> {
  const kind = (env.KEEPSCORE_STORE ?? 'github').trim().toLowerCase();
  if (kind === 'local') return json(503, { error: 'KEEPSCORE_STORE=local needs the Node server (npm start); on Cloudflare Pages use github' });
  if (!uploadConfig(env).token && request.method === 'POST') {
    return refusal(403, 'uploads are disabled on this site: no upload token is configured (KEEPSCORE_UPLOAD_TOKEN)', false);
  }
  try {
    // Cloudflare sets CF-Connecting-IP to the client's address; a client cannot forge it through Cloudflare.
    return await handleUpload(request, depsFor(env), request.headers.get('cf-connecting-ip') ?? 'unknown');
  } catch (error) {
    return json(503, { error: `uploads are not configured: ${(error as Error).message}` });
  }
}
