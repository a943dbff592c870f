/**
 * wrangler.toml as the pinned wrangler reads it: a Pages project deploying
 * dist/, the upload function's non-secret vars and the access mode (no secret in the file), and a
 * compatibility date the bundled workerd supports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './workflow.ts';

// Importing wrangler takes seconds on a busy 2-core machine: a generous timeout.
it('wrangler reads wrangler.toml as the Pages project: dist/, the github store, no secrets', { timeout: 60_000 }, async () => {
  process.env.WRANGLER_SEND_METRICS = 'false';
  const { unstable_readConfig } = await import('wrangler');
  const config = unstable_readConfig({ config: join(ROOT, 'wrangler.toml') }, {});
  expect(config.name).toBe('keepscore');
  expect(config.pages_build_output_dir).toBe(join(ROOT, 'dist'));
  expect(config.vars).toMatchObject({ KEEPSCORE_STORE: 'github', KEEPSCORE_GITHUB_BRANCH: 'main', KEEPSCORE_GITHUB_DIR: 'data' });
  expect(Object.keys(config.vars)).not.toContain('KEEPSCORE_UPLOAD_TOKEN');
  expect(Object.keys(config.vars)).not.toContain('KEEPSCORE_GITHUB_TOKEN');
  // Private by default on Pages: the password mode, its password and session secret kept as secrets (issue 15).
  expect(config.vars).toMatchObject({ KEEPSCORE_ACCESS: 'password' });
  for (const secret of ['KEEPSCORE_VIEW_PASSWORD', 'KEEPSCORE_SESSION_SECRET']) expect(Object.keys(config.vars)).not.toContain(secret);
  // workerd's version is its newest compatibility date: 1.YYYYMMDD.n.
  const workerd = JSON.parse(readFileSync(join(ROOT, 'node_modules/workerd/package.json'), 'utf8')).version as string;
  const newest = workerd.split('.')[1].replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
  expect(config.compatibility_date! <= newest, `${config.compatibility_date} <= ${newest}`).toBe(true);
});
