/**
 * The browser of the end-to-end tests: Debian's Chromium at /usr/bin/chromium
 * (installed by .ci/run), or the one KEEPSCORE_CHROMIUM names (a CI runner's
 * Chrome), driven by playwright-core, which never downloads a browser.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.KEEPSCORE_CHROMIUM || '/usr/bin/chromium';
export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}
