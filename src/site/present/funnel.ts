/**
 * Funnel views of KPI 2: a scope's pooled trailing funnel (deals created in
 * the window: how many reached each stage) as bars with the leak marked,
 * and the step-by-step conversion by cohort month.
 */
import { barsChart, type Bar } from '../../core/charts/bars.ts';
import { stageColour, WON_COLOUR } from '../../core/charts/palette.ts';
import { trendChart, type TrendPoint } from '../../core/charts/trend.ts';
import type { Pooled } from '../../core/coaching/pool.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import { tooFewCases } from '../../core/smallNumbers.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import { fill } from '../text/dictionary.ts';
import { periodName, periodTitle, shortMonth, type PeriodView } from '../timeline.ts';
import { metricCell, metricLabel, smallFlag } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { table, type Row } from './table.ts';

/** The colour of a stage by name: open stages by config order, the won stage green. */
export function stageColourOf(site: SiteModel, stage: string): string {
  const index = site.config.stages.findIndex((s) => s.name === stage);
  return index >= 0 ? stageColour(index) : WON_COLOUR;
}

/** "December 2025 – November 2026": the pooled window of a period's page in words (default: the current month's). */
export function windowName(site: SiteModel, view: PeriodView = site.timeline.view(site.timeline.month)): string {
  const { l, locale } = site.words;
  const w = view.window;
  return fill(l['period.window'], { from: periodName(w[0], site.words), to: periodName(w[w.length - 1], site.words) });
}

/** The funnel table's columns: a transition's numbers and the leak. */
const FUNNEL_COLUMNS: MetricRef[] = [
  { path: 'stages.transitions.*.from' },
  { path: 'stages.transitions.*.to' },
  { path: 'stages.transitions.*.reached' },
  { path: 'stages.transitions.*.advanced' },
  { path: 'stages.transitions.*.rate' },
  { path: 'stages.leak' },
];

/** Bars of deals that reached each stage over the window of `view`; the leak's bar outlined and named; made once per end month. */
export function funnelChart(site: SiteModel, scope: Scope, view: PeriodView, stem: string): ChartView {
  const id = `${stem}-to-${view.endMonth.id}`;
  return site.shared(`funnel:${id}`, () => buildFunnel(site, scope, view, site.pooled(scope, view), id));
}

function buildFunnel(site: SiteModel, scope: Scope, view: PeriodView, pooled: Pooled, id: string): ChartView {
  const w = site.words;
  const { l, f } = w;
  const t = pooled.transitions;
  const bars: Bar[] = t.map((s) => ({
    category: s.from,
    value: s.reached,
    colour: stageColourOf(site, s.from),
    small: tooFewCases(s.reached),
    alert: s === pooled.leak,
    note: s === pooled.leak ? fill(l['stages.leakNote'], { rate: f.rate(s.rate), to: s.to }) : fill(l['stages.stepNote'], { rate: f.rate(s.rate) }),
  }));
  const last = t[t.length - 1];
  if (last) bars.push({ category: last.to, value: last.advanced, colour: WON_COLOUR });
  // Pooled over the window, not a number of the KPI JSON: plain cells, flagged by the same rule.
  const rows: Row[] = t.map((s) => ({
    head: { text: s.from },
    leak: s === pooled.leak,
    cells: [
      { text: s.to },
      { text: f.count(s.reached), raw: s.reached },
      { text: f.count(s.advanced), raw: s.advanced },
      { text: f.rate(s.rate), flag: smallFlag('deals', s.reached, w), raw: s.rate },
      { text: s === pooled.leak ? l['metric.stages.leak'] : '', word: true },
    ],
  }));
  const leak = pooled.leak;
  const summary = leak
    ? fill(l['stages.funnelSummary'], { created: f.count(t[0]?.reached ?? 0), won: f.count(last?.advanced ?? 0), from: leak.from, to: leak.to, rate: f.rate(leak.rate) })
    : l['chart.noData'];
  const label = fill(l['stages.funnelLabel'], { scope: scope.label, window: windowName(site, view) });
  return {
    chart: barsChart({ label, summary, bars, format: 'count', xTitle: l['stages.dealsAxis'], noteWidth: 170 }),
    table: table({ id, caption: label, columns: FUNNEL_COLUMNS.map((ref) => metricLabel(ref, w)), rows }, w),
  };
}

/** Each step's conversion by the month deals were created, coloured by the step's stage (named at the lines' ends); made once for the site. */
export function stepTrend(site: SiteModel, scope: Scope, id: string): ChartView {
  return site.shared(`steps:${id}`, () => buildStepTrend(site, scope, id));
}

function buildStepTrend(site: SiteModel, scope: Scope, id: string): ChartView {
  const w = site.words;
  const { config, timeline } = site;
  const names = timeline.trend.map((m) => shortMonth(m, w));
  const steps = config.stages.map((s, i, all) => ({ index: i, name: `${s.name} → ${all[i + 1]?.name ?? config.wonStage}`, colour: stageColour(i) }));
  const points: TrendPoint[] = [];
  const rows: Row[] = timeline.trend.map((period, m) => {
    const kpis = site.kpis(scope, period);
    const cells = steps.map((s) => {
      const cell = metricCell(kpis, { path: 'stages.transitions.*.rate', key: s.index }, { scope: scope.key, period: period.id }, w);
      points.push({ month: names[m], series: s.name, value: kpis?.stages.transitions[s.index]?.rate ?? null, small: cell.flag !== undefined });
      return cell;
    });
    return { head: { text: periodTitle(period, timeline, w) }, cells };
  });
  const label = fill(w.l['stages.stepTrendLabel'], { scope: scope.label });
  const chart = trendChart({
    label,
    summary: w.l['stages.stepTrendSummary'],
    months: names,
    series: steps.map((s) => ({ name: s.name, colour: s.colour })),
    points,
    format: 'percent',
    yTitle: metricLabel(FUNNEL_COLUMNS[4], w),
    markers: 'all',
  });
  return { chart, table: table({ id, caption: label, columns: [w.l['period.month'], ...steps.map((s) => s.name)], rows }, w) };
}
