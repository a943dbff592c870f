/**
 * Every count of deals links to the list of those deals: a KPI cell of a
 * metric that counts (or sums) deals gets the URL of its list's section on
 * the scope's deal page of the same period. Nothing links on a site that
 * hides deals (`"deals": "hide"`), so no page points at a deal page that
 * was not built.
 */
import type { DealListName } from '../../core/deals/dealLists.ts';
import type { Period } from '../../core/kpi/periods.ts';
import type { Kpis } from '../../core/schema/kpiReport.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import type { ScopeRef } from '../urls.ts';
import { metricCell, type Cell } from './cell.ts';

/** The list behind each metric that counts deals (KPI JSON paths). */
const LIST_OF: Partial<Record<MetricRef['path'], DealListName>> = {
  'pipeline.overdue.count': 'overdue',
  'pipeline.overdue.amount': 'overdue',
  'pipeline.open.count': 'due',
  'pipeline.open.amount': 'due',
  'pipeline.openByStage.*.count': 'due',
  'pipeline.openByStage.*.amount': 'due',
  'outlook.stale.count': 'stale',
  'outlook.stale.amount': 'stale',
  'winRate.won': 'won',
  'winRate.wonAmount': 'won',
  'winRate.lost': 'lost',
  'winRate.lostAmount': 'lost',
  'outlook.forecast.deals': 'forecast',
  'outlook.forecast.expected': 'forecast',
};

/** The section of `list` on the deal page of `scope` in `period`; undefined when the site hides deals or has no pages for the period (a month ahead). */
export function dealHref(site: SiteModel, scope: ScopeRef, period: Period, list: DealListName): string | undefined {
  const { months, quarters } = site.timeline;
  const built = (period.kind === 'quarter' ? quarters : months).some((p) => p.id === period.id);
  return site.dealsShown && built ? site.urls.dealList(scope, period, list) : undefined;
}

/** `cell` (metric `ref` of `scope` in `period`) linked to its deal list when the metric counts deals. */
export function dealLinked(site: SiteModel, scope: ScopeRef, period: Period, ref: MetricRef, cell: Cell): Cell {
  const list = LIST_OF[ref.path];
  const href = list && dealHref(site, scope, period, list);
  return href ? { ...cell, href } : cell;
}

/** The metric cell of `ref` of `scope` in `period` (as `metricCell`), linked to its deal list when it counts deals and the scope has KPIs there. */
export function scopeMetricCell(site: SiteModel, scope: Scope, period: Period, ref: MetricRef, kpis: Kpis | null = site.kpis(scope, period)): Cell {
  const cell = metricCell(kpis, ref, { scope: scope.key, period: period.id }, site.words);
  return kpis ? dealLinked(site, scope, period, ref, cell) : cell;
}
