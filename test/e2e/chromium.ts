/**
 * The browser of the end-to-end tests: the Chromium findChromium() finds
 * (CHROMIUM_PATH, Debian's /usr/bin/chromium, chromium-browser on PATH; `npm
 * test`'s preflight installed it if it could), driven by playwright-core,
 * which never downloads a browser.
 */
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../browserTools.ts';

export const CHROMIUM = findChromium() ?? '/usr/bin/chromium';
export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}
