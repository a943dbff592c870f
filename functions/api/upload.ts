/** Cloudflare Pages Function: POST /api/upload — the shared upload handler (src/core/upload). */
import { handlePages } from '../_lib/handlePages.ts';

interface Context {
  request: Request;
  env: Record<string, string | undefined>;
}

export const onRequestPost = (context: Context): Promise<Response> => handlePages(context.request, context.env);
