/** Hand-made KPI objects for the coaching tests: every field zero or empty unless a test says otherwise. */
import type { Kpis } from '../schema/kpiReport.ts';

const STAGES = ['Qualify', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won'];

export interface MonthNumbers {
  outreach?: number;
  firstMeetings?: number;
  withNextStep?: number;
  leads?: number;
  won?: number;
  lost?: number;
  wonAmount?: number;
  /** Deals that reached each open stage and won, e.g. [10, 6, 4, 2, 1]. */
  reached?: number[];
  pipeline?: Partial<Kpis['pipeline']>;
  /** Deals open at as-of (the outlook's opportunities), and the stale ones among them. */
  openDeals?: number;
  stale?: Kpis['outlook']['stale'];
}

const rate = (a: number, b: number) => (b === 0 ? null : a / b);

export function kpis(n: MonthNumbers = {}): Kpis {
  const reached = n.reached ?? [0, 0, 0, 0, 0];
  const won = n.won ?? 0, lost = n.lost ?? 0, fm = n.firstMeetings ?? 0, ns = n.withNextStep ?? 0;
  return {
    activity: {
      outreach: n.outreach ?? 0,
      firstMeetings: fm,
      outreachPerFirstMeeting: rate(n.outreach ?? 0, fm),
      firstMeetingsWithNextStep: ns,
      nextStepRate: rate(ns, fm),
      bySource: n.leads ? { Referral: { leads: n.leads, met: 0, rate: 0 } } : {},
      byChannel: {},
    },
    stages: {
      transitions: STAGES.slice(0, -1).map((from, i) => ({ from, to: STAGES[i + 1], reached: reached[i], advanced: reached[i + 1], rate: rate(reached[i + 1], reached[i]) })),
      overall: rate(reached[4], reached[0]),
      leak: null,
      forward: {},
      backward: {},
    },
    winRate: {
      won, lost, rate: rate(won, won + lost), wonAmount: n.wonAmount ?? 0, lostAmount: 0, valueRate: null,
      leadConversion: null, avgDealSize: null, dealsNeeded: null, leadsNeeded: null,
    },
    pipeline: {
      quota: 0, closedWon: 0, gap: 0, attainment: null, open: { count: 0, amount: 0, weighted: 0 }, openByStage: {},
      coverage: null, overdue: { count: 0, amount: 0 }, focus: 'done', ...n.pipeline,
    },
    lagging: { totalSales: n.wonAmount ?? 0, won, lost, customers: 0, churnRate: null },
    outlook: {
      cycle: { wonDeals: 0, medianDays: null, meanDays: null },
      velocity: { opportunities: n.openDeals ?? 0, winRate: null, avgDealSize: null, cycleDays: null, perDay: null },
      stale: n.stale ?? { count: 0, amount: 0 },
      forecast: { deals: 0, expected: 0, low: 0, high: 0, attainment: null },
    },
  };
}
