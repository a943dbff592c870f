/** The committed sample in data/ is exactly what `npm run sample` makes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'keepscore-sample-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('regenerates data/ byte for byte', () => {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'src/cli/sample.ts'), '--out', out], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const files = readdirSync(out).sort();
  expect(files).toEqual(['activities.csv', 'customers.csv', 'deals.csv', 'keepscore.config.json', 'quotas.csv', 'stage_history.csv']);
  for (const file of files) expect(readFileSync(join(out, file)).equals(readFileSync(join(ROOT, 'data', file))), file).toBe(true);
});
