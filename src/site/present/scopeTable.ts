/**
 * Side-by-side tables: one row per scope (whole team, teams, reps), one
 * column per metric, every cell a metric cell of that scope and period.
 */
import type { Period } from '../../core/kpi/periods.ts';
import type { Kpis } from '../../core/schema/kpiReport.ts';
import { focusOf, type MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import { fill } from '../text/dictionary.ts';
import { metricLabel, type Cell, type Words } from './cell.ts';
import { scopeMetricCell } from './dealLinks.ts';
import { table, type Table } from './table.ts';

/** The row header of a scope: its name, linked to its page (the bookmarked one unless `href` says which), with its colour. */
export function scopeHead(scope: Scope, href: string = scope.href): Cell {
  return { text: scope.label, href, swatch: scope.kind === 'rep' ? scope.colour : undefined };
}

/** Why KPI 4's focus is what it is, in a sentence, with the config's coverage threshold. */
export function focusWhy(kpis: Kpis | null, threshold: number, w: Words): string {
  const focus = kpis ? focusOf(kpis) : 'noQuota';
  return fill(w.l[`focus.${focus}Why`], { threshold: w.f.multiple(threshold) });
}

export interface ScopeTableSpec {
  id: string;
  caption: string;
  period: Period;
  metrics: MetricRef[];
  /** Default: whole team, teams and reps. */
  scopes?: Scope[];
}

/** Scopes side by side for one period, a column per metric, labelled by the metric; names link to their page of the period. */
export function scopeTable(site: SiteModel, spec: ScopeTableSpec): Table {
  const w = site.words;
  const rows = (spec.scopes ?? site.scopes.all).map((scope) => {
    const kpis = site.kpis(scope, spec.period);
    return { head: scopeHead(scope, site.urls.page('scope', scope, spec.period)), cells: spec.metrics.map((ref) => scopeMetricCell(site, scope, spec.period, ref, kpis)) };
  });
  return table({ id: spec.id, caption: spec.caption, columns: [w.l['scope.column'], ...spec.metrics.map((ref) => metricLabel(ref, w))], rows }, w);
}
