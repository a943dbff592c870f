// Two projects in one pool: fast unit tests, and the tests that run a real
// `astro build`, Chromium or the upload server. Their files run in parallel,
// a worker per core. Builds in one checkout may overlap (each writes its own
// folder under .cache/; three at once built the same files as one alone),
// and test/siteBuilds.ts lets one file build a shared site while others wait.
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// One id per run, set here in the main process and inherited by every worker: test/siteBuilds.ts
// builds each fixture site once per run under .cache/run-<id>/ and shares it between test files.
process.env.KEEPSCORE_TEST_RUN ??= `${Date.now().toString(36)}-${process.pid}`;
// Node's on-disk code cache for every process the suite starts (workers, CLI commands, servers, builds): some
// 150 start a run, each compiling the same modules; with the cache a CLI start costs 0.13 s of CPU, not 0.4 s.
process.env.NODE_COMPILE_CACHE ??= join(import.meta.dirname, 'node_modules/.cache/node-compile');

// test/deploy/monthly.test.ts: monthly.yml's steps, its build included (issue 6).
// test/access/build.test.ts: what the build says about who may read the site (issue 15).
const BUILDS = ['test/build.test.ts', 'test/site.test.ts', 'test/imports/build.test.ts', 'test/deploy/monthly.test.ts', 'test/access/build.test.ts'];
// test/e2e also holds issue 6's journey (journey.e2e.test.ts: npm start, upload, snapshot, PDF) and CSP tests.
// test/access: the access guard on the real server and in workerd (issue 15).
// test/upload: the upload API on the real server, with real builds of the tiny fixture (issue 4).
const E2E = ['test/e2e/**/*.e2e.test.ts', 'test/upload/**/*.test.ts', 'test/access/**/*.e2e.test.ts'];

/**
 * The longest files start first, the first two sharing no build: site.e2e
 * builds the sample while sigkill (no site build) runs beside it, where in
 * file-size order site.e2e and site.test both waited on the sample's build
 * (one core idle for its 10 s). A fresh clone has no timings; vitest orders
 * the rest by size, or by the last run's timings.
 */
const FIRST = ['test/e2e/site.e2e.test.ts', 'test/upload/sigkill.test.ts', 'test/e2e/journey.e2e.test.ts', 'test/e2e/layout.e2e.test.ts', 'test/e2e/deals.e2e.test.ts'];
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = FIRST.indexOf(relative(import.meta.dirname, file.moduleId));
      return at < 0 ? FIRST.length : at;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    // Vitest's default leaves a core free (one worker on a 2-core machine); the tests wait on
    // builds, browsers and servers in child processes, so every core gets a worker.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        // Some tests start the CLI or import wrangler: timeouts for a busy 2-core machine.
        test: { name: 'unit', exclude: [...configDefaults.exclude, ...BUILDS, ...E2E], testTimeout: 30_000, hookTimeout: 60_000, isolate: false },
      },
      {
        extends: true,
        // A file's hooks may wait for a shared build that another file is running.
        // One Chromium for the run's browser tests (test/e2e/browserServer.ts).
        test: { name: 'site', include: [...BUILDS, ...E2E], testTimeout: 120_000, hookTimeout: 240_000, globalSetup: ['test/e2e/browserServer.ts'] },
      },
    ],
  },
});
