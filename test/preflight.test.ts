/** `npm test`'s preflight: the browser found the way the tests find it, and a missing one named in one line at once. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findChromium, missingPackages } from './browserTools.ts';
import { ROOT } from './astroBuild.ts';

const saved = { CHROMIUM_PATH: process.env.CHROMIUM_PATH, PATH: process.env.PATH };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('finding the browser', () => {
  it('takes CHROMIUM_PATH when it names a program, and nothing when it names none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keepscore-chromium-'));
    try {
      const fake = join(dir, 'my-chrome');
      writeFileSync(fake, '#!/bin/sh\n');
      chmodSync(fake, 0o755);
      process.env.CHROMIUM_PATH = fake;
      expect(findChromium()).toBe(fake);
      process.env.CHROMIUM_PATH = join(dir, 'absent');
      expect(findChromium()).toBeNull();
      expect(missingPackages()).toContain('chromium');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops in a moment with one line naming the command when the browser is missing and cannot be installed', () => {
    const started = performance.now();
    // No apt-get on this PATH: the preflight cannot install, so it must say what to run.
    const run = spawnSync(process.execPath, [join(ROOT, 'test/preflight.ts')], {
      encoding: 'utf8',
      env: { CHROMIUM_PATH: '/nonexistent/chromium', PATH: '/nonexistent' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/apt-get install -y chromium fonts-dejavu-core/);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
