/**
 * Turns one scope's KPIs (KPI-SPEC §5) into labelled, formatted rows for
 * the page tables. Pure: no KPI is computed here, only worded and formatted.
 */
import { focusLabel, type Formatters } from '../core/format.ts';
import type { Kpis } from '../core/kpi/report.ts';

/** One line of a two-column table: what it is, and its formatted value. */
export interface FactRow {
  label: string;
  value: string;
}

/** One row of the stage conversion table; `leak` marks the transition with the lowest rate. */
export interface StageRow {
  from: string;
  to: string;
  reached: string;
  advanced: string;
  rate: string;
  leak: boolean;
}

/** KPI 1: outreach, first meetings, outreach per first meeting and the next-step rate. */
export function activityRows(kpis: Kpis, f: Formatters): FactRow[] {
  const a = kpis.activity;
  return [
    { label: 'Outreach (calls, emails, events, social)', value: f.count(a.outreach) },
    { label: 'First meetings', value: f.count(a.firstMeetings) },
    { label: 'Outreach per first meeting', value: f.decimal(a.outreachPerFirstMeeting) },
    { label: 'First meetings with a next step', value: f.count(a.firstMeetingsWithNextStep) },
    { label: 'Next-step rate', value: f.percent(a.nextStepRate) },
  ];
}

/** KPI 2: one row per transition of the cohort, the leak marked. */
export function stageRows(kpis: Kpis, f: Formatters): StageRow[] {
  const leak = kpis.stages.leak;
  return kpis.stages.transitions.map((t) => ({
    from: t.from,
    to: t.to,
    reached: f.count(t.reached),
    advanced: f.count(t.advanced),
    rate: f.percent(t.rate),
    leak: leak !== null && leak.from === t.from && leak.to === t.to,
  }));
}

/** KPI 2's summary: the overall rate and the leak in words. */
export function stageSummaryRows(kpis: Kpis, f: Formatters): FactRow[] {
  const { overall, leak } = kpis.stages;
  return [
    { label: 'Overall (won / reached the first stage)', value: f.percent(overall) },
    { label: 'Leak (lowest conversion)', value: leak ? `${leak.from} → ${leak.to}` : '—' },
  ];
}

/** KPI 3: win rate and the deals and leads needed to make quota. */
export function winRateRows(kpis: Kpis, f: Formatters): FactRow[] {
  const w = kpis.winRate;
  return [
    { label: 'Won', value: f.count(w.won) },
    { label: 'Lost', value: f.count(w.lost) },
    { label: 'Win rate', value: f.percent(w.rate) },
    { label: 'Won amount', value: f.money(w.wonAmount) },
    { label: 'Average deal size (trailing window)', value: f.money(w.avgDealSize) },
    { label: 'Deals needed for quota', value: f.count(w.dealsNeeded) },
    { label: 'Leads needed for quota', value: f.count(w.leadsNeeded) },
  ];
}

/** KPI 4: quota, closed won, gap, open pipeline, coverage, overdue and the focus. */
export function pipelineRows(kpis: Kpis, f: Formatters): FactRow[] {
  const p = kpis.pipeline;
  return [
    { label: 'Quota', value: f.money(p.quota) },
    { label: 'Closed won', value: f.money(p.closedWon) },
    { label: 'Gap to quota', value: f.money(p.gap) },
    { label: 'Attainment', value: f.percent(p.attainment) },
    { label: 'Open deals closing this period', value: f.count(p.open.count) },
    { label: 'Open amount', value: f.money(p.open.amount) },
    { label: 'Weighted open amount', value: f.money(p.open.weighted) },
    { label: 'Coverage (open amount / gap)', value: f.multiple(p.coverage) },
    { label: 'Overdue open deals', value: `${f.count(p.overdue.count)} (${f.money(p.overdue.amount)})` },
    { label: 'Focus', value: focusLabel(p.focus) },
  ];
}

/** The lagging indicators: sales, won and lost deals, customers and churn. */
export function laggingRows(kpis: Kpis, f: Formatters): FactRow[] {
  const l = kpis.lagging;
  return [
    { label: 'Total sales', value: f.money(l.totalSales) },
    { label: 'Deals won', value: f.count(l.won) },
    { label: 'Deals lost', value: f.count(l.lost) },
    { label: 'Customers at period end', value: f.count(l.customers) },
    { label: 'Churn rate', value: f.percent(l.churnRate) },
  ];
}
