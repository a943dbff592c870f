import { siteUrls } from '../urls.ts';
import { describe, expect, it } from 'vitest';
import { kpis } from '../../core/coaching/fixtures.test-helpers.ts';
import { readMetric, refName, type MetricRef } from '../../core/schema/metric.ts';
import { labels } from '../text/dictionary.ts';
import { formattersFor } from '../text/format.ts';
import { changeOf, kpiAttributes, metricCell, metricLabel, metricText } from './cell.ts';

const w = { l: labels('en-US'), f: formattersFor('en-US', 'USD'), locale: 'en-US', urls: siteUrls('/') };
const at = { scope: 'rep:Ann', period: '2026-10' };

describe('metric references', () => {
  it('read map entries by key, names with dots included', () => {
    const k = kpis({ won: 3, lost: 1, reached: [10, 6, 4, 2, 1] });
    k.activity.bySource = { 'web.site': { leads: 4, met: 1, rate: 0.25 } };
    expect(readMetric(k, { path: 'winRate.rate' })).toBe(0.75);
    expect(readMetric(k, { path: 'stages.transitions.*.rate', key: 2 })).toBe(0.5);
    expect(readMetric(k, { path: 'activity.bySource.*.rate', key: 'web.site' })).toBe(0.25);
    expect(refName({ path: 'activity.bySource.*.rate', key: 'web.site' })).toBe('activity.bySource.web.site.rate');
    expect(readMetric(k, { path: 'pipeline.open.amount' })).toBe(0);
  });
});

describe('metricCell and flags', () => {
  it('formats the value and remembers where it comes from', () => {
    const k = kpis({ won: 3, lost: 1 });
    expect(metricCell(k, { path: 'winRate.rate' }, at, w)).toEqual({
      text: '75.0%',
      kpi: { name: 'winRate.rate', scope: 'rep:Ann', period: '2026-10' },
      flag: '4 deals — too few to judge',
      raw: 0.75,
    });
    expect(metricCell(null, { path: 'winRate.rate' }, at, w).text).toBe('—');
    expect(kpiAttributes(metricCell(k, { path: 'winRate.won' }, { ...at, frozen: true }, w))).toEqual({
      'data-kpi': 'winRate.won', 'data-scope': 'rep:Ann', 'data-period': '2026-10', 'data-frozen': '',
    });
  });

  it('flags win rates under 10 closed deals and other rates under 5 cases', () => {
    const flags = (k: ReturnType<typeof kpis>) =>
      (['activity.nextStepRate', 'stages.overall', 'winRate.rate', 'winRate.leadConversion'] as MetricRef['path'][]).map((path) => metricCell(k, { path }, at, w).flag);
    expect(flags(kpis({ won: 5, lost: 5, firstMeetings: 5, reached: [5, 1, 0, 0, 0], leads: 5 }))).toEqual([undefined, undefined, undefined, undefined]);
    expect(flags(kpis({ won: 1, lost: 0, firstMeetings: 4, reached: [1, 1, 1, 1, 1], leads: 0 }))).toEqual([
      '4 meetings — too few to judge',
      '1 deal — too few to judge',
      '1 deal — too few to judge',
      '0 leads — too few to judge',
    ]);
  });

  it('words the leak, the focus and a scope without a quota, and labels every metric', () => {
    const k = kpis({ pipeline: { focus: 'done', quota: 0 } });
    expect(metricCell(k, { path: 'pipeline.focus' }, at, w)).toMatchObject({ text: 'No quota set', word: true, raw: 'No quota set' });
    expect(metricText('done', { path: 'pipeline.focus' }, w)).toBe('Quota reached');
    expect(metricText(null, { path: 'stages.leak' }, w)).toBe('no leak (no deals)');
    expect(metricText({ from: 'Demo', to: 'Proposal' }, { path: 'stages.leak' }, w)).toBe('Demo → Proposal');
    expect(metricLabel({ path: 'activity.byChannel.*.touches' }, w)).toBe('Touches');
    expect(metricCell(k, { path: 'pipeline.openByStage.*.amount', key: 'Demo' }, at, w).text).toBe('$0');
  });
});

describe('changeOf', () => {
  it('says rates change in points and amounts in money', () => {
    expect(changeOf(0.25, 0.2, 'rate', 'October 2026', w)).toEqual({ direction: 'up', text: 'up 5 pts', against: 'vs October 2026' });
    expect(changeOf(1000, 2500, 'money', 'Q3 2026', w)).toEqual({ direction: 'down', text: 'down $1,500', against: 'vs Q3 2026' });
    expect(changeOf(3, 3, 'count', 'x', w).text).toBe('no change');
    expect(changeOf(null, 3, 'count', 'x', w)).toEqual({ direction: 'none', text: 'no figure to compare with x', against: '' });
  });
});
