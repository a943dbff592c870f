/**
 * What a built site weighs against Cloudflare Pages' limits for one
 * deployment: at most 20,000 files, each at most 25 MiB
 * (https://developers.cloudflare.com/pages/platform/limits/).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const PAGES_LIMITS = { files: 20_000, fileBytes: 25 * 1024 * 1024 };

export interface DistSummary {
  files: number;
  /** HTML files: the site's pages. */
  pages: number;
  bytes: number;
  largest: { path: string; bytes: number };
  /** Each limit the folder breaks, in words; empty when it fits. */
  problems: string[];
}

/** Walks `dist` once and sets it against the limits (Cloudflare's unless given). */
export function pagesLimits(dist: string, limits = PAGES_LIMITS): DistSummary {
  const summary: DistSummary = { files: 0, pages: 0, bytes: 0, largest: { path: '', bytes: 0 }, problems: [] };
  const tooBig: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const { size } = statSync(path);
      summary.files += 1;
      summary.bytes += size;
      if (entry.name.endsWith('.html')) summary.pages += 1;
      if (size > summary.largest.bytes) summary.largest = { path: relative(dist, path), bytes: size };
      if (size > limits.fileBytes) tooBig.push(relative(dist, path));
    }
  };
  walk(dist);
  if (summary.files > limits.files) summary.problems.push(`${summary.files} files, over the ${limits.files} a deployment may hold`);
  if (tooBig.length > 0) summary.problems.push(`over ${limits.fileBytes / 1024 / 1024} MiB: ${tooBig.join(', ')}`);
  return summary;
}
