/**
 * The sample site for a browser test file: data/ built once with the real
 * `astro build` into a temporary folder, served on 127.0.0.1, and one
 * Chromium; `close` ends all three.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { buildSite, ROOT } from '../astroBuild.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './serve.ts';

export interface BuiltSample {
  dist: string;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function builtSample(name: string): Promise<BuiltSample> {
  const temp = mkdtempSync(join(tmpdir(), `keepscore-${name}-`));
  const dist = join(temp, 'dist');
  const build = buildSite(join(ROOT, 'data'), dist);
  expect(build.code, build.output).toBe(0);
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  return {
    dist,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(temp, { recursive: true, force: true });
    },
  };
}
