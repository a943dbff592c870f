/**
 * This week against the plan, on a rep's or a team's page while the
 * current month runs: outreach and first meetings so far this ISO week (the
 * KPI JSON of the week) against the plan's weekly numbers, and what the
 * month still needs (the month's plan less what it has done so far).
 */
import { periodOf } from '../../core/kpi/periods.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import { dayToIso } from '../../core/ingest/values.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import { fill } from '../text/dictionary.ts';
import { metricCell } from './cell.ts';
import { table, type Table } from './table.ts';

export interface WeekPlan {
  title: string;
  table: Table;
}

const ROWS: { key: 'outreach' | 'firstMeetings'; ref: MetricRef }[] = [
  { key: 'outreach', ref: { path: 'activity.outreach' } },
  { key: 'firstMeetings', ref: { path: 'activity.firstMeetings' } },
];

/** The week's table of `scope`; null when the current month is over or the scope has no plan (no quota). */
export function weekPlan(site: SiteModel, scope: Scope, stem: string): WeekPlan | null {
  const { timeline: t, words: w } = site;
  const { l, f } = w;
  const { plan } = site.plan(scope);
  if (t.complete(t.month) || plan.quota <= 0) return null;
  const week = periodOf('week', t.asOf);
  const weekKpis = site.kpis(scope, week);
  const monthKpis = site.kpis(scope, t.month);
  const rows = ROWS.map(({ key, ref }) => {
    const done = monthKpis?.activity[key] ?? 0;
    const month = plan.month[key];
    const left = month === null ? null : Math.max(0, month - done);
    return {
      head: { text: l[`plan.${key}`] },
      data: { week: key },
      cells: [
        metricCell(weekKpis, ref, { scope: scope.key, period: week.id }, w),
        { text: f.count(plan.week[key]), raw: plan.week[key] },
        metricCell(monthKpis, ref, { scope: scope.key, period: t.month.id }, w),
        { text: f.count(left), raw: left },
      ],
    };
  });
  const dates = { from: f.shortDate(dayToIso(week.start)), to: f.shortDate(dayToIso(week.end)) };
  const title = fill(l['week.title'], dates);
  return {
    title,
    table: table({ id: `${stem}-week-${week.id}`, caption: fill(l['week.caption'], { scope: scope.label, ...dates }), columns: [l['plan.target'], l['week.soFar'], l['plan.perWeek'], l['week.monthSoFar'], l['week.monthLeft']], rows }, w),
  };
}
