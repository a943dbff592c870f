/** The site's CSP as public/_headers states it, and the inline styles it must allow (tests only). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as palette from '../../src/core/charts/palette.ts';
import { headersFor, parseHeadersFile } from '../../src/node/headersFile.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const headersText = readFileSync(join(ROOT, 'public/_headers'), 'utf8');

/** Every style attribute the site writes: `style="--swatch:<colour>"` (Chart.astro legends, Cell.astro), one per palette colour. */
export function swatchStyles(): string[] {
  const colours = [
    'currentColor', palette.TEAM_COLOUR, ...palette.REP_COLOURS, ...palette.GROUP_COLOURS,
    ...palette.STAGE_COLOURS, palette.WON_COLOUR, palette.LOST_COLOUR, palette.ALERT_COLOUR,
  ];
  return [...new Set(colours)].map((colour) => `--swatch:${colour}`);
}

/** A CSP hash source for an inline style or script text. */
export function styleHash(style: string): string {
  return `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
}

/** The CSP of a page, directive -> sources. */
export function cspOf(path: string): Map<string, string[]> {
  const csp = headersFor(parseHeadersFile(headersText), path)['Content-Security-Policy'] ?? '';
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

