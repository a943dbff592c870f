/** Cloudflare Pages Function: GET /api/status — the last uploads and builds, from the shared handler. */
import { handlePages } from '../_lib/handlePages.ts';

interface Context {
  request: Request;
  env: Record<string, string | undefined>;
}

export const onRequestGet = (context: Context): Promise<Response> => handlePages(context.request, context.env);
