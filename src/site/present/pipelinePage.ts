/**
 * /kpi/pipeline/ (KPI 4, leading): quota, closed won, the gap and the open
 * pipeline of every scope this month; coverage against the config's
 * threshold; open pipeline by close month and stage; attainment by month.
 */
import { barsChart, type Bar } from '../../core/charts/bars.ts';
import { REP_COLOURS, WON_COLOUR } from '../../core/charts/palette.ts';
import { quotaChart } from '../../core/charts/quotaChart.ts';
import { trendChart, type TrendPoint } from '../../core/charts/trend.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import { fill } from '../text/dictionary.ts';
import { periodTitle, shortMonth } from '../timeline.ts';
import { metricCell, metricLabel } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { frameOf, type Frame } from './frame.ts';
import { stageColourOf } from './funnel.ts';
import { kpiIntro, type KpiIntro } from './kpiIntro.ts';
import { scopeHead, scopeTable } from './scopeTable.ts';
import { table, type Row, type Table } from './table.ts';
import { scopeTrend } from './trend.ts';

export interface PipelinePage {
  frame: Frame;
  intro: KpiIntro;
  side: Table;
  quota: ChartView[];
  coverage: ChartView;
  ahead: ChartView;
  trend: ChartView;
}

const m = (path: MetricRef['path']): MetricRef => ({ path });
const SIDE = [
  m('pipeline.quota'), m('pipeline.closedWon'), m('pipeline.gap'), m('pipeline.attainment'), m('pipeline.open.count'), m('pipeline.open.amount'),
  m('pipeline.open.weighted'), m('pipeline.coverage'), m('pipeline.overdue.count'), m('pipeline.overdue.amount'), m('pipeline.focus'),
];
const QUOTA = [m('pipeline.quota'), m('pipeline.closedWon'), m('pipeline.open.amount'), m('pipeline.gap')];

function quotaView(site: SiteModel, scopes: Scope[], id: string, label: string): ChartView {
  const { words: w, timeline: t } = site;
  const { l, f } = w;
  const bars = scopes.map((scope) => {
    const p = site.kpis(scope, t.month)?.pipeline;
    return { scope: scope.label, quota: p?.quota ?? 0, closedWon: p?.closedWon ?? 0, open: p?.open.amount ?? 0 };
  });
  const rows: Row[] = scopes.map((scope) => {
    const kpis = site.kpis(scope, t.month);
    return { head: scopeHead(scope), cells: QUOTA.map((ref) => metricCell(kpis, ref, { scope: scope.key, period: t.month.id }, w)) };
  });
  const first = site.kpis(scopes[0], t.month)?.pipeline;
  const summary = first
    ? fill(l['pipeline.quotaSummary'], { scope: scopes[0].label, closedWon: f.money(first.closedWon), quota: f.money(first.quota), gap: f.money(first.gap), open: f.money(first.open.amount) })
    : l['chart.noData'];
  return {
    chart: quotaChart({
      label,
      summary,
      rows: bars,
      names: { closedWon: metricLabel(QUOTA[1], w), open: metricLabel(QUOTA[2], w), quota: metricLabel(QUOTA[0], w) },
      colours: { closedWon: WON_COLOUR, open: REP_COLOURS[0] },
      xTitle: l['pipeline.amountAxis'],
    }),
    table: table({ id, caption: label, columns: [l['scope.column'], ...QUOTA.map((ref) => metricLabel(ref, w))], rows }, w),
  };
}

function coverageView(site: SiteModel, period: string): ChartView {
  const { words: w, timeline: t, config } = site;
  const { l, f } = w;
  const scopes = site.scopes.all;
  const refs = [m('pipeline.coverage'), m('pipeline.focus')];
  const rows: Row[] = scopes.map((scope) => {
    const kpis = site.kpis(scope, t.month);
    return { head: scopeHead(scope), cells: refs.map((ref) => metricCell(kpis, ref, { scope: scope.key, period: t.month.id }, w)) };
  });
  // A scope without coverage (no gap) is labelled with its focus instead.
  const bars: Bar[] = scopes.map((scope, i) => {
    const kpis = site.kpis(scope, t.month);
    const [coverage, focus] = rows[i].cells;
    return { category: scope.label, value: kpis?.pipeline.coverage ?? null, colour: scope.colour, note: kpis === null ? '' : kpis.pipeline.coverage === null ? focus.text : coverage.text };
  });
  const threshold = f.multiple(config.coverageThreshold);
  const label = fill(l['pipeline.coverageLabel'], { period, threshold });
  const below = scopes.filter((s) => site.kpis(s, t.month)?.pipeline.focus === 'create').map((s) => s.label);
  const summary = fill(l['pipeline.coverageSummary'], { threshold, below: below.length ? below.join(', ') : l['missing'] });
  return {
    chart: barsChart({ label, summary, bars, format: 'decimal', xTitle: metricLabel(refs[0], w), rule: { value: config.coverageThreshold, label: fill(l['pipeline.threshold'], { x: threshold }) }, noteWidth: 110 }),
    table: table({ id: 'pipeline-coverage', caption: label, columns: [l['scope.column'], ...refs.map((ref) => metricLabel(ref, w))], rows }, w),
  };
}

/** The whole team's open pipeline by expected close month, stacked by stage (the JSON of each month). */
function aheadView(site: SiteModel): ChartView {
  const { words: w, timeline: t, config, scopes } = site;
  const { l, f } = w;
  const team = scopes.team;
  const stages = config.stages.map((s) => s.name);
  const names = t.ahead.map((p) => shortMonth(p, w.locale));
  const points: TrendPoint[] = [];
  const rows: Row[] = t.ahead.map((period, i) => {
    const kpis = site.kpis(team, period);
    const at = { scope: team.key, period: period.id };
    for (const stage of stages) points.push({ month: names[i], series: stage, value: kpis?.pipeline.openByStage[stage]?.amount ?? 0, small: false });
    return {
      head: { text: periodTitle(period, t, w.locale, l) },
      cells: [...stages.map((stage) => metricCell(kpis, { path: 'pipeline.openByStage.*.amount', key: stage }, at, w)), metricCell(kpis, m('pipeline.open.amount'), at, w)],
    };
  });
  const total = t.ahead.reduce((sum, p) => sum + (site.kpis(team, p)?.pipeline.open.amount ?? 0), 0);
  const label = l['pipeline.aheadLabel'];
  return {
    chart: trendChart({
      label,
      summary: fill(l['pipeline.aheadSummary'], { total: f.money(total), months: t.ahead.length }),
      months: names,
      series: stages.map((s) => ({ name: s, colour: stageColourOf(site, s) })),
      points,
      format: 'money',
      yTitle: metricLabel(m('pipeline.open.amount'), w),
      stacked: true,
      height: 160,
    }),
    table: table({ id: 'pipeline-by-close-month', caption: label, columns: [l['column.closeMonth'], ...stages, l['pipeline.total']], rows }, w),
  };
}

export function pipelinePage(site: SiteModel): PipelinePage {
  const { words: w, timeline: t, scopes } = site;
  const { l } = w;
  const period = periodTitle(t.month, t, w.locale, l);
  return {
    frame: frameOf(site),
    intro: kpiIntro(site, 'pipeline', l['pipeline.why']),
    side: scopeTable(site, { id: 'pipeline-side', caption: fill(l['page.sideCaption'], { period }), period: t.month, metrics: SIDE }),
    quota: [
      quotaView(site, [scopes.team, ...scopes.groups], 'pipeline-quota-teams', fill(l['pipeline.quotaTeamsLabel'], { period })),
      quotaView(site, scopes.reps, 'pipeline-quota-reps', fill(l['pipeline.quotaRepsLabel'], { period })),
    ],
    coverage: coverageView(site, period),
    ahead: aheadView(site),
    trend: scopeTrend(site, { id: 'pipeline-attainment', scopes: scopes.reps, reference: scopes.team, metric: m('pipeline.attainment'), label: l['pipeline.trendLabel'], yTitle: metricLabel(m('pipeline.attainment'), w) }),
  };
}
