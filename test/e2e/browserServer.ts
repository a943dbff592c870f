/**
 * The site project's global setup: one Chromium for the whole run, which
 * every browser test file connects to (connectChromium() in chromium.ts),
 * where each used to launch its own (eight launches, about 0.8 s of CPU
 * each on this 2-core machine). Files stay apart as users do: each opens
 * its own contexts, and closing its browser closes only those.
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, LAUNCH_ARGS } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's Playwright endpoint. */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
