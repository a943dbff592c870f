import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../node/loadDataset.ts';
import { kpiReport } from '../kpi/report.ts';
import type { Kpis } from './kpiReport.ts';
import { focusOf, METRICS, metricDef, metricLabelKey, parseMetricName, readMetric, refName, tooFewFor } from './metric.ts';

let team: Kpis;
let ann: Kpis;
beforeAll(async () => {
  const { dataset } = await loadDataset(resolve(import.meta.dirname, '../../../test/fixtures/tiny'));
  const report = kpiReport(dataset, '2026-10', '2026-10-25');
  team = report.team;
  ann = report.reps.Ann;
});

describe('the metric vocabulary', () => {
  it('lists every leaf of the KPI JSON in its order, each with a kind', () => {
    const paths = METRICS.map((m) => m.path);
    expect(paths.slice(0, 3)).toEqual(['activity.outreach', 'activity.firstMeetings', 'activity.outreachPerFirstMeeting']);
    expect(paths).toContain('activity.bySource.*.rate');
    expect(paths).toContain('stages.transitions.*.from');
    expect(paths).toContain('stages.forward.*');
    expect(paths).toContain('pipeline.openByStage.*.weighted');
    expect(paths[paths.length - 1]).toBe('outlook.forecast.attainment');
    expect(new Set(paths).size).toBe(paths.length);
    expect(metricDef('winRate.rate')).toMatchObject({ kind: 'rate', basis: { cases: 'deals', closed: true } });
    expect(metricDef('pipeline.coverage')?.kind).toBe('multiple');
    expect(metricDef('stages.leak')).toMatchObject({ kind: 'text', words: 'stagePair' });
    expect(metricDef('winRate')).toBeUndefined();
    expect([metricDef('outlook.cycle.medianDays')?.kind, metricDef('outlook.velocity.perDay')?.kind, metricDef('outlook.forecast.attainment')?.kind]).toEqual(['days', 'money', 'rate']);
  });

  it('names labels by path, without the stars', () => {
    expect(metricLabelKey('winRate.rate')).toBe('metric.winRate.rate');
    expect(metricLabelKey('activity.bySource.*.rate')).toBe('metric.activity.bySource.rate');
    expect(metricLabelKey('stages.forward.*')).toBe('metric.stages.forward');
    expect(refName({ path: 'stages.transitions.*.rate', key: 2 })).toBe('stages.transitions.2.rate');
  });

  it('gives every basis of a rate a count that exists', () => {
    for (const m of METRICS) for (const of of m.basis?.of ?? []) expect(metricDef(of.replace(/\.\d+\./, '.*.'))?.kind, `${m.path}: ${of}`).toBe('count');
  });
});

describe('readMetric', () => {
  it('reads a value by its path in the KPI JSON', () => {
    expect(readMetric(team, { path: 'winRate.rate' })).toBe(2 / 3);
    expect(readMetric(team, { path: 'pipeline.open.amount' })).toBe(34000);
    expect(readMetric(team, { path: 'stages.leak' })).toEqual({ from: 'Proposal', to: 'Negotiation' });
    expect(readMetric(team, { path: 'pipeline.focus' })).toBe('create');
    expect(readMetric(team, { path: 'lagging.churnRate' })).toBeNull();
    expect(readMetric(team, { path: 'stages.transitions.*.rate', key: 0 })).toBe(0.75);
    expect(readMetric(null, { path: 'winRate.won' })).toBeNull();
  });

  it('reads the outlook, and KPIs of KPI-SPEC v1 (a snapshot frozen before it) as without one', () => {
    // October, whole team: D1, D2, D4 won in the window after 66, 49 and 101 days; 4 open deals x 3/4 x 12,000 / 72 days.
    expect(readMetric(team, { path: 'outlook.cycle.medianDays' })).toBe(66);
    expect(readMetric(team, { path: 'outlook.velocity.perDay' })).toBe(500);
    expect(readMetric(team, { path: 'outlook.forecast.expected' })).toBe(46000);
    const { outlook, ...v1 } = team;
    expect(outlook.stale.count).toBe(1);
    expect(readMetric(v1, { path: 'outlook.stale.count' })).toBeNull();
    expect(readMetric(v1, { path: 'winRate.rate' })).toBe(2 / 3);
  });

  it('reads a map entry the JSON leaves out as a zero entry, a list index past the end as missing', () => {
    expect(readMetric(team, { path: 'pipeline.openByStage.*.amount', key: 'Negotiation' })).toBe(0);
    expect(readMetric(team, { path: 'stages.forward.*', key: 'Nowhere' })).toBe(0);
    expect(readMetric(team, { path: 'activity.bySource.*.rate', key: 'carrier pigeon' })).toBeNull();
    expect(readMetric(team, { path: 'stages.transitions.*.reached', key: 9 })).toBeNull();
    expect(() => readMetric(team, { path: 'stages.transitions.*.reached' })).toThrow('needs a key');
  });

  it('reads the focus of a scope without a quota as noQuota, never as quota reached', () => {
    const noQuota = { ...team, pipeline: { ...team.pipeline, quota: 0, gap: 0, coverage: null, focus: 'done' as const } };
    expect(focusOf(noQuota)).toBe('noQuota');
    expect(readMetric(noQuota, { path: 'pipeline.focus' })).toBe('noQuota');
    const reached = { ...noQuota, pipeline: { ...noQuota.pipeline, quota: 1000 } };
    expect(readMetric(reached, { path: 'pipeline.focus' })).toBe('done');
  });

  it('covers only paths that exist, each a number, null or words', () => {
    for (const m of METRICS) {
      if (m.path.includes('*')) continue;
      const value = readMetric(team, { path: m.path });
      if (m.kind === 'text') expect(value === null || typeof value === 'string' || typeof value === 'object', m.path).toBe(true);
      else expect(value === null || typeof value === 'number', m.path).toBe(true);
    }
  });
});

describe('parseMetricName', () => {
  it('names every known metric when one is unknown', () => {
    expect(parseMetricName('pipeline.gap')).toEqual({ path: 'pipeline.gap' });
    expect(parseMetricName('outlook.forecast.low')).toEqual({ path: 'outlook.forecast.low' });
    expect(() => parseMetricName('winrate')).toThrow(/Unknown KPI metric "winrate"\. Known metrics: activity\.outreach, /);
    expect(() => parseMetricName('toString')).toThrow(/Unknown KPI metric/);
    expect(() => parseMetricName('stages.forward.*')).toThrow(/Unknown KPI metric/);
  });
});

describe('tooFewFor', () => {
  it('flags a rate over too few cases with what it rests on', () => {
    // October, whole team: 2 won + 1 lost closed (< 10), 2 first meetings (< 5), 4 deals reached Qualify (< 5).
    expect(tooFewFor(team, { path: 'winRate.rate' })).toEqual({ cases: 'deals', n: 3 });
    expect(tooFewFor(team, { path: 'activity.nextStepRate' })).toEqual({ cases: 'meetings', n: 2 });
    expect(tooFewFor(team, { path: 'stages.overall' })).toEqual({ cases: 'deals', n: 4 });
    expect(tooFewFor(team, { path: 'stages.transitions.*.rate', key: 1 })).toEqual({ cases: 'deals', n: 3 });
    expect(tooFewFor(ann, { path: 'winRate.leadConversion' })?.cases).toBe('leads');
    expect(tooFewFor(team, { path: 'pipeline.attainment' })).toBeNull();
    expect(tooFewFor(null, { path: 'winRate.rate' })).toBeNull();
  });
});
