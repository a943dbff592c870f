/**
 * What the browser tests need besides npm packages: a Chromium for
 * playwright-core (which never downloads one) and poppler's pdftotext and
 * pdfinfo (the printed reports are read back). Found the same way by the
 * preflight (test/preflight.ts) and by the tests (test/e2e/chromium.ts).
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian's packages for what is missing (apt-get install …). */
export const PACKAGES = { chromium: ['chromium', 'fonts-dejavu-core'], poppler: ['poppler-utils'] } as const;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `names` on PATH, or null. */
export function onPath(...names: string[]): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * The Chromium to drive: CHROMIUM_PATH (or the older KEEPSCORE_CHROMIUM) when
 * set, else Debian's /usr/bin/chromium, else chromium or chromium-browser on
 * PATH (Ubuntu, other distributions); null when there is none.
 */
export function findChromium(): string | null {
  const named = process.env.CHROMIUM_PATH || process.env.KEEPSCORE_CHROMIUM;
  if (named) return executable(named) ? named : null;
  if (executable('/usr/bin/chromium')) return '/usr/bin/chromium';
  return onPath('chromium', 'chromium-browser');
}

/** The Debian packages still needed for the browser tests; [] when all is there. */
export function missingPackages(): string[] {
  const missing: string[] = [];
  if (findChromium() === null) missing.push(...PACKAGES.chromium);
  if (onPath('pdftotext') === null || onPath('pdfinfo') === null) missing.push(...PACKAGES.poppler);
  return missing;
}
