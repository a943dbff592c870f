/**
 * The sample site for a browser test file: the run's shared build of data/
 * (test/siteBuilds.ts), served on 127.0.0.1, and one Chromium; `close`
 * ends the server and the browser (the shared build stays for other files).
 */
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { sampleSite } from '../siteBuilds.ts';
import { connectChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './serve.ts';

export interface BuiltSample {
  dist: string;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function builtSample(): Promise<BuiltSample> {
  const build = await sampleSite();
  expect(build.code, build.output).toBe(0);
  const server = await serveStatic(build.dir);
  const browser = await connectChromium();
  return {
    dist: build.dir,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
