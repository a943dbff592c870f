import { describe, expect, it } from 'vitest';
import { kpis } from './fixtures.test-helpers.ts';
import { activityPlan, ceilExact, dealsFor, planInputOf, WEEKS_PER_MONTH } from './plan.ts';
import { pool } from './pool.ts';

const ARTICLE = {
  quota: 100_000,
  avgDealSize: 5_000,
  leadConversion: 0.1, // 100 leads a month, 10 buy
  winsPerFirstMeeting: 0.25, // 1 win in 4 first meetings
  outreachPerFirstMeeting: 8,
  overall: 0.2, // 1 in 5 opportunities is won
};

describe('activityPlan', () => {
  it("reproduces the article: 100 000 / 5 000 = 20 deals; 10 % conversion -> 200 leads", () => {
    const plan = activityPlan(ARTICLE);
    expect(plan.month.deals).toBe(20);
    expect(plan.month.leads).toBe(200);
    expect(plan.missing).toEqual([]);
  });

  it('carries the month down to first meetings, outreach and opportunities', () => {
    const plan = activityPlan(ARTICLE);
    expect(plan.month.firstMeetings).toBe(80); // 20 / 0.25
    expect(plan.month.outreach).toBe(640); // 80 x 8
    expect(plan.month.opportunities).toBe(100); // 20 / 0.2
  });

  it('divides by 52/12 weeks a month and rounds up', () => {
    const plan = activityPlan(ARTICLE);
    expect(WEEKS_PER_MONTH).toBeCloseTo(4.333, 3);
    expect(plan.week).toEqual({
      deals: 5, // 20 / 4.33 = 4.6
      leads: 47, // 200 / 4.33 = 46.2
      opportunities: 24, // 100 / 4.33 = 23.1
      firstMeetings: 19, // 80 / 4.33 = 18.5
      outreach: 148, // 640 / 4.33 = 147.7
    });
  });

  it('works from the sample-style trailing numbers of a rep', () => {
    // Quota 141 875 a month, average won deal 29 295.17, 8.5 % lead conversion,
    // 39 wins from 350 first meetings, 8.5 outreach per first meeting.
    const plan = activityPlan({
      quota: 141_875,
      avgDealSize: 29_295.17,
      leadConversion: 0.085,
      winsPerFirstMeeting: 39 / 350,
      outreachPerFirstMeeting: 8.5,
      overall: 0.17,
    });
    expect(plan.month.deals).toBe(5); // 4.84 -> 5
    expect(plan.month.leads).toBe(59); // 5 / 0.085 = 58.8
    expect(plan.month.firstMeetings).toBe(45); // 5 x 350 / 39 = 44.9
    expect(plan.month.outreach).toBe(383); // 45 x 8.5 = 382.5
    expect(plan.week.firstMeetings).toBe(11); // 45 / 4.33 = 10.4
  });

  it('needs nothing for a quota of 0, and says which ratio is missing', () => {
    expect(activityPlan({ ...ARTICLE, quota: 0 }).month).toEqual({ deals: 0, leads: 0, opportunities: 0, firstMeetings: 0, outreach: 0 });
    const noWins = activityPlan({ ...ARTICLE, avgDealSize: null, winsPerFirstMeeting: 0 });
    expect(noWins.month).toEqual({ deals: null, leads: null, opportunities: null, firstMeetings: null, outreach: null });
    expect(noWins.missing).toEqual(['avgDealSize', 'winsPerFirstMeeting']);
    const noOutreach = activityPlan({ ...ARTICLE, outreachPerFirstMeeting: null });
    expect(noOutreach.month.firstMeetings).toBe(80);
    expect(noOutreach.month.outreach).toBeNull();
  });
});

describe('ceilExact and dealsFor', () => {
  it('rounds up but forgives float noise', () => {
    expect(ceilExact(20.000000000000004)).toBe(20);
    expect(ceilExact(20.01)).toBe(21);
    expect(ceilExact(0.1 * 3 * 10)).toBe(3); // 3.0000000000000004
  });

  it('follows KPI-SPEC §6: 0 for no quota, null without an average deal, exact ceilings', () => {
    expect(dealsFor(0, 5_000)).toBe(0);
    expect(dealsFor(100_000, null)).toBeNull();
    expect(dealsFor(100_000, 0)).toBeNull();
    expect(dealsFor(15_000.45, 5_000.15)).toBe(3);
    expect(dealsFor(70_000, 12_000)).toBe(6);
  });
});

describe('planInputOf', () => {
  it('takes the month quota and KPI 3 average deal, and the pooled ratios', () => {
    const month = kpis({ won: 2, lost: 2, firstMeetings: 8, outreach: 40, leads: 10, reached: [10, 6, 4, 2, 2], pipeline: { quota: 50_000 } });
    month.winRate.avgDealSize = 5_000;
    const trailing = pool([{ period: '2026-10', kpis: month, complete: true }]);
    expect(planInputOf(month, trailing)).toEqual({ quota: 50_000, avgDealSize: 5_000, leadConversion: 0.2, winsPerFirstMeeting: 0.25, outreachPerFirstMeeting: 5, overall: 0.2 });
    expect(planInputOf(null, trailing)).toMatchObject({ quota: 0, avgDealSize: null });
  });
});
