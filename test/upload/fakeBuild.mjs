// A stand-in for `astro build --outDir <dir>` in store and concurrency tests:
// writes one page naming the time, so tests see a swap without paying for a build.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.argv[process.argv.indexOf('--outDir') + 1];
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'index.html'), `<!doctype html><title>fake build</title><p>built ${Date.now()}</p>\n`);
if (process.env.KEEPSCORE_FAKE_BUILD_FAIL) process.exit(1);
