/**
 * Named KPI values for prose: `winRate.rate`, `pipeline.open.amount`… A
 * narrative (MDX) quotes a number by its path in the KPI JSON, and the
 * path decides how it is formatted. The list is closed so a typo in a
 * narrative stops the build with the known names instead of printing "—".
 */
import type { CoreKpis } from '../kpi/report.ts';

/** How a metric is shown: the Formatters of src/core/format.ts, or words. */
export type MetricKind = 'count' | 'percent' | 'money' | 'decimal' | 'multiple' | 'leak' | 'focus';

export const METRICS = {
  'activity.outreach': 'count',
  'activity.firstMeetings': 'count',
  'activity.outreachPerFirstMeeting': 'decimal',
  'activity.firstMeetingsWithNextStep': 'count',
  'activity.nextStepRate': 'percent',
  'stages.overall': 'percent',
  'stages.leak': 'leak',
  'winRate.won': 'count',
  'winRate.lost': 'count',
  'winRate.rate': 'percent',
  'winRate.wonAmount': 'money',
  'winRate.lostAmount': 'money',
  'winRate.valueRate': 'percent',
  'winRate.leadConversion': 'percent',
  'winRate.avgDealSize': 'money',
  'winRate.dealsNeeded': 'count',
  'winRate.leadsNeeded': 'count',
  'pipeline.quota': 'money',
  'pipeline.closedWon': 'money',
  'pipeline.gap': 'money',
  'pipeline.attainment': 'percent',
  'pipeline.open.count': 'count',
  'pipeline.open.amount': 'money',
  'pipeline.open.weighted': 'money',
  'pipeline.coverage': 'multiple',
  'pipeline.overdue.count': 'count',
  'pipeline.overdue.amount': 'money',
  'pipeline.focus': 'focus',
  'lagging.totalSales': 'money',
  'lagging.won': 'count',
  'lagging.lost': 'count',
  'lagging.customers': 'count',
  'lagging.churnRate': 'percent',
} as const satisfies Record<string, MetricKind>;

export type MetricName = keyof typeof METRICS;

/** A metric's raw value: a number, null (a rate over zero), the leak's two stages, or the focus word. */
export type MetricValue =
  | { kind: Exclude<MetricKind, 'leak' | 'focus'>; value: number | null }
  | { kind: 'leak'; value: { from: string; to: string } | null }
  | { kind: 'focus'; value: CoreKpis['pipeline']['focus'] };

export function isMetricName(name: string): name is MetricName {
  return Object.hasOwn(METRICS, name);
}

/** The value of `name` in one scope's KPIs; throws, listing the known names, for an unknown one. */
export function metricValue(kpis: CoreKpis, name: string): MetricValue {
  if (!isMetricName(name)) {
    throw new Error(`Unknown KPI metric "${name}". Known metrics: ${Object.keys(METRICS).join(', ')}.`);
  }
  let value: unknown = kpis;
  for (const key of name.split('.')) value = (value as Record<string, unknown>)[key];
  return { kind: METRICS[name], value } as MetricValue;
}
