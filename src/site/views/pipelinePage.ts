/**
 * /kpi/pipeline/ (KPI 4, leading): quota, closed won, the gap and the open
 * pipeline of every scope this month; coverage against the config's
 * threshold; open pipeline by close month and stage; attainment by month.
 */
import { barsChart, type Bar } from '../../core/charts/bars.ts';
import { REP_COLOURS, WON_COLOUR } from '../../core/charts/palette.ts';
import { quotaChart } from '../../core/charts/quotaChart.ts';
import { trendChart, type TrendPoint } from '../../core/charts/trend.ts';
import { fill } from '../text/dictionary.ts';
import { kpiCell, named, namedChart, type Row, type Table } from '../cells.ts';
import type { ViewContext } from '../context.ts';
import type { Scope } from '../scopes.ts';
import { periodTitle, shortMonth } from '../timeline.ts';
import { stageColourOf } from './funnel.ts';
import { focusWords, scopeHead, scopeTable } from './tables.ts';
import { scopeTrend, type ChartView } from './trends.ts';

export interface PipelineView {
  side: Table;
  quota: ChartView[];
  coverage: ChartView;
  ahead: ChartView;
  trend: ChartView;
}

function quotaView(ctx: ViewContext, scopes: Scope[], label: string): ChartView {
  const { l, f, timeline: t } = ctx;
  const rows = scopes.map((scope) => {
    const p = ctx.kpis(scope, t.month)?.pipeline;
    return { scope: scope.label, quota: p?.quota ?? 0, closedWon: p?.closedWon ?? 0, open: p?.open.amount ?? 0 };
  });
  const table: Row[] = scopes.map((scope) => {
    const k = ctx.kpis(scope, t.month);
    return { head: scopeHead(scope), cells: ['quota', 'closedWon', 'open.amount', 'gap'].map((p) => kpiCell(k, `pipeline.${p}`, 'money', scope.key, t.month.id, ctx)) };
  });
  const first = ctx.kpis(scopes[0], t.month)?.pipeline;
  const summary = first
    ? fill(l['pipeline.quotaSummary'], { scope: scopes[0].label, closedWon: f.money(first.closedWon), quota: f.money(first.quota), gap: f.money(first.gap), open: f.money(first.open.amount) })
    : l['chart.noData'];
  return {
    chart: quotaChart({
      label,
      summary,
      rows,
      names: { closedWon: l['f.pipeline.closedWon'], open: l['f.pipeline.open.amount'], quota: l['f.pipeline.quota'] },
      colours: { closedWon: WON_COLOUR, open: REP_COLOURS[0] },
      xTitle: l['pipeline.amountAxis'],
    }),
    table: { caption: label, columns: [l['scope.column'], l['f.pipeline.quota'], l['f.pipeline.closedWon'], l['f.pipeline.open.amount'], l['f.pipeline.gap']], rows: table },
  };
}

function coverageView(ctx: ViewContext, period: string): ChartView {
  const { l, f, timeline: t, config } = ctx;
  const scopes = ctx.scopes.all;
  const bars: Bar[] = scopes.map((scope) => {
    const k = ctx.kpis(scope, t.month);
    const note = k === null ? '' : k.pipeline.coverage === null ? focusWords(k, ctx) : f.multiple(k.pipeline.coverage);
    return { category: scope.label, value: k?.pipeline.coverage ?? null, colour: scope.colour, note };
  });
  const rows: Row[] = scopes.map((scope) => {
    const k = ctx.kpis(scope, t.month);
    return {
      head: scopeHead(scope),
      cells: [
        kpiCell(k, 'pipeline.coverage', 'multiple', scope.key, t.month.id, ctx),
        { text: k ? focusWords(k, ctx) : l['missing'], kpi: { path: 'pipeline.focus', scope: scope.key, period: t.month.id }, word: true },
      ],
    };
  });
  const label = fill(l['pipeline.coverageLabel'], { period, threshold: f.multiple(config.coverageThreshold) });
  const below = scopes.filter((s) => ctx.kpis(s, t.month)?.pipeline.focus === 'create').map((s) => s.label);
  const summary = fill(l['pipeline.coverageSummary'], { threshold: f.multiple(config.coverageThreshold), below: below.length ? below.join(', ') : l['missing'] });
  return {
    chart: barsChart({ label, summary, bars, format: 'decimal', xTitle: l['f.pipeline.coverage'], rule: { value: config.coverageThreshold, label: fill(l['f.pipeline.threshold'], { x: f.multiple(config.coverageThreshold) }) }, noteWidth: 110 }),
    table: { caption: label, columns: [l['scope.column'], l['f.pipeline.coverage'], l['f.pipeline.focus']], rows },
  };
}

/** The whole team's open pipeline by expected close month, stacked by stage (the JSON of each month). */
function aheadView(ctx: ViewContext): ChartView {
  const { l, f, timeline: t, config, scopes } = ctx;
  const team = scopes.team;
  const stages = config.stages.map((s) => s.name);
  const names = t.ahead.map((m) => shortMonth(m, ctx.locale));
  const points: TrendPoint[] = [];
  const rows: Row[] = t.ahead.map((period, i) => {
    const k = ctx.kpis(team, period);
    for (const stage of stages) points.push({ month: names[i], series: stage, value: k?.pipeline.openByStage[stage]?.amount ?? 0, small: false });
    return {
      head: { text: periodTitle(period, t, ctx.locale, l) },
      cells: [...stages.map((stage) => kpiCell(k, `pipeline.openByStage.${stage}.amount`, 'money', team.key, period.id, ctx)), kpiCell(k, 'pipeline.open.amount', 'money', team.key, period.id, ctx)],
    };
  });
  const total = t.ahead.reduce((sum, p) => sum + (ctx.kpis(team, p)?.pipeline.open.amount ?? 0), 0);
  const label = l['pipeline.aheadLabel'];
  return {
    chart: trendChart({
      label,
      summary: fill(l['pipeline.aheadSummary'], { total: f.money(total), months: t.ahead.length }),
      months: names,
      series: stages.map((s) => ({ name: s, colour: stageColourOf(ctx, s) })),
      points,
      format: 'money',
      yTitle: l['f.pipeline.open.amount'],
      stacked: true,
      height: 160,
    }),
    table: { caption: label, columns: [l['f.pipeline.closeMonth'], ...stages, l['pipeline.total']], rows },
  };
}

export function pipelineView(ctx: ViewContext): PipelineView {
  const { l, timeline: t, scopes } = ctx;
  const period = periodTitle(t.month, t, ctx.locale, l);
  const money = (label: string, path: string) => ({ label, path, kind: 'money' as const });
  const side = scopeTable(
    ctx,
    t.month,
    [
      money(l['f.pipeline.quota'], 'pipeline.quota'),
      money(l['f.pipeline.closedWon'], 'pipeline.closedWon'),
      money(l['f.pipeline.gap'], 'pipeline.gap'),
      { label: l['f.pipeline.attainment'], path: 'pipeline.attainment', kind: 'percent' },
      { label: l['f.pipeline.open.count'], path: 'pipeline.open.count', kind: 'count' },
      money(l['f.pipeline.open.amount'], 'pipeline.open.amount'),
      money(l['f.pipeline.open.weighted'], 'pipeline.open.weighted'),
      { label: l['f.pipeline.coverage'], path: 'pipeline.coverage', kind: 'multiple' },
      { label: l['f.pipeline.overdue.count'], path: 'pipeline.overdue.count', kind: 'count' },
      money(l['f.pipeline.overdue.amount'], 'pipeline.overdue.amount'),
      { label: l['f.pipeline.focus'], path: 'pipeline.focus', kind: 'focus' },
    ],
    fill(l['page.sideCaption'], { period }),
  );
  return {
    side: named(side, 'pipeline-side'),
    quota: [
      namedChart(quotaView(ctx, [scopes.team, ...scopes.groups], fill(l['pipeline.quotaTeamsLabel'], { period })), 'pipeline-quota-teams'),
      namedChart(quotaView(ctx, scopes.reps, fill(l['pipeline.quotaRepsLabel'], { period })), 'pipeline-quota-reps'),
    ],
    coverage: namedChart(coverageView(ctx, period), 'pipeline-coverage'),
    ahead: namedChart(aheadView(ctx), 'pipeline-by-close-month'),
    trend: namedChart(scopeTrend(ctx, { scopes: scopes.reps, reference: scopes.team, path: 'pipeline.attainment', kind: 'percent', label: l['pipeline.trendLabel'], yTitle: l['f.pipeline.attainment'] }), 'pipeline-attainment'),
  };
}
