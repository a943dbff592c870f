/**
 * Monthly trends of one KPI number for a few scopes: the chart, its text
 * summary, and the table behind it (months down, scopes across), each cell
 * marked with its KPI JSON path and flagged when it rests on too few cases.
 */
import { trendChart, type TrendPoint } from '../../core/charts/trend.ts';
import type { Chart, LegendItem, ValueFormat } from '../../core/charts/types.ts';
import { fill } from '../text/dictionary.ts';
import type { Kpis } from '../../core/schema/kpiReport.ts';
import { formatNumber, kpiCell, valueAt, type NumberKind, type Row, type Table } from '../cells.ts';
import type { ViewContext } from '../context.ts';
import type { Scope } from '../scopes.ts';
import { periodTitle, shortMonth } from '../timeline.ts';

/** A chart with the table behind it. */
export interface ChartView {
  chart: Chart;
  table: Table;
}

export interface TrendOptions {
  scopes: Scope[];
  /** Drawn dashed: the reference (the whole team on a rep's page). */
  reference?: Scope;
  path: string;
  kind: NumberKind;
  label: string;
  yTitle: string;
  flag?: (kpis: Kpis) => string | undefined;
  stacked?: boolean;
  /** Scopes shown in the table only (the whole team beside reps' stacked bars). */
  tableOnly?: Scope[];
  /** The scope the text summary describes (default: the reference, else the first table-only scope, else the first scope). */
  summaryOf?: Scope;
}

const FORMATS: Record<NumberKind, ValueFormat> = { count: 'count', percent: 'percent', money: 'money', decimal: 'decimal', multiple: 'decimal' };

/** "Whole team: 62.0% in Dec 25, 70.1% in Nov 26; highest …" for the first scope with values. */
function summaryOf(ctx: ViewContext, points: TrendPoint[], series: string, kind: NumberKind): string {
  const own = points.filter((p) => p.series === series && p.value !== null) as (TrendPoint & { value: number })[];
  if (own.length === 0) return ctx.l['chart.noData'];
  const show = (p: TrendPoint & { value: number }) => formatNumber(p.value, kind, ctx.f);
  const max = own.reduce((a, b) => (b.value > a.value ? b : a));
  const min = own.reduce((a, b) => (b.value < a.value ? b : a));
  const first = own[0];
  const last = own[own.length - 1];
  const small = points.filter((p) => p.small).length;
  const text = fill(ctx.l['chart.trendSummary'], {
    series,
    first: show(first),
    firstMonth: first.month,
    last: show(last),
    lastMonth: last.month,
    max: show(max),
    maxMonth: max.month,
    min: show(min),
    minMonth: min.month,
  });
  return small ? `${text} ${ctx.l['chart.smallMark']}.` : text;
}

/** A 12-month trend of `path` for the given scopes (reference first, dashed). */
export function scopeTrend(ctx: ViewContext, o: TrendOptions): ChartView {
  const scopes = o.reference ? [o.reference, ...o.scopes] : o.scopes;
  const months = ctx.timeline.trend;
  const names = months.map((m) => shortMonth(m, ctx.locale));
  const points: TrendPoint[] = [];
  // Every value of the table, so the summary can describe a table-only scope (the whole team beside stacked reps).
  const described: TrendPoint[] = [];
  const tableScopes = [...scopes, ...(o.tableOnly ?? [])];
  const rows: Row[] = months.map((period, i) => {
    const cells = tableScopes.map((scope) => {
      const kpis = ctx.kpis(scope, period);
      const value = kpis === null ? null : ((valueAt(kpis, o.path) as number | null) ?? null);
      const flag = kpis && o.flag ? o.flag(kpis) : undefined;
      const point = { month: names[i], series: scope.label, value, small: flag !== undefined };
      described.push(point);
      if (scopes.includes(scope)) points.push(point);
      return kpiCell(kpis, o.path, o.kind, scope.key, period.id, ctx, flag);
    });
    return { head: { text: periodTitle(period, ctx.timeline, ctx.locale, ctx.l) }, cells };
  });
  const series: LegendItem[] = scopes.map((s) => ({ name: s.label, colour: s.colour, dashed: s === o.reference }));
  const chart = trendChart({
    label: o.label,
    summary: summaryOf(ctx, described, (o.summaryOf ?? o.reference ?? o.tableOnly?.[0] ?? scopes[0]).label, o.kind),
    months: names,
    series,
    points,
    format: FORMATS[o.kind],
    yTitle: o.yTitle,
    stacked: o.stacked,
  });
  return { chart, table: { caption: o.label, columns: [ctx.l['period.month'], ...tableScopes.map((s) => s.label)], rows } };
}
