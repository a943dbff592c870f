/**
 * Cloudflare Pages Functions middleware: a `_middleware.ts` at the root of
 * functions/ runs before every request of the deployment, static files
 * included, so the access guard (src/core/access, wired in
 * _lib/guardPages.ts) stands in front of the pages, /api/kpis/*.json, /csv/*
 * and the upload API alike.
 */
import { pagesAccess } from './_lib/guardPages.ts';

interface Context {
  request: Request;
  env: Record<string, string | undefined>;
  next(): Promise<Response>;
}

export const onRequest = (context: Context): Promise<Response> => pagesAccess(context.request, context.env, () => context.next());
