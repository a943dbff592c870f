/**
 * /kpi/stages/ (KPI 2, leading): every scope's step conversions this month
 * side by side with each one's leak marked, the team's pooled funnel with
 * the leak, each step's trend, and forward/backward flow from stage history.
 */
import { flowChart } from '../../core/charts/flow.ts';
import { LOST_COLOUR, WON_COLOUR } from '../../core/charts/palette.ts';
import type { SiteModel } from '../model.ts';
import { fill } from '../text/dictionary.ts';
import { periodTitle } from '../timeline.ts';
import { metricCell, metricLabel } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { frameOf, type Frame } from './frame.ts';
import { funnelChart, stepTrend } from './funnel.ts';
import { kpiIntro, type KpiIntro } from './kpiIntro.ts';
import { scopeHead } from './scopeTable.ts';
import { table, type Row, type Table } from './table.ts';

export interface StagesPage {
  frame: Frame;
  intro: KpiIntro;
  side: Table;
  funnel: ChartView;
  steps: ChartView;
  /** Null without stage history. */
  flow: ChartView | null;
}

/** Deals created this month per scope: how many, each step's conversion (the scope's leak marked), overall, the leak. */
function sideTable(site: SiteModel, period: string): Table {
  const { words: w, timeline: t, config } = site;
  const names = [...config.stages.map((s) => s.name), config.wonStage];
  const rows: Row[] = site.scopes.all.map((scope) => {
    const kpis = site.kpis(scope, t.month);
    const at = { scope: scope.key, period: t.month.id };
    const leak = kpis?.stages.leak ?? null;
    const steps = config.stages.map((_, i) => {
      const tr = kpis?.stages.transitions[i];
      return { ...metricCell(kpis, { path: 'stages.transitions.*.rate', key: i }, at, w), leak: !!leak && !!tr && leak.from === tr.from };
    });
    return {
      head: scopeHead(scope),
      cells: [
        metricCell(kpis, { path: 'stages.transitions.*.reached', key: 0 }, at, w),
        ...steps,
        metricCell(kpis, { path: 'stages.overall' }, at, w),
        metricCell(kpis, { path: 'stages.leak' }, at, w),
      ],
    };
  });
  const stepNames = config.stages.map((s, i) => `${s.name} → ${names[i + 1]}`);
  return table(
    {
      id: 'stages-side',
      caption: fill(w.l['stages.sideCaption'], { period }),
      columns: [w.l['scope.column'], w.l['stages.created'], ...stepNames, metricLabel({ path: 'stages.overall' }, w), metricLabel({ path: 'stages.leak' }, w)],
      rows,
    },
    w,
  );
}

/** The whole team's moves this month: forward into each stage and back to it (stage history). */
function flowView(site: SiteModel, period: string): ChartView | null {
  if (site.dataset.stageHistory.length === 0) return null;
  const { words: w, config, scopes, timeline: t } = site;
  const { l, f } = w;
  const team = scopes.team;
  const kpis = site.kpis(team, t.month);
  const stages = [...config.stages.map((s) => s.name), config.wonStage];
  const forward = kpis?.stages.forward ?? {};
  const backward = kpis?.stages.backward ?? {};
  const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
  const label = fill(l['stages.flowLabel'], { period });
  const chart = flowChart({
    label,
    summary: fill(l['stages.flowSummary'], { forward: f.count(sum(forward)), backward: f.count(sum(backward)), period }),
    stages,
    forward,
    backward,
    names: { forward: l['stages.flowForward'], backward: l['stages.flowBackward'] },
    colours: { forward: WON_COLOUR, backward: LOST_COLOUR },
    xTitle: l['stages.flowAxis'],
  });
  const at = { scope: team.key, period: t.month.id };
  const rows: Row[] = stages.map((stage) => ({
    head: { text: stage },
    cells: [metricCell(kpis, { path: 'stages.forward.*', key: stage }, at, w), metricCell(kpis, { path: 'stages.backward.*', key: stage }, at, w)],
  }));
  const columns = [l['column.stage'], metricLabel({ path: 'stages.forward.*' }, w), metricLabel({ path: 'stages.backward.*' }, w)];
  return { chart, table: table({ id: 'stages-flow', caption: label, columns, rows }, w) };
}

export function stagesPage(site: SiteModel): StagesPage {
  const { words: w, timeline: t, scopes } = site;
  const period = periodTitle(t.month, t, w.locale, w.l);
  return {
    frame: frameOf(site),
    intro: kpiIntro(site, 'stages', w.l['stages.why']),
    side: sideTable(site, period),
    funnel: funnelChart(site, scopes.team, site.pooled(scopes.team), 'stages-funnel'),
    steps: stepTrend(site, scopes.team, 'stages-steps'),
    flow: flowView(site, period),
  };
}
