/**
 * The browser of the end-to-end tests: the Chromium findChromium() finds
 * (CHROMIUM_PATH, Debian's /usr/bin/chromium, chromium-browser on PATH; `npm
 * test`'s preflight installed it if it could), driven by playwright-core,
 * which never downloads a browser. The site project starts it once per run
 * (browserServer.ts); a file connects to it.
 */
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { findChromium } from '../browserTools.ts';

export const CHROMIUM = findChromium() ?? '/usr/bin/chromium';
export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** This file's connection to the run's Chromium: its close() closes the file's contexts, not the browser. */
export function connectChromium(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}
