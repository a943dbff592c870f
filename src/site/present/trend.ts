/**
 * Monthly trends of one metric: for a few scopes in one chart (a rep
 * against the whole team), or for every rep as small multiples, each
 * against the team; the text summary, and the table behind it (months
 * down, scopes across), each cell a metric cell, flagged when it rests on
 * too few cases. Every period's page shows the same months (the
 * timeline's trend, up to the as-of month): one object, one render.
 */
import { multiplesChart, type Panel, type PanelPoint } from '../../core/charts/multiples.ts';
import { trendChart, type TrendPoint } from '../../core/charts/trend.ts';
import type { LegendItem, ValueFormat } from '../../core/charts/types.ts';
import { metricDef, readMetric, type MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import { fill } from '../text/dictionary.ts';
import type { NumberKind } from '../text/format.ts';
import { periodTitle, shortMonth } from '../timeline.ts';
import { metricCell, type Words } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { table, type Row } from './table.ts';

export interface TrendOptions {
  /** Its table's id, unique on the site. */
  id: string;
  scopes: Scope[];
  /** Drawn dashed: the reference (the whole team on a rep's page). */
  reference?: Scope;
  metric: MetricRef;
  label: string;
  yTitle: string;
  stacked?: boolean;
  /** Scopes shown in the table only (the whole team beside reps' stacked bars). */
  tableOnly?: Scope[];
  /** The scope the text summary describes (default: the reference, else the first table-only scope, else the first scope). */
  summaryOf?: Scope;
}

/** How a metric's numbers read on a chart axis. */
export function axisFormat(kind: NumberKind): ValueFormat {
  return kind === 'rate' ? 'percent' : kind === 'money' || kind === 'count' ? kind : 'decimal';
}

/** "Whole team: 62.0% in Dec 25, 70.1% in Nov 26; highest …" for the scope `series`. */
function summaryOf(w: Words, points: TrendPoint[], series: string, kind: NumberKind): string {
  const own = points.filter((p) => p.series === series && p.value !== null) as (TrendPoint & { value: number })[];
  if (own.length === 0) return w.l['chart.noData'];
  const show = (p: TrendPoint & { value: number }) => w.f[kind](p.value);
  const max = own.reduce((a, b) => (b.value > a.value ? b : a));
  const min = own.reduce((a, b) => (b.value < a.value ? b : a));
  const first = own[0];
  const last = own[own.length - 1];
  const text = fill(w.l['chart.trendSummary'], {
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
  return points.some((p) => p.small) ? `${text} ${w.l['chart.smallMark']}.` : text;
}

/** The trend of one metric for the given scopes (reference first, dashed), made once for the site. */
export function scopeTrend(site: SiteModel, o: TrendOptions): ChartView {
  return site.shared(`trend:${o.id}`, () => buildTrend(site, o));
}

function buildTrend(site: SiteModel, o: TrendOptions): ChartView {
  const { id } = o;
  const w = site.words;
  const kind = metricDef(o.metric.path)?.kind as NumberKind;
  const scopes = o.reference ? [o.reference, ...o.scopes] : o.scopes;
  const months = site.timeline.trend;
  const names = months.map((m) => shortMonth(m, w));
  const points: TrendPoint[] = [];
  // Every value of the table, so the summary can describe a table-only scope (the whole team beside stacked reps).
  const described: TrendPoint[] = [];
  const tableScopes = [...scopes, ...(o.tableOnly ?? [])];
  const rows: Row[] = months.map((period, i) => {
    const cells = tableScopes.map((scope) => {
      const kpis = site.kpis(scope, period);
      const cell = metricCell(kpis, o.metric, { scope: scope.key, period: period.id }, w);
      const point = { month: names[i], series: scope.label, value: readMetric(kpis, o.metric) as number | null, small: cell.flag !== undefined };
      described.push(point);
      if (scopes.includes(scope)) points.push(point);
      return cell;
    });
    return { head: { text: periodTitle(period, site.timeline, w) }, cells };
  });
  const series: LegendItem[] = scopes.map((s) => ({ name: s.label, colour: s.colour, dashed: s === o.reference }));
  const chart = trendChart({
    label: o.label,
    summary: summaryOf(w, described, (o.summaryOf ?? o.reference ?? o.tableOnly?.[0] ?? scopes[0]).label, kind),
    months: names,
    series,
    points,
    format: axisFormat(kind),
    yTitle: o.yTitle,
    stacked: o.stacked,
  });
  return { chart, table: table({ id, caption: o.label, columns: [w.l['period.month'], ...tableScopes.map((s) => s.label)], rows }, w) };
}

export interface MultiplesOptions {
  id: string;
  /** One panel each. */
  scopes: Scope[];
  /** Dashed in every panel (the whole team), and a column of the table; null for counts. */
  reference: Scope | null;
  metric: MetricRef;
  label: string;
}

/** Small multiples of one metric, a panel per scope against the reference, made once for the site. */
export function scopeMultiples(site: SiteModel, o: MultiplesOptions): ChartView {
  const { id } = o;
  return site.shared(`multiples:${id}`, () => {
    const w = site.words;
    const kind = metricDef(o.metric.path)?.kind as NumberKind;
    const months = site.timeline.trend;
    const names = months.map((m) => shortMonth(m, w));
    const shown = o.reference ? [o.reference, ...o.scopes] : o.scopes;
    const points = new Map<Scope, PanelPoint[]>(shown.map((s) => [s, []]));
    const described: TrendPoint[] = [];
    const rows: Row[] = months.map((period, i) => ({
      head: { text: periodTitle(period, site.timeline, w) },
      cells: shown.map((scope) => {
        const kpis = site.kpis(scope, period);
        const cell = metricCell(kpis, o.metric, { scope: scope.key, period: period.id }, w);
        const point = { month: names[i], value: readMetric(kpis, o.metric) as number | null, small: cell.flag !== undefined };
        points.get(scope)!.push(point);
        described.push({ ...point, series: scope.label });
        return cell;
      }),
    }));
    const panels: Panel[] = o.scopes.map((s) => ({ name: s.label, colour: s.colour, points: points.get(s)! }));
    const reference = o.reference && { name: o.reference.label, colour: o.reference.colour, points: points.get(o.reference)! };
    const chart = multiplesChart({ label: o.label, summary: summaryOf(w, described, shown[0].label, kind), months: names, panels, reference, format: axisFormat(kind) });
    return { chart, table: table({ id, caption: o.label, columns: [w.l['period.month'], ...shown.map((s) => s.label)], rows }, w) };
  });
}
