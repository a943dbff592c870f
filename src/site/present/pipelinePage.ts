/**
 * /kpi/pipeline/ (KPI 4, leading) of one period: quota, closed won and the
 * forecast of every scope; open pipeline, coverage, overdue and stale
 * deals; closed won, forecast range and quota per team and per rep;
 * while the period runs, coverage against the threshold (bars coloured by
 * status, in words too) and open pipeline by close month and stage; each
 * rep's attainment by month against the whole team.
 */
import { barsChart, type Bar } from '../../core/charts/bars.ts';
import { STATUS_COLOURS } from '../../core/charts/palette.ts';
import { trendChart, type TrendPoint } from '../../core/charts/trend.ts';
import { coverageStatus } from '../../core/coaching/status.ts';
import type { Period } from '../../core/kpi/periods.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import { fill } from '../text/dictionary.ts';
import { periodTitle, shortMonth, type PeriodView } from '../timeline.ts';
import { metricCell, metricLabel } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { scopeMetricCell } from './dealLinks.ts';
import { forecastView } from './forecastView.ts';
import { stageColourOf } from './funnel.ts';
import { kpiPageFrame, type KpiPageFrame } from './kpiIntro.ts';
import { scopeHead, scopeTable } from './scopeTable.ts';
import { statusWords } from './statusStrip.ts';
import { table, type Row, type Table } from './table.ts';
import { scopeMultiples } from './trend.ts';

export interface PipelinePage extends KpiPageFrame {
  /** Quota, closed won and forecast; open pipeline and deals needing action. */
  side: Table[];
  forecast: ChartView[];
  /** Only while the period runs. */
  coverage: ChartView | null;
  ahead: ChartView | null;
  trend: ChartView;
}

const m = (path: MetricRef['path']): MetricRef => ({ path });
const RESULT = [m('pipeline.quota'), m('pipeline.closedWon'), m('pipeline.gap'), m('pipeline.attainment'), m('outlook.forecast.expected'), m('outlook.forecast.attainment')];
const OPEN = [m('pipeline.open.count'), m('pipeline.open.amount'), m('pipeline.open.weighted'), m('pipeline.coverage'), m('pipeline.overdue.count'), m('pipeline.overdue.amount'), m('outlook.stale.count'), m('pipeline.focus')];

/** Coverage of every scope against the threshold, each bar in its status colour and its status in words. */
function coverageView(site: SiteModel, view: PeriodView, name: string): ChartView {
  const { words: w, config } = site;
  const { l, f } = w;
  const period = view.period;
  const scopes = site.scopes.all;
  const refs = [m('pipeline.coverage'), m('pipeline.focus')];
  const rows: Row[] = [];
  const bars: Bar[] = [];
  for (const scope of scopes) {
    const kpis = site.kpis(scope, period);
    const at = { scope: scope.key, period: period.id };
    const [coverage, focus] = refs.map((ref) => metricCell(kpis, ref, at, w));
    const status = kpis ? statusWords(coverageStatus(kpis.pipeline, config.coverageThreshold), w) : null;
    rows.push({ head: scopeHead(scope, site.urls.page('scope', scope, period)), cells: [status ? { ...coverage, status } : coverage, focus] });
    const shown = kpis === null ? '' : kpis.pipeline.coverage === null ? focus.text : coverage.text;
    const note = !status ? shown : kpis?.pipeline.coverage === null ? `${status.icon} ${status.word}` : `${shown} ${status.icon} ${status.word}`;
    bars.push({ category: scope.label, value: kpis?.pipeline.coverage ?? null, colour: STATUS_COLOURS[status?.level ?? 'neutral'], note });
  }
  const threshold = f.multiple(config.coverageThreshold);
  const label = fill(l['pipeline.coverageLabel'], { period: name, threshold });
  const below = scopes.filter((s) => site.kpis(s, period)?.pipeline.focus === 'create').map((s) => s.label);
  const summary = fill(l['pipeline.coverageSummary'], { threshold, below: below.length ? below.join(', ') : l['missing'] });
  return {
    chart: barsChart({ label, summary, bars, format: 'decimal', xTitle: metricLabel(refs[0], w), rule: { value: config.coverageThreshold, label: fill(l['pipeline.threshold'], { x: threshold }) }, noteWidth: 170 }),
    table: table({ id: `pipeline-coverage-${period.id}`, caption: label, columns: [l['scope.column'], ...refs.map((ref) => metricLabel(ref, w))], rows }, w),
  };
}

/** The whole team's open pipeline by expected close month, stacked by stage (the JSON of each month). */
function aheadView(site: SiteModel, view: PeriodView): ChartView {
  const { words: w, timeline: t, config, scopes } = site;
  const { l, f } = w;
  const team = scopes.team;
  const stages = config.stages.map((s) => s.name);
  const names = view.ahead.map((p) => shortMonth(p, w));
  const points: TrendPoint[] = [];
  const rows: Row[] = view.ahead.map((period, i) => {
    const kpis = site.kpis(team, period);
    for (const stage of stages) points.push({ month: names[i], series: stage, value: kpis?.pipeline.openByStage[stage]?.amount ?? 0, small: false });
    return {
      head: { text: periodTitle(period, t, w) },
      cells: [...stages.map((stage) => scopeMetricCell(site, team, period, { path: 'pipeline.openByStage.*.amount', key: stage }, kpis)), scopeMetricCell(site, team, period, m('pipeline.open.amount'), kpis)],
    };
  });
  const total = view.ahead.reduce((sum, p) => sum + (site.kpis(team, p)?.pipeline.open.amount ?? 0), 0);
  const label = l['pipeline.aheadLabel'];
  return {
    chart: trendChart({
      label,
      summary: fill(l['pipeline.aheadSummary'], { total: f.money(total), months: view.ahead.length }),
      months: names,
      series: stages.map((s) => ({ name: s, colour: stageColourOf(site, s) })),
      points,
      format: 'money',
      yTitle: metricLabel(m('pipeline.open.amount'), w),
      stacked: true,
    }),
    table: table({ id: `pipeline-by-close-month-${t.month.id}`, caption: label, columns: [l['column.closeMonth'], ...stages, l['pipeline.total']], rows }, w),
  };
}

export function pipelinePage(site: SiteModel, period: Period, view: PeriodView = site.timeline.view(period)): PipelinePage {
  const { words: w, timeline: t, scopes } = site;
  const { l } = w;
  const name = periodTitle(period, t, w);
  const ahead = view.running ? site.shared(`pipeline-ahead:${t.month.id}`, () => aheadView(site, view)) : null;
  return {
    ...kpiPageFrame(site, 'pipeline', period, l['pipeline.why']),
    side: [
      scopeTable(site, { id: `pipeline-result-${period.id}`, caption: fill(l['pipeline.resultCaption'], { period: name }), period, metrics: RESULT }),
      scopeTable(site, { id: `pipeline-open-${period.id}`, caption: fill(l['pipeline.openCaption'], { period: name }), period, metrics: OPEN }),
    ],
    forecast: [
      forecastView(site, [scopes.team, ...scopes.groups], view, `pipeline-forecast-teams-${period.id}`, fill(l['pipeline.forecastTeamsLabel'], { period: name })),
      forecastView(site, scopes.reps, view, `pipeline-forecast-reps-${period.id}`, fill(l['pipeline.forecastRepsLabel'], { period: name })),
    ],
    coverage: view.running ? coverageView(site, view, name) : null,
    ahead,
    trend: scopeMultiples(site, { id: 'pipeline-attainment', scopes: scopes.reps, reference: scopes.team, metric: m('pipeline.attainment'), label: l['pipeline.trendLabel'] }),
  };
}
