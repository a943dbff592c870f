/**
 * A named KPI metric (src/core/report/metric.ts) in words: its label from
 * the shared dictionary and its value formatted for the site's locale.
 * Shared by the <Kpi> component of report narratives and the report tables.
 */
import type { Formatters } from '../core/format.ts';
import { labels, type LabelKey, type Labels } from '../core/i18n.ts';
import type { CoreKpis } from '../core/kpi/report.ts';
import { metricValue, type MetricName, type MetricValue } from '../core/report/metric.ts';

/** The label of a metric (`winRate.rate` -> "Win rate"), or its name when the dictionary has none. */
export function metricLabel(name: MetricName, dict: Labels): string {
  const key = `f.${name}` as LabelKey;
  return key in dict ? dict[key] : name;
}

/** A metric value as text: numbers by kind, the leak as "from → to", the focus as words. */
export function formatMetric(metric: MetricValue, f: Formatters, dict: Labels): string {
  switch (metric.kind) {
    case 'leak': return metric.value ? `${metric.value.from} → ${metric.value.to}` : dict['f.stages.noLeak'];
    case 'focus': return dict[`focus.${metric.value}`];
    default: return f[metric.kind](metric.value);
  }
}

/** `name` of one scope's KPIs as text; throws (stopping the build) on an unknown metric. */
export function metricText(kpis: CoreKpis, name: string, f: Formatters, locale: string): string {
  return formatMetric(metricValue(kpis, name), f, labels(locale));
}
