/**
 * Funnel views of KPI 2: a scope's pooled trailing funnel (deals created in
 * the window: how many reached each stage) as bars with the leak marked,
 * and the step-by-step conversion by cohort month.
 */
import { barsChart, type Bar } from '../../core/charts/bars.ts';
import { stageColour, WON_COLOUR } from '../../core/charts/palette.ts';
import { trendChart, type TrendPoint } from '../../core/charts/trend.ts';
import type { Pooled } from '../../core/coaching/pool.ts';
import { fill } from '../text/dictionary.ts';
import { tooFewCases } from '../../core/smallNumbers.ts';
import { kpiCell, smallFlag, type Row } from '../cells.ts';
import type { ViewContext } from '../context.ts';
import type { Scope } from '../scopes.ts';
import { periodName, periodTitle, shortMonth } from '../timeline.ts';
import type { ChartView } from './trends.ts';

/** The colour of a stage by name: open stages by config order, the won stage green. */
export function stageColourOf(ctx: ViewContext, stage: string): string {
  const index = ctx.config.stages.findIndex((s) => s.name === stage);
  return index >= 0 ? stageColour(index) : WON_COLOUR;
}

/** "Jan 2026 – Nov 2026": the pooled window in words. */
export function windowName(ctx: ViewContext): string {
  const w = ctx.timeline.window;
  return fill(ctx.l['period.window'], { from: periodName(w[0], ctx.locale, ctx.l), to: periodName(w[w.length - 1], ctx.locale, ctx.l) });
}

/** Bars of deals that reached each stage over the window; the leak's bar outlined and named. */
export function funnelChart(ctx: ViewContext, scope: Scope, pooled: Pooled): ChartView {
  const { l, f } = ctx;
  const t = pooled.transitions;
  const window = windowName(ctx);
  const bars: Bar[] = t.map((step) => ({
    category: step.from,
    value: step.reached,
    colour: stageColourOf(ctx, step.from),
    small: tooFewCases(step.reached),
    alert: step === pooled.leak,
    note: step === pooled.leak ? fill(l['stages.leakNote'], { rate: f.percent(step.rate), to: step.to }) : fill(l['stages.stepNote'], { rate: f.percent(step.rate) }),
  }));
  const last = t[t.length - 1];
  if (last) bars.push({ category: last.to, value: last.advanced, colour: WON_COLOUR });
  const rows: Row[] = t.map((step) => ({
    head: { text: step.from },
    leak: step === pooled.leak,
    cells: [
      { text: step.to },
      { text: f.count(step.reached), raw: step.reached },
      { text: f.count(step.advanced), raw: step.advanced },
      { text: f.percent(step.rate), flag: smallFlag('deals', step.reached, ctx), raw: step.rate },
      { text: step === pooled.leak ? l['f.stages.leak'] : '', word: true },
    ],
  }));
  const leak = pooled.leak;
  const summary = leak
    ? fill(l['stages.funnelSummary'], { created: f.count(t[0]?.reached ?? 0), won: f.count(last?.advanced ?? 0), from: leak.from, to: leak.to, rate: f.percent(leak.rate) })
    : l['chart.noData'];
  const label = fill(l['stages.funnelLabel'], { scope: scope.label, window });
  return {
    chart: barsChart({ label, summary, bars, format: 'count', xTitle: l['stages.dealsAxis'], noteWidth: 170 }),
    table: { caption: label, columns: [l['f.stages.from'], l['f.stages.to'], l['f.stages.reached'], l['f.stages.advanced'], l['f.stages.rate'], l['f.stages.leak']], rows },
  };
}

/** Each step's conversion by the month deals were created, coloured by the step's stage. */
export function stepTrend(ctx: ViewContext, scope: Scope): ChartView {
  const { l } = ctx;
  const months = ctx.timeline.trend;
  const names = months.map((m) => shortMonth(m, ctx.locale));
  const steps = ctx.config.stages.map((s, i, all) => ({ index: i, name: `${s.name} → ${all[i + 1]?.name ?? ctx.config.wonStage}`, colour: stageColour(i) }));
  const points: TrendPoint[] = [];
  const rows: Row[] = months.map((period, m) => {
    const kpis = ctx.kpis(scope, period);
    const cells = steps.map((step) => {
      const tr = kpis?.stages.transitions[step.index];
      const flag = tr ? smallFlag('deals', tr.reached, ctx) : undefined;
      points.push({ month: names[m], series: step.name, value: tr?.rate ?? null, small: flag !== undefined });
      return kpiCell(kpis, `stages.transitions.${step.index}.rate`, 'percent', scope.key, period.id, ctx, flag);
    });
    return { head: { text: periodTitle(period, ctx.timeline, ctx.locale, l) }, cells };
  });
  const label = fill(l['stages.stepTrendLabel'], { scope: scope.label });
  const chart = trendChart({
    label,
    summary: l['stages.stepTrendSummary'],
    months: names,
    series: steps.map((s) => ({ name: s.name, colour: s.colour })),
    points,
    format: 'percent',
    yTitle: l['f.stages.rate'],
    markers: 'all',
  });
  return { chart, table: { caption: label, columns: [l['period.month'], ...steps.map((s) => s.name)], rows } };
}
