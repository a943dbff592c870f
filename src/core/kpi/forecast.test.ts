/**
 * The forecast (KPI-SPEC §7) on a small hand-made data set, and the property
 * that reps add up to the team. Default stages: Qualify 0.1, Discovery 0.25,
 * Proposal 0.5, Negotiation 0.75. P = 2026-10, as-of 2026-10-10; the window
 * is 2025-11 .. 2026-10. ann + bob = East, cid = West.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TEAMS_CONFIG, csv, load, report } from './spec.test-helpers.ts';
import { kpiReport } from './report.ts';

const Z = 1.2815515655446004;

/** n deal rows `prefix1..prefixN` with the same other fields. */
const rows = (prefix: string, n: number, rest: string) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1},${rest}`);

// Closed in the window, all reps: 6 won (reach every stage), 12 lost with a known stage:
// 6 at Qualify, 4 at Discovery, 2 at Proposal. Reached: Qualify 18, Discovery 12, Proposal 8,
// Negotiation 6. So p = 6/18 = 1/3 and 6/12 = 1/2 (learned, >= 10 closed), and the configured
// 0.5 and 0.75 for Proposal and Negotiation (fewer than 10). X1 closed before the window.
const CLOSED = [
  'W1,ann,Closed Won,10000,2026-09-01,2026-10-02,',
  'W2,bob,Closed Won,5000,2026-08-01,2026-10-05,',
  'W3,cid,Closed Won,1000,2026-08-01,2026-10-01,',
  ...rows('V', 3, 'cid,Closed Won,1000,2026-02-01,2026-03-10,'),
  ...rows('L', 6, 'cid,Closed Lost,100,2026-04-01,2026-05-10,Qualify'),
  ...rows('M', 4, 'cid,Closed Lost,100,2026-04-01,2026-06-10,Discovery'),
  ...rows('N', 2, 'bob,Closed Lost,100,2026-09-01,2026-10-03,Proposal'),
  'X1,cid,Closed Lost,100,2025-09-01,2025-10-31,Qualify',
];
// Open at as-of: due in October on or after 10-10 (the forecast's deals) and two others.
const OPEN = [
  'O1,ann,Qualify,3000,2026-09-01,2026-10-20,',
  'O2,ann,Discovery,4000,2026-09-01,2026-10-25,',
  'O3,bob,Proposal,2000,2026-09-01,2026-10-31,',
  'O4,bob,Negotiation,8000,2026-09-01,2026-10-15,',
  'O5,cid,Qualify,1000,2026-09-01,2026-11-15,', // due in November
  'O6,cid,Discovery,500,2026-09-01,2026-10-05,', // overdue: not in the forecast
];
const HEADER = 'id,owner,stage,amount,created,close_date,lost_at_stage';
const files = (deals: string[], history = 'deal,stage,entered') => ({
  'keepscore.config.json': TEAMS_CONFIG,
  'deals.csv': csv(HEADER, ...deals),
  'stage_history.csv': csv(history),
  'quotas.csv': csv('owner,period,amount', 'ann,2026-10,20000', 'bob,2026-10,10000'),
});

describe('forecast, October, as-of 2026-10-10', async () => {
  const r = await report(files([...CLOSED, ...OPEN]), '2026-10', '2026-10-10');

  test('ann: learned p for Qualify and Discovery; the low end is clipped at closed-won', () => {
    // 10000 + 3000 x 1/3 + 4000 x 1/2 = 13000; variance 3000² x 2/9 + 4000² x 1/4 = 6e6
    const sigma = Math.sqrt(6e6);
    expect(13000 - Z * sigma).toBeLessThan(10000);
    expect(r.reps.ann.outlook.forecast).toEqual({ deals: 2, expected: 13000, low: 10000, high: 13000 + Z * sigma, attainment: 0.65 });
  });

  test('bob: configured p below 10 closed deals; the high end is clipped at closed-won + open', () => {
    // 5000 + 2000 x 0.5 + 8000 x 0.75 = 12000; variance 2000² x 1/4 + 8000² x 3/16 = 13e6
    const sigma = Math.sqrt(13e6);
    expect(12000 + Z * sigma).toBeGreaterThan(15000);
    expect(r.reps.bob.outlook.forecast).toEqual({ deals: 2, expected: 12000, low: 12000 - Z * sigma, high: 15000, attainment: 1.2 });
  });

  test('cid: no deal counted -> low = expected = high = closed-won; no quota -> attainment null', () => {
    expect(r.reps.cid.outlook.forecast).toEqual({ deals: 0, expected: 1000, low: 1000, high: 1000, attainment: null });
    expect(r.teams.West.outlook.forecast).toEqual(r.reps.cid.outlook.forecast);
  });

  test('team: the same table for every scope, so the deals and the expected add up', () => {
    const sigma = Math.sqrt(19e6);
    expect(r.team.outlook.forecast).toEqual({ deals: 4, expected: 26000, low: 26000 - Z * sigma, high: 26000 + Z * sigma, attainment: 26000 / 30000 });
    expect(r.teams.East.outlook.forecast.expected).toBe(25000);
    // KPI 4 counts the same four deals, weighted with the configured probabilities: 300 + 1000 + 1000 + 6000
    expect(r.team.pipeline.open).toEqual({ count: 4, amount: 17000, weighted: 8300 });
  });

  test('fewer than 10 lost deals with a known stage: every p is the configured one (v2.1)', async () => {
    const unknown = CLOSED.map((row) => (/^[MN]/.test(row) ? row.replace(/,(Discovery|Proposal)$/, ',') : row));
    const fallback = await report(files([...unknown, ...OPEN]), '2026-10', '2026-10-10');
    // 6 lost deals say where: 10000 + 3000 x 0.1 + 4000 x 0.25
    expect(fallback.reps.ann.outlook.forecast.expected).toBe(11300);
    expect(fallback.reps.bob.outlook.forecast).toEqual(r.reps.bob.outlook.forecast);
  });

  test('an open stage in the stage history makes a loss stage known, and counts as reached', async () => {
    const unknown = CLOSED.map((row) => (/^M/.test(row) ? row.replace(/,Discovery$/, ',') : row));
    const history = ['deal,stage,entered', ...[1, 2, 3, 4].map((i) => `M${i},Discovery,2026-05-01`)].join('\n');
    const known = await report(files([...unknown, ...OPEN], history), '2026-10', '2026-10-10');
    expect(known.reps.ann.outlook.forecast).toEqual(r.reps.ann.outlook.forecast);
  });
});

// Random data sets big enough that most of them learn their probabilities (10 lost deals with a
// known stage): 20..60 deals, four in ten lost, closed or due from June to October 2026.
const STAGES = ['Qualify', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];
const REPS = ['ann', 'bob', 'cid', 'dee'];
const iso = (n: number) => new Date(Date.UTC(2026, 5, 1 + n)).toISOString().slice(0, 10);
const dealArb = fc.record({
  owner: fc.constantFrom(...REPS),
  stage: fc.constantFrom(...STAGES, 'Closed Lost', 'Closed Lost', 'Closed Lost', 'Closed Won'),
  lostAt: fc.constantFrom('', ...STAGES.slice(0, 4)),
  cents: fc.integer({ min: 0, max: 5_000_000 }),
  created: fc.integer({ min: 0, max: 150 }),
  close: fc.integer({ min: 0, max: 150 }),
});

test('the reps\' forecast.expected add up to the team\'s, and so do their deals (fast-check)', async () => {
  await fc.assert(fc.asyncProperty(fc.array(dealArb, { minLength: 20, maxLength: 60 }), fc.integer({ min: 60, max: 150 }), async (deals, asOf) => {
    const lines = deals.map((d, i) => [`D${i}`, d.owner, d.stage, d.cents / 100, iso(d.created), iso(d.close), d.stage === 'Closed Lost' ? d.lostAt : ''].join(','));
    const dataset = await load({ 'keepscore.config.json': TEAMS_CONFIG, 'deals.csv': csv(HEADER, ...lines) });
    for (const period of ['2026-09', '2026-10', '2026-Q4']) {
      const r = kpiReport(dataset, period, iso(asOf));
      const reps = Object.values(r.reps).map((k) => k.outlook.forecast);
      const team = r.team.outlook.forecast;
      expect(reps.reduce((sum, f) => sum + f.deals, 0)).toBe(team.deals);
      expect(Math.abs(reps.reduce((sum, f) => sum + f.expected, 0) - team.expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, team.expected));
      expect(team.low).toBeLessThanOrEqual(team.expected);
      expect(team.high).toBeGreaterThanOrEqual(team.expected);
    }
  }), { numRuns: 100 });
});
