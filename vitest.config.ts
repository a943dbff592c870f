// Three groups, run one after the other: fast unit tests (files in
// parallel), then the tests that run a real `astro build`, then the
// end-to-end suite in Chromium and the upload server. Builds share the
// project's Astro and Vite caches, so no two build-running files may overlap:
// the build and e2e groups run their files one at a time.
import { configDefaults, defineConfig } from 'vitest/config';

// One id per run, set here in the main process and inherited by every worker: test/siteBuilds.ts
// builds each fixture site once per run under .cache/run-<id>/ and shares it between test files.
process.env.KEEPSCORE_TEST_RUN ??= `${Date.now().toString(36)}-${process.pid}`;

// test/deploy/monthly.test.ts: monthly.yml's steps, its build included (issue 6).
// test/access/build.test.ts: what the build says about who may read the site (issue 15).
const BUILDS = ['test/build.test.ts', 'test/site.test.ts', 'test/imports/build.test.ts', 'test/deploy/monthly.test.ts', 'test/access/build.test.ts'];
// test/e2e also holds issue 6's journey (journey.e2e.test.ts: npm start, upload, snapshot, PDF) and CSP tests.
// test/access: the access guard on the real server and in workerd (issue 15).
const E2E = ['test/e2e/**/*.e2e.test.ts', 'test/upload/**/*.test.ts', 'test/access/**/*.e2e.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        // Files run in parallel, and some tests start the CLI or import wrangler: timeouts for a busy 2-core machine.
        test: { name: 'unit', exclude: [...configDefaults.exclude, ...BUILDS, ...E2E], testTimeout: 30_000, hookTimeout: 60_000, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'build', include: BUILDS, fileParallelism: false, testTimeout: 120_000, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // test/upload: the upload API on the real server, with real builds of the tiny fixture (issue 4).
          include: E2E,
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 200_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
