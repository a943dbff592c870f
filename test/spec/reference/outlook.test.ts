/** The reference's §7 against hand-computed cases: median, velocity, staleness, the range and its fallback. */
import { describe, expect, it } from 'vitest';
import { stageOdds } from './outlook.ts';
import { parsePeriod, trailingWindow } from './periods.ts';
import { Q } from './rational.ts';
import { referenceReport } from './report.ts';
import { historyByDeal } from './stages.ts';
import { activity, config, data, deal, deals, entry } from './testData.ts';

const P = '2026-10';
const A = '2026-10-15';
const WINDOW = trailingWindow(parsePeriod(P), 12); // 2025-11-01 .. 2026-10-31

const won = [
  deal({ id: 'W1', stage: 'Won', amount: '1000', created: '2026-01-01', close: '2026-01-04' }), // 3 days
  deal({ id: 'W2', stage: 'Won', amount: '2000', created: '2026-02-01', close: '2026-02-11' }), // 10
  deal({ id: 'W3', stage: 'Won', amount: '3000', created: '2026-03-01', close: '2026-03-02' }), // 1
  deal({ id: 'W4', stage: 'Won', amount: '4000', created: '2026-04-10', close: '2026-04-05' }), // -5 counts as 0
  deal({ id: 'W5', stage: 'Won', amount: '9000', created: '2025-01-01', close: '2025-10-31' }), // before the window
];

describe('reference §7 cycle and velocity', () => {
  it('the median of an even count is the mean of the two middle values; a negative cycle is 0 days', () => {
    const { cycle } = referenceReport(data({ deals: won }), P, A).team.outlook;
    expect(cycle).toEqual({ wonDeals: 4, medianDays: 2, meanDays: 3.5 }); // [0, 1, 3, 10]
  });

  it('the median of an odd count is the middle value', () => {
    const { cycle } = referenceReport(data({ deals: won.filter((d) => d.id !== 'W4') }), P, A).team.outlook;
    expect(cycle.medianDays).toBe(3); // [1, 3, 10]
    expect(cycle.meanDays).toBeCloseTo(14 / 3, 12);
  });

  it('velocity = opportunities (overdue included, not created after A) x window win rate x average deal / mean cycle', () => {
    const open = [
      deal({ id: 'O1', stage: 'A', amount: '10', created: '2026-09-01', close: '2026-11-30' }),
      deal({ id: 'O2', stage: 'B', amount: '10', created: '2026-08-01', close: '2026-09-30' }), // overdue
      deal({ id: 'O3', stage: 'B', amount: '10', created: '2026-10-20', close: '2026-11-30' }), // created after A
    ];
    const lost = deal({ id: 'L1', stage: 'Lost', amount: '500', created: '2026-04-01', close: '2026-05-01' });
    const { velocity } = referenceReport(data({ deals: [...won.slice(0, 4), lost, ...open] }), P, A).team.outlook;
    expect(velocity).toEqual({ opportunities: 2, winRate: 0.8, avgDealSize: 2500, cycleDays: 3.5, perDay: (2 * 0.8 * 2500) / 3.5 });
  });
});

describe('reference §7 stale deals', () => {
  it('A - lastTouch > staleDays, touches after A ignored, a stage’s own staleDays first', () => {
    const cfg = config();
    cfg.stages[2].staleDays = 50;
    const open = (id: string, stage: string, amount: string, created: string, close = '2026-12-31') =>
      deal({ id, stage, amount, created, close });
    const list = [
      open('S1', 'A', '100', '2026-09-10'), // 35 days: stale
      open('S2', 'A', '200', '2026-09-15'), // exactly 30: not stale
      open('S3', 'A', '300', '2026-08-01'), // touched by an activity on 10-01
      open('S4', 'A', '400', '2026-08-01'), // touches only after A: stale
      open('S5', 'C', '500', '2026-09-01'), // 44 days, but C allows 50
      open('S6', 'B', '600', '2026-08-01'), // moved on 10-10
      open('S7', 'A', '700', '2026-10-16'), // created after A: not open at A
      open('S8', 'A', '800', '2026-01-01', '2026-02-01'), // overdue: stale whatever its close date
    ];
    const activities = [
      activity({ id: 'X1', date: '2026-10-01', owner: 'Bo', type: 'call', lead: 'L1', deal: 'S3' }),
      activity({ id: 'X2', date: '2026-10-20', owner: 'Ann', type: 'call', lead: 'L1', deal: 'S4' }),
    ];
    const history = [entry('S4', 'B', '2026-10-16', 0), entry('S6', 'B', '2026-10-10', 1)];
    const { stale } = referenceReport(data({ config: cfg, deals: list, activities, history }), P, A).team.outlook;
    expect(stale).toEqual({ count: 3, amount: 1300 });
  });
});

describe('reference §7 forecast range', () => {
  const closedWon = deal({ id: 'W', stage: 'Won', amount: '2000', created: '2026-09-01', close: '2026-10-05' });
  const quota = [{ owner: 'Ann', period: P, amount: Q.of(5000) }];
  const inP = (n: number) => deals(n, 'D', { stage: 'B', amount: '1000', created: '2026-09-01', close: '2026-10-20' });
  const overdue = deal({ id: 'late', stage: 'B', amount: '9999', created: '2026-09-01', close: '2026-10-10' });

  it('one deal: the range is clipped to [closedWon, closedWon + open]', () => {
    const { forecast } = referenceReport(data({ deals: [closedWon, overdue, ...inP(1)], quotas: quota }), P, A).team.outlook;
    // p(B) = 0.5 configured (one closed deal): expected 2500, sigma 500, z x sigma = 640.78.
    expect(forecast).toEqual({ deals: 1, expected: 2500, low: 2000, high: 3000, attainment: 0.5 });
  });

  it('four deals: expected -/+ z x sigma inside the clip', () => {
    const { forecast } = referenceReport(data({ deals: [closedWon, overdue, ...inP(4)] }), P, A).team.outlook;
    // sigma = sqrt(4 x 1000^2 x 0.25) = 1000
    expect(forecast).toEqual({ deals: 4, expected: 4000, low: 4000 - 1281.5515655446004, high: 4000 + 1281.5515655446004, attainment: null });
  });

  it('no deal counted: low = expected = high = closedWon', () => {
    const { forecast } = referenceReport(data({ deals: [closedWon, overdue] }), P, A).team.outlook;
    expect(forecast).toEqual({ deals: 0, expected: 2000, low: 2000, high: 2000, attainment: null });
  });
});

describe('reference §7 p(s) and its fallbacks', () => {
  const closed = (n: number, prefix: string, stage: string, lostAtStage: string | null = null) =>
    deals(n, prefix, { stage, lostAtStage, amount: '100', created: '2026-01-01', close: '2026-02-01', owner: 'Bo' });
  const odds = (list: ReturnType<typeof closed>, history = [] as ReturnType<typeof entry>[]) =>
    Object.fromEntries([...stageOdds(list, historyByDeal(history), config(), WINDOW)].map(([s, p]) => [s, p.toNumber()]));

  it('learned from the closed deals that reached each stage', () => {
    expect(odds([...closed(12, 'w', 'Won'), ...closed(10, 'a', 'Lost', 'A'), ...closed(2, 'b', 'Lost', 'B')])).toEqual({ A: 0.5, B: 12 / 14, C: 1 });
  });

  it('a stage reached by fewer than 10 closed deals keeps its configured probability', () => {
    expect(odds([...closed(8, 'w', 'Won'), ...closed(12, 'a', 'Lost', 'A')])).toEqual({ A: 0.4, B: 0.5, C: 0.8 });
  });

  it('v2.1: fewer than 10 lost deals with a known loss stage: every stage configured', () => {
    expect(odds([...closed(12, 'w', 'Won'), ...closed(3, 'b', 'Lost', 'B'), ...closed(9, 'x', 'Lost')])).toEqual({ A: 0.1, B: 0.5, C: 0.8 });
  });

  it('an open stage in the stage history is a known loss stage', () => {
    const history = Array.from({ length: 9 }, (_, i) => entry(`x-${i + 1}`, 'A', '2026-01-05', i));
    expect(odds([...closed(12, 'w', 'Won'), ...closed(3, 'b', 'Lost', 'B'), ...closed(9, 'x', 'Lost')], history)).toEqual({ A: 0.5, B: 0.8, C: 1 });
  });

  it('deals closed before the window do not count', () => {
    const old = deals(30, 'o', { stage: 'Won', amount: '100', created: '2025-01-01', close: '2025-10-31' });
    expect(odds(old)).toEqual({ A: 0.1, B: 0.5, C: 0.8 });
  });

  it('a rep’s forecast uses the table learned from every rep’s deals', () => {
    const mine = deal({ id: 'mine', stage: 'A', amount: '1000', created: '2026-09-01', close: '2026-10-31' });
    const all = [mine, ...closed(12, 'w', 'Won'), ...closed(12, 'a', 'Lost', 'A')];
    expect(referenceReport(data({ deals: all }), P, A).reps.Ann.outlook.forecast.expected).toBe(500); // p(A) = 12/24
  });
});
