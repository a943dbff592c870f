/**
 * Side-by-side tables: one row per scope (whole team, teams, reps), one
 * column per KPI number, every cell marked with the KPI JSON path it shows.
 */
import { fill } from '../text/dictionary.ts';
import type { Period } from '../../core/kpi/periods.ts';
import type { Kpis } from '../../core/schema/kpiReport.ts';
import { kpiCell, type Cell, type NumberKind, type Row, type Table, type Words } from '../cells.ts';
import type { ViewContext } from '../context.ts';
import type { Scope } from '../scopes.ts';

/** One column of a side-by-side table. */
export interface Column {
  label: string;
  path: string;
  kind: NumberKind | 'leak' | 'focus';
  /** The small-number flag of this column's value, if it is a rate. */
  flag?: (kpis: Kpis) => string | undefined;
}

/** The row header of a scope: its name, linked to its page, with its colour. */
export function scopeHead(scope: Scope): Cell {
  return { text: scope.label, href: scope.href ?? undefined, swatch: scope.kind === 'rep' ? scope.colour : undefined };
}

/** KPI 4's focus in words; "done" without a quota reads "No quota set", not "Quota reached". */
export function focusWords(kpis: Kpis, w: Words): string {
  const { focus, quota } = kpis.pipeline;
  return focus === 'done' && quota === 0 ? w.l['focus.noQuota'] : w.l[`focus.${focus}`];
}

/** Why that focus, in a sentence, with the config's coverage threshold. */
export function focusWhy(kpis: Kpis | null, threshold: number, w: Words): string {
  const focus = kpis?.pipeline.focus ?? 'done';
  const key = focus === 'done' && (kpis?.pipeline.quota ?? 0) === 0 ? 'focus.noQuotaWhy' : (`focus.${focus}Why` as const);
  return fill(w.l[key], { threshold: w.f.multiple(threshold) });
}

/** A cell for any column kind: numbers through kpiCell, the leak and the focus in words. */
export function columnCell(kpis: Kpis | null, column: Column, scope: Scope, period: Period, w: Words): Cell {
  const kpi = { path: column.path, scope: scope.key, period: period.id };
  if (column.kind === 'leak') {
    const leak = kpis?.stages.leak ?? null;
    return { text: leak ? `${leak.from} → ${leak.to}` : w.l['f.stages.noLeak'], kpi, word: true };
  }
  if (column.kind === 'focus') return { text: kpis ? focusWords(kpis, w) : w.l['missing'], kpi, word: true };
  return kpiCell(kpis, column.path, column.kind, scope.key, period.id, w, kpis && column.flag ? column.flag(kpis) : undefined);
}

/** Whole team, teams and reps side by side for one period. */
export function scopeTable(ctx: ViewContext, period: Period, columns: Column[], caption: string, scopes: Scope[] = ctx.scopes.all): Table {
  const rows: Row[] = scopes.map((scope) => {
    const kpis = ctx.kpis(scope, period);
    return { head: scopeHead(scope), cells: columns.map((c) => columnCell(kpis, c, scope, period, ctx)) };
  });
  return { caption, columns: [ctx.l['scope.column'], ...columns.map((c) => c.label)], rows };
}
