import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../node/loadDataset.ts';
import { kpiReport } from '../kpi/report.ts';
import type { Kpis } from '../schema/kpiReport.ts';
import { METRICS, metricValue } from './metric.ts';

let team: Kpis;
beforeAll(async () => {
  const { dataset } = await loadDataset(resolve(import.meta.dirname, '../../../test/fixtures/tiny'));
  team = kpiReport(dataset, '2026-10', '2026-10-25').team;
});

describe('metricValue', () => {
  it('reads a value by its path in the KPI JSON, with its kind', () => {
    expect(metricValue(team, 'winRate.rate')).toEqual({ kind: 'percent', value: 2 / 3 });
    expect(metricValue(team, 'pipeline.open.amount')).toEqual({ kind: 'money', value: 34000 });
    expect(metricValue(team, 'stages.leak')).toEqual({ kind: 'leak', value: { from: 'Proposal', to: 'Negotiation' } });
    expect(metricValue(team, 'pipeline.focus')).toEqual({ kind: 'focus', value: 'create' });
    expect(metricValue(team, 'lagging.churnRate')).toEqual({ kind: 'percent', value: null });
  });
  it('names every known metric when one is unknown', () => {
    expect(() => metricValue(team, 'winrate')).toThrow(/Unknown KPI metric "winrate"\. Known metrics: activity\.outreach, /);
    expect(() => metricValue(team, 'toString')).toThrow(/Unknown KPI metric/);
  });
  it('covers only paths that exist, each a number, null or the two word kinds', () => {
    for (const name of Object.keys(METRICS)) {
      const { kind, value } = metricValue(team, name);
      if (kind === 'leak' || kind === 'focus') continue;
      expect(value === null || typeof value === 'number', name).toBe(true);
    }
  });
});
