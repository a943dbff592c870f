/**
 * The article's worked examples (seed/000_855dee97921c25d8.txt, KPI-SPEC §3 KPI 3):
 *   - 5 closed-won and 30 opportunities in all (5 won + 25 lost) -> win rate ~17 % (0.1667);
 *   - about 100 leads a month of which 10 buy -> conversion 10 %;
 *   - monthly quota $100 000, average deal $5 000 -> 20 deals; 10 % conversion -> 200 leads.
 * The rows are generated in code, but every expected number is the article's.
 */
import { describe, expect, test } from 'vitest';
import { csv, report } from './spec.test-helpers.ts';

const DEAL_HEADER = 'id,owner,stage,amount,created,close_date';
const pad = (n: number) => String(n).padStart(2, '0');

describe('win rate: 5 won + 25 lost in a month', async () => {
  const rows: string[] = [];
  for (let i = 1; i <= 5; i++) rows.push(`W${i},ann,Closed Won,1000,2026-09-01,2026-10-${pad(i)}`);
  for (let i = 1; i <= 25; i++) rows.push(`L${i},${i <= 15 ? 'ann' : 'bob'},Closed Lost,1000,2026-09-01,2026-10-${pad(i)}`);
  const config = JSON.stringify({ teams: { ann: 'Field', bob: 'Field' } });
  const r = await report({ 'keepscore.config.json': config, 'deals.csv': csv(DEAL_HEADER, ...rows) }, '2026-10', '2026-10-31');

  test('team: 5 / (5 + 25) = 1/6 = 0.1667 (about 17 %)', () => {
    const w = r.team.winRate;
    expect([w.won, w.lost]).toEqual([5, 25]);
    expect(w.rate).toBeCloseTo(1 / 6, 12);
    expect(Number(w.rate!.toFixed(4))).toBe(0.1667);
    expect(Math.round(w.rate! * 100)).toBe(17);
    expect(w.valueRate).toBeCloseTo(1 / 6, 12); // equal amounts
    expect(r.teams.Field.winRate.rate).toBeCloseTo(1 / 6, 12);
  });

  test('reps: ann 5 won + 15 lost = 0.25; bob 0 won + 10 lost = 0', () => {
    expect(r.reps.ann.winRate.rate).toBe(0.25);
    expect(r.reps.bob.winRate.rate).toBe(0);
    expect(r.team.lagging.won).toBe(5);
    expect(r.team.lagging.lost).toBe(25);
  });
});

describe('the leads-needed plan: quota 100 000, average deal 5 000, 10 % conversion', async () => {
  // ann and bob each: 50 leads first touched in October 2026, 5 won deals, quota 50 000.
  // ann's deals average 5000 (3000..7000), bob's are all 5000 -> team average 5000.
  const annAmounts = [3000, 4000, 5000, 6000, 7000];
  const deals = [
    ...annAmounts.map((a, i) => `A${i},ann,Closed Won,${a},2026-09-01,2026-10-${pad(i + 10)}`),
    ...annAmounts.map((_, i) => `B${i},bob,Closed Won,5000,2026-09-01,2026-10-${pad(i + 10)}`),
  ];
  const activities: string[] = [];
  for (let i = 0; i < 100; i++) {
    const owner = i < 50 ? 'ann' : 'bob';
    activities.push(`T${i},2026-10-${pad((i % 28) + 1)},${owner},${i % 2 ? 'call' : 'email'},lead-${i}`);
  }
  const r = await report({
    'keepscore.config.json': JSON.stringify({ teams: { ann: 'Sales', bob: 'Sales' } }),
    'deals.csv': csv(DEAL_HEADER, ...deals),
    'activities.csv': csv('id,date,owner,type,lead', ...activities),
    'quotas.csv': csv('owner,period,amount', 'ann,2026-10,50000', 'bob,2026-10,50000'),
  }, '2026-10', '2026-10-31');

  test('team: 100 leads, 10 buy -> 10 %; 100000 / 5000 = 20 deals; 20 / 10 % = 200 leads', () => {
    for (const k of [r.team, r.teams.Sales]) {
      expect(k.winRate.won).toBe(10);
      expect(k.winRate.leadConversion).toBeCloseTo(0.1, 12);
      expect(k.pipeline.quota).toBe(100000);
      expect(k.winRate.avgDealSize).toBe(5000);
      expect(k.winRate.dealsNeeded).toBe(20);
      expect(k.winRate.leadsNeeded).toBe(200);
    }
  });

  test('each rep: own quota 50000 and own 10 % -> 10 deals, 100 leads', () => {
    for (const rep of ['ann', 'bob']) {
      const w = r.reps[rep].winRate;
      expect(w.leadConversion).toBeCloseTo(0.1, 12);
      expect(w.avgDealSize).toBe(5000);
      expect(w.dealsNeeded).toBe(10);
      expect(w.leadsNeeded).toBe(100);
    }
  });

  test('KPI 4 for the same month: closed-won 50000 of 100000 -> attainment 0.5', () => {
    expect(r.team.pipeline.closedWon).toBe(50000);
    expect(r.team.pipeline.gap).toBe(50000);
    expect(r.team.pipeline.attainment).toBe(0.5);
    expect(r.team.pipeline.focus).toBe('create'); // no open pipeline: coverage 0
    expect(r.team.pipeline.coverage).toBe(0);
  });
});

test('a single rep with the article\'s monthly quota of 100 000', async () => {
  // won in the trailing year: 4000 + 6000 (avg 5000); leads in the trailing year: 20 -> 2/20 = 10 %
  const activities = Array.from({ length: 20 }, (_, i) => `X${i},2026-0${(i % 9) + 1}-15,ann,social,p${i}`);
  const r = await report({
    'deals.csv': csv(DEAL_HEADER, 'D1,ann,Closed Won,4000,2026-01-01,2026-03-03', 'D2,ann,Closed Won,6000,2026-01-01,2026-07-07'),
    'activities.csv': csv('id,date,owner,type,lead', ...activities),
    'quotas.csv': csv('owner,period,amount', 'ann,2026-10,100000'),
  }, '2026-10', '2026-10-31');
  expect(r.reps.ann.winRate.avgDealSize).toBe(5000);
  expect(r.reps.ann.winRate.dealsNeeded).toBe(20);
  expect(r.reps.ann.winRate.leadsNeeded).toBe(200);
  expect(r.reps.ann.winRate.leadConversion).toBeNull(); // no lead began in October
  expect(r.reps.ann.winRate.rate).toBeNull(); // nothing closed in October
});
