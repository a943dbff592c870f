import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from './loadDataset.ts';
import { kpiJson } from '../core/kpi/json.ts';
import { kpiReport } from '../core/kpi/report.ts';
import { SnapshotError } from '../core/report/snapshotFile.ts';
import { loadSnapshots } from './readSnapshots.ts';

const temp = mkdtempSync(join(tmpdir(), 'keepscore-snapshots-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function folder(files: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(temp, 'data-'));
  mkdirSync(join(dir, 'reports'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'reports', name), text);
  return dir;
}

describe('loadSnapshots', () => {
  it('is empty without a reports folder', async () => {
    expect((await loadSnapshots(mkdtempSync(join(temp, 'bare-')))).size).toBe(0);
  });
  it('reads each month, ignoring temp files and other names', async () => {
    const { dataset } = await loadDataset(resolve(import.meta.dirname, '../../test/fixtures/tiny'));
    const text = kpiJson(kpiReport(dataset, '2026-09', '2026-10-25'));
    const dir = await folder({ '2026-09.json': text, '.2026-10.json.123.ab.tmp': '{', 'notes.md': '# notes' });
    const frozen = await loadSnapshots(dir);
    expect([...frozen.keys()]).toEqual(['2026-09']);
    expect(frozen.get('2026-09')?.snapshot.asOf).toBe('2026-10-25');
    expect(frozen.get('2026-09')?.file).toMatch(/reports[\\/]2026-09\.json$/);
  });
  it('throws a SnapshotError naming a broken file', async () => {
    const dir = await folder({ '2026-09.json': '{"period":"2026-09"}' });
    const error = await loadSnapshots(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).message).toMatch(/^Broken snapshot .*reports[\\/]2026-09\.json: asOf: /);
  });
});
