/**
 * The deal lists of one small data set, every number worked out by hand.
 * As of Wednesday 2026-11-18 (ISO week 2026-W47: 11-16 to 11-22); stale
 * after 30 days; ann and bob are team East. Too few closed deals to learn
 * from, so the forecast weighs by the configured probabilities.
 */
import { describe, expect, it } from 'vitest';
import { configSchema } from '../schema/config.ts';
import { csv, load } from '../kpi/spec.test-helpers.ts';
import { kpiEngine, periodFacts } from '../kpi/report.ts';
import { parsePeriod } from '../kpi/periods.ts';
import { isoToDay } from '../ingest/values.ts';
import { dealLists, dealListsShown, type DealList } from './dealLists.ts';

const FILES = {
  'keepscore.config.json': JSON.stringify({ teams: { ann: 'East', bob: 'East' } }),
  'deals.csv': csv(
    'id,name,account,owner,stage,amount,created,close_date,lost_at_stage',
    'O1,One,Acme,ann,Proposal,5000,2026-09-01,2026-10-15,', // overdue 34 days; a call on 11-17
    'O2,Two,,ann,Qualify,9000,2026-09-01,2026-11-10,', // overdue 8 days; untouched 78 days
    'O3,Three,Acme,ann,Discovery,9000,2026-10-01,2026-11-01,', // overdue 17 days; untouched 48 days
    'W1,Week one,Beta,ann,Negotiation,20000,2026-10-01,2026-11-20,', // due, this week; in Negotiation since 11-03
    'W2,Week two,Beta,ann,Qualify,3000,2026-11-01,2026-11-18,', // due on as-of, this week
    'W3,Week three,Beta,ann,Proposal,1000,2026-11-02,2026-11-20,', // due, this week
    'L1,Large,Gamma,ann,Discovery,50000,2026-08-01,2026-11-30,', // due; untouched 109 days
    'S1,Slipped,Delta,ann,Proposal,7000,2026-10-01,2026-12-20,', // close date 11-25 recorded 11-02, then 12-20
    'S2,Always December,Delta,ann,Qualify,4000,2026-10-01,2026-12-05,', // only ever December
    'S3,Recorded late,Delta,ann,Qualify,2000,2026-10-01,2026-12-10,', // a November date recorded after as-of
    'S4,Into October late,Delta,ann,Proposal,3000,2026-11-01,2026-12-01,', // an October date recorded in November
    'C1,Won,Eta,ann,Closed Won,15000,2026-09-01,2026-11-05,',
    'C2,Lost,Eta,ann,Closed Lost,6000,2026-09-01,2026-11-12,Discovery',
    'C3,Won before,Eta,ann,Closed Won,8000,2026-09-01,2026-10-20,',
    'B1,Bob one,Theta,bob,Negotiation,12000,2026-10-05,2026-11-26,',
    'F1,Future,Iota,ann,Qualify,100,2026-11-25,2026-11-28,', // created after as-of: not open
  ),
  'stage_history.csv': csv('deal,stage,entered', 'W1,Qualify,2026-10-01', 'W1,Proposal,2026-10-10', 'W1,Negotiation,2026-11-03'),
  'activities.csv': csv('id,date,owner,type,lead,deal', 'A1,2026-11-17,ann,call,L1,O1', 'A2,2026-11-17,ann,call,L2,'),
  'close_dates.csv': csv(
    'deal,close_date,recorded',
    'S1,2026-11-25,2026-11-02', 'S1,2026-12-20,2026-11-16', 'S2,2026-12-05,2026-11-02',
    'S3,2026-11-25,2026-11-20', 'S4,2026-10-30,2026-11-02', 'S4,2026-12-01,2026-11-16',
  ),
};

const dataset = await load(FILES);
const { facts } = kpiEngine(dataset, isoToDay('2026-11-18')!);
const ANN = [facts.reps.indexOf('ann')];
const EAST = [0, 1];
const listsOf = (scope: number[], period: string, options = {}) => dealLists(facts, scope, periodFacts(facts, parsePeriod(period)!), options);
const ids = (list: DealList) => list.rows.map((r) => r.id);
const november = listsOf(ANN, '2026-11', { largest: 2 });

describe('dealLists, ann, November 2026', () => {
  it('overdue: largest first, then most overdue, with days overdue', () => {
    expect(ids(november.overdue)).toEqual(['O3', 'O2', 'O1']);
    expect(november.overdue).toMatchObject({ count: 3, amount: 23000 });
    expect(november.overdue.rows.map((r) => r.daysOverdue)).toEqual([17, 8, 34]);
  });

  it('due: open with a close date from as-of to the end of P, largest first, split by stage', () => {
    expect(ids(november.due)).toEqual(['L1', 'W1', 'W2', 'W3']);
    expect(november.due).toMatchObject({ count: 4, amount: 74000, weighted: 28300 });
    expect(november.due.byStage.map((s) => [s.stage, ids(s), s.amount, s.weighted])).toEqual([
      ['Qualify', ['W2'], 3000, 300], ['Discovery', ['L1'], 50000, 12500], ['Proposal', ['W3'], 1000, 500], ['Negotiation', ['W1'], 20000, 15000],
    ]);
  });

  it('closing this week: as-of to Sunday, soonest first, then largest', () => {
    expect(november.closingThisWeek.week).toEqual({ id: '2026-W47', start: '2026-11-16', end: '2026-11-22' });
    expect(ids(november.closingThisWeek)).toEqual(['W2', 'W1', 'W3']);
    expect(november.closingThisWeek.amount).toBe(24000);
  });

  it('stale: longest untouched first, whatever the close date; a linked call or a stage entry is a touch', () => {
    expect(ids(november.stale)).toEqual(['L1', 'O2', 'O3', 'S1', 'S2', 'S3']);
    expect(november.stale.rows.map((r) => r.daysSinceTouch)).toEqual([109, 78, 48, 48, 48, 48]);
    expect(november.stale.amount).toBe(81000);
  });

  it('rows: days in stage from the latest entry into the stage, else from created; last touch', () => {
    const w1 = november.due.rows.find((r) => r.id === 'W1')!;
    expect(w1).toEqual({
      id: 'W1', name: 'Week one', account: 'Beta', owner: 'ann', stage: 'Negotiation', amount: 20000, created: '2026-10-01', closeDate: '2026-11-20',
      daysInStage: 15, lastTouch: '2026-11-03', daysSinceTouch: 15, daysOverdue: null,
    });
    expect(november.overdue.rows.find((r) => r.id === 'O1')).toMatchObject({ daysInStage: 78, lastTouch: '2026-11-17', daysSinceTouch: 1 });
    expect(november.overdue.rows.find((r) => r.id === 'O2')).toMatchObject({ account: null });
  });

  it('slipped: a November close date recorded by as-of, and a close date after November now', () => {
    expect(november.slipped.rows.map((r) => [r.id, r.slippedFrom, r.recorded, r.closeDate])).toEqual([['S1', '2026-11-25', '2026-11-02', '2026-12-20']]);
    expect(november.slipped).toMatchObject({ count: 1, amount: 7000, exportsRecorded: 3 });
    // S4's October date was recorded only after October ended: it did not slip out of October.
    expect(listsOf(ANN, '2026-10').slipped.count).toBe(0);
    // Once as-of reaches 11-20, S3's November date counts too.
    const later = kpiEngine(dataset, isoToDay('2026-11-20')!).facts;
    expect(dealLists(later, ANN, periodFacts(later, parsePeriod('2026-11')!)).slipped.rows.map((r) => r.id)).toEqual(['S1', 'S3']);
  });

  it('largest: the option caps it; won and lost: closed in P, largest first', () => {
    expect(november.largest).toMatchObject({ count: 2, amount: 70000, of: 4 });
    expect(ids(november.largest)).toEqual(['L1', 'W1']);
    expect([ids(november.won), november.won.amount, ids(november.lost), november.lost.amount]).toEqual([['C1'], 15000, ['C2'], 6000]);
    expect(november.won.rows[0]).toMatchObject({ closeDate: '2026-11-05', daysOverdue: null });
  });

  it('forecast: the due deals with p(stage) and amount x p, largest expected first; closed-won plus their sum', () => {
    expect(november.forecast.rows.map((r) => [r.id, r.probability, r.expected])).toEqual([['W1', 0.75, 15000], ['L1', 0.25, 12500], ['W3', 0.5, 500], ['W2', 0.1, 300]]);
    expect(november.forecast).toMatchObject({ count: 4, amount: 74000, closedWon: 15000, weighted: 28300, expected: 43300 });
  });
});

describe('dealLists, other scopes and data', () => {
  it("a team's lists hold its reps' deals", () => {
    const east = listsOf(EAST, '2026-11');
    expect([east.due.count, east.due.amount, ids(east.due)[1]]).toEqual([5, 86000, 'W1']);
    expect(east.stale.count).toBe(7);
  });

  it('no close_dates.csv: no slipped deal, and no export recorded', async () => {
    const { 'close_dates.csv': _, ...rest } = FILES;
    const bare = kpiEngine(await load(rest), isoToDay('2026-11-18')!).facts;
    expect(dealLists(bare, ANN, periodFacts(bare, parsePeriod('2026-11')!)).slipped).toEqual({ count: 0, amount: 0, rows: [], exportsRecorded: 0 });
  });
});

describe('dealListsShown', () => {
  it('is false only when the config says "deals": "hide"', () => {
    expect(dealListsShown(configSchema.parse({}))).toBe(true);
    expect(dealListsShown(configSchema.parse({ deals: 'show' }))).toBe(true);
    expect(dealListsShown(configSchema.parse({ deals: 'hide' }))).toBe(false);
  });
});
