import { describe, expect, it } from 'vitest';
import { kpis } from './fixtures.test-helpers.ts';
import { pool } from './pool.ts';

describe('pool', () => {
  it('adds months up and divides the sums, not the monthly rates', () => {
    const pooled = pool([
      { period: '2026-09', complete: true, kpis: kpis({ outreach: 80, firstMeetings: 10, withNextStep: 9, leads: 40, won: 1, lost: 1, wonAmount: 5000, reached: [10, 6, 4, 2, 1] }) },
      { period: '2026-10', complete: true, kpis: kpis({ outreach: 160, firstMeetings: 20, withNextStep: 8, leads: 60, won: 9, lost: 29, wonAmount: 45000, reached: [30, 20, 6, 4, 3] }) },
      { period: '2026-11', complete: false, kpis: kpis({ outreach: 40, firstMeetings: 3, withNextStep: 1, leads: 20, won: 0, lost: 0, reached: [5, 1, 0, 0, 0] }) },
    ]);
    expect(pooled).toMatchObject({ months: 3, completeMonths: 2, outreach: 280, firstMeetings: 33, firstMeetingsWithNextStep: 18, leads: 120, won: 10, lost: 30, wonAmount: 50000 });
    expect(pooled.firstMeetingsPerMonth).toBe(15); // (10 + 20) / 2 complete months; November is left out
    expect(pooled.nextStepRate).toBeCloseTo(18 / 33, 12); // not the mean of 0.9, 0.4 and 0.33
    expect(pooled.winRate).toBe(0.25); // 10 / 40: the article's kind of check
    expect(pooled.leadConversion).toBe(10 / 120);
    expect(pooled.winsPerFirstMeeting).toBe(10 / 33);
    expect(pooled.outreachPerFirstMeeting).toBe(280 / 33);
    expect(pooled.transitions.map((t) => [t.reached, t.advanced])).toEqual([[45, 27], [27, 10], [10, 6], [6, 4]]);
    // Rates 0.6, 0.37, 0.6, 0.67: the leak is Discovery -> Proposal.
    expect(pooled.leak).toMatchObject({ from: 'Discovery', to: 'Proposal', reached: 27, advanced: 10 });
    expect(pooled.overall).toBe(4 / 45);
  });

  it('picks the earliest of equal lowest rates and skips steps nobody reached', () => {
    const pooled = pool([{ period: '2026-10', complete: true, kpis: kpis({ reached: [10, 5, 5, 0, 0] }) }]);
    // Rates 0.5, 1, 0, null: the lowest reached one is Proposal -> Negotiation (0 of 5).
    expect(pooled.leak).toMatchObject({ from: 'Proposal', rate: 0 });
    const tie = pool([{ period: '2026-10', complete: true, kpis: kpis({ reached: [10, 5, 5, 5, 5] }) }]);
    expect(tie.leak?.from).toBe('Qualify'); // 0.5 then 1, 1, 1
  });

  it('gives null rates and no leak for an empty window', () => {
    const pooled = pool([]);
    expect(pooled).toMatchObject({ months: 0, firstMeetingsPerMonth: null, winRate: null, leak: null, overall: null });
  });
});
