// Two projects: fast unit and build tests, then the end-to-end suite in
// Chromium, which builds the sample site once and needs longer timeouts.
// The e2e group runs after the unit group so two `astro build`s never
// share the project's .astro cache at the same time.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', exclude: [...configDefaults.exclude, 'test/e2e/**', 'test/upload/**'], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // test/upload: the upload API on the real server, with real builds of the tiny fixture (issue 4).
          include: ['test/e2e/**/*.e2e.test.ts', 'test/upload/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 200_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
