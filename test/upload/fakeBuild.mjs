// A stand-in for `astro build --outDir <dir>` in store and concurrency tests:
// writes one page naming the time, so tests see a swap without paying for a build.
// KEEPSCORE_FAKE_BUILD_GATE names a file the build waits for, so a test can hold
// a build running while uploads arrive (however busy the machine is).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const gate = process.env.KEEPSCORE_FAKE_BUILD_GATE;
for (let waited = 0; gate && !existsSync(gate) && waited < 120_000; waited += 20) await sleep(20);

const outDir = process.argv[process.argv.indexOf('--outDir') + 1];
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'index.html'), `<!doctype html><title>fake build</title><p>built ${Date.now()}</p>\n`);
if (process.env.KEEPSCORE_FAKE_BUILD_FAIL) process.exit(1);
