import { describe, expect, it } from 'vitest';
import { kpis } from '../core/coaching/fixtures.test-helpers.ts';
import { formattersFor } from './text/format.ts';
import { labels } from './text/dictionary.ts';
import { changeOf, kpiCell, rateFlags, valueAt } from './cells.ts';

const w = { l: labels('en-US'), f: formattersFor('en-US', 'USD'), locale: 'en-US' };

describe('valueAt', () => {
  it('walks dotted paths, including names with dots in maps', () => {
    const k = kpis({ won: 3, lost: 1, reached: [10, 6, 4, 2, 1] });
    k.activity.bySource = { 'web.site': { leads: 4, met: 1, rate: 0.25 } };
    expect(valueAt(k, 'winRate.rate')).toBe(0.75);
    expect(valueAt(k, 'stages.transitions.2.rate')).toBe(0.5);
    expect(valueAt(k, 'activity.bySource.web.site.rate')).toBe(0.25);
    expect(valueAt(k, 'pipeline.open.amount')).toBe(0);
  });
});

describe('kpiCell and flags', () => {
  it('formats the value and remembers where it comes from', () => {
    const k = kpis({ won: 3, lost: 1 });
    expect(kpiCell(k, 'winRate.rate', 'percent', 'rep:Ann', '2026-10', w, rateFlags(k, w).winRate)).toEqual({
      text: '75.0%',
      kpi: { path: 'winRate.rate', scope: 'rep:Ann', period: '2026-10' },
      flag: '4 deals — too few to judge',
      raw: 0.75,
    });
    expect(kpiCell(null, 'winRate.rate', 'percent', 'rep:Ann', '2026-10', w).text).toBe('—');
  });

  it('flags win rates under 10 closed deals and other rates under 5 cases', () => {
    const enough = rateFlags(kpis({ won: 5, lost: 5, firstMeetings: 5, reached: [5, 1, 0, 0, 0], leads: 5 }), w);
    expect(enough).toEqual({ nextStep: undefined, overall: undefined, winRate: undefined, leads: undefined });
    const few = rateFlags(kpis({ won: 1, lost: 0, firstMeetings: 4, reached: [1, 1, 1, 1, 1], leads: 0 }), w);
    expect(few).toEqual({
      nextStep: '4 meetings — too few to judge',
      overall: '1 deal — too few to judge',
      winRate: '1 deal — too few to judge',
      leads: '0 leads — too few to judge',
    });
  });
});

describe('changeOf', () => {
  it('says rates change in points and amounts in money', () => {
    expect(changeOf(0.25, 0.2, 'percent', 'October 2026', w)).toEqual({ direction: 'up', text: 'up 5 pts', against: 'vs October 2026' });
    expect(changeOf(1000, 2500, 'money', 'Q3 2026', w)).toEqual({ direction: 'down', text: 'down $1,500', against: 'vs Q3 2026' });
    expect(changeOf(3, 3, 'count', 'x', w).text).toBe('no change');
    expect(changeOf(null, 3, 'count', 'x', w)).toEqual({ direction: 'none', text: 'no figure to compare with x', against: '' });
  });
});
