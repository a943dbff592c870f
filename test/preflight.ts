/**
 * `npm test` runs this first (the `pretest` script): the browser tests need
 * Chromium and poppler-utils from the system. When they are missing, it
 * installs them where it can (root with apt-get, as on CI) and otherwise
 * stops at once with one line naming the command, instead of a page of
 * failures minutes later.
 */
import { spawnSync } from 'node:child_process';
import { missingPackages, onPath } from './browserTools.ts';

const missing = missingPackages();
if (missing.length > 0) {
  const command = `apt-get install -y ${missing.join(' ')}`;
  const root = process.getuid?.() === 0;
  if (!root || onPath('apt-get') === null) {
    process.stderr.write(`npm test needs ${missing.join(', ')} for its browser tests: run \`sudo ${command}\` (or set CHROMIUM_PATH to a Chromium), then npm test again.\n`);
    process.exit(1);
  }
  process.stdout.write(`The browser tests need ${missing.join(', ')}: installing with apt-get (once)…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
    const run = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (run.status !== 0) {
      process.stderr.write(`apt-get ${args[0]} failed (exit ${run.status}); install them yourself: ${command}\n`);
      process.exit(1);
    }
  }
  const still = missingPackages();
  if (still.length > 0) {
    process.stderr.write(`apt-get installed ${missing.join(' ')}, yet ${still.join(', ')} is still not found; set CHROMIUM_PATH to a Chromium.\n`);
    process.exit(1);
  }
}
