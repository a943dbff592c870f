import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../node/loadDataset.ts';
import { kpiJson, snapshotJson } from '../kpi/json.ts';
import { kpiReport } from '../kpi/report.ts';
import type { KpiReport } from '../schema/kpiReport.ts';
import { monthOfSnapshotFile, readSnapshot, SnapshotError, snapshotFileName } from './snapshotFile.ts';

const FIXTURE = resolve(import.meta.dirname, '../../../test/fixtures/tiny');
let report: KpiReport;
beforeAll(async () => {
  const { dataset } = await loadDataset(FIXTURE);
  report = kpiReport(dataset, '2026-10');
});

describe('readSnapshot', () => {
  it('reads back exactly the KPI JSON the engine wrote, spec 2 first', () => {
    const text = snapshotJson(report);
    expect(text.startsWith('{\n  "spec": 2,\n  "period": "2026-10",')).toBe(true);
    const snapshot = readSnapshot('reports/2026-10.json', text);
    expect(snapshot).toEqual({ spec: 2, ...report });
    const { spec, ...frozen } = snapshot;
    expect(spec).toBe(2);
    expect(snapshotJson(frozen as KpiReport)).toBe(text);
  });
  it('reads a v1 snapshot (no "spec", no outlook) as spec 1, and a v2 one without its outlook not at all', () => {
    const v1 = JSON.parse(kpiJson(report));
    for (const kpis of [v1.team, ...Object.values(v1.teams), ...Object.values(v1.reps)]) delete (kpis as { outlook?: unknown }).outlook;
    const snapshot = readSnapshot('reports/2026-10.json', JSON.stringify(v1));
    expect(snapshot.spec).toBe(1);
    expect(snapshot.team).not.toHaveProperty('outlook');
    expect(snapshot.team.pipeline).toEqual(report.team.pipeline);
    expect(() => readSnapshot('reports/2026-10.json', JSON.stringify({ spec: 2, ...v1 }))).toThrow(/team\.outlook: /);
    expect(() => readSnapshot('reports/2026-10.json', JSON.stringify({ spec: 3, ...v1 }))).toThrow(/spec: 3 is not a KPI-SPEC version this Keepscore reads/);
  });
  it('names the file and says what is wrong with a broken one', () => {
    const broken = JSON.parse(snapshotJson(report));
    broken.team.winRate.rate = 'high';
    delete broken.asOf;
    const error = (() => {
      try {
        readSnapshot('data/reports/2026-10.json', JSON.stringify(broken));
      } catch (e) {
        return e;
      }
    })() as SnapshotError;
    expect(error).toBeInstanceOf(SnapshotError);
    expect(error.file).toBe('data/reports/2026-10.json');
    expect(error.message).toContain('Broken snapshot data/reports/2026-10.json');
    expect(error.message).toContain('asOf:');
    expect(error.message).toContain('team.winRate.rate:');
  });
  it('refuses text that is not JSON, and a file named for another month', () => {
    expect(() => readSnapshot('reports/2026-10.json', '{"period": ')).toThrow(/reports\/2026-10\.json: not JSON/);
    expect(() => readSnapshot('reports/2026-09.json', kpiJson(report))).toThrow(/holds period "2026-10" but is named for 2026-09/);
  });
  it('refuses a snapshot of something other than a month', () => {
    const quarter = { ...JSON.parse(kpiJson(report)), period: '2026-Q4' };
    expect(() => readSnapshot('x.json', JSON.stringify(quarter))).toThrow(/period: not a month/);
  });
});

describe('snapshot file names', () => {
  it('map months to names and back', () => {
    expect(snapshotFileName('2026-10')).toBe('2026-10.json');
    expect(monthOfSnapshotFile('2026-10.json')).toBe('2026-10');
    expect(monthOfSnapshotFile('2026-13.json')).toBeNull();
    expect(monthOfSnapshotFile('.2026-10.json.123.tmp')).toBeNull();
    expect(monthOfSnapshotFile('notes.json')).toBeNull();
  });
});
