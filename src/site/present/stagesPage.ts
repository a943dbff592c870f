/**
 * /kpi/stages/ (KPI 2, leading) of one period: every scope's funnel over
 * the window to the period side by side (pooled, so each step rests on
 * enough deals; each scope's leak marked), the whole team's pooled funnel,
 * each step's trend, the period's own cohort (deals created in it: young
 * while the period runs) and forward/backward flow from stage history.
 */
import { flowChart } from '../../core/charts/flow.ts';
import { LOST_COLOUR, WON_COLOUR } from '../../core/charts/palette.ts';
import type { Period } from '../../core/kpi/periods.ts';
import type { SiteModel } from '../model.ts';
import { fill } from '../text/dictionary.ts';
import { periodTitle, type PeriodView } from '../timeline.ts';
import { metricCell, metricLabel, smallFlag, type Cell } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { funnelChart, stepTrend, windowName } from './funnel.ts';
import { kpiPageFrame, type KpiPageFrame } from './kpiIntro.ts';
import { scopeHead } from './scopeTable.ts';
import { table, type Row, type Table } from './table.ts';

export interface StagesPage extends KpiPageFrame {
  /** The headings of the pooled table and of the team's funnel, with the window. */
  titles: { pooled: string; funnel: string };
  pooled: Table;
  funnel: ChartView;
  steps: ChartView;
  cohort: Table;
  /** The cohort is still young (the period runs). */
  young: boolean;
  /** Null without stage history. */
  flow: ChartView | null;
}

/** The step names as column titles: "Qualify → Discovery". */
function stepNames(site: SiteModel): string[] {
  const { stages, wonStage } = site.config;
  const names = [...stages.map((s) => s.name), wonStage];
  return stages.map((s, i) => `${s.name} → ${names[i + 1]}`);
}

/** Each scope's funnel over the window of `view`, pooled: deals created, each step's conversion (the leak marked), overall, the leak. */
function pooledTable(site: SiteModel, view: PeriodView): Table {
  const w = site.words;
  const { l, f } = w;
  const rows: Row[] = site.scopes.all.map((scope) => {
    const p = site.pooled(scope, view);
    const created = p.transitions[0]?.reached ?? 0;
    const steps = site.config.stages.map((_, i): Cell => {
      const t = p.transitions[i];
      return { text: f.rate(t?.rate ?? null), flag: smallFlag('deals', t?.reached ?? 0, w), raw: t?.rate ?? null, leak: !!t && t === p.leak };
    });
    return {
      head: scopeHead(scope, site.urls.page('scope', scope, view.period)),
      cells: [
        { text: f.count(created), raw: created },
        ...steps,
        { text: f.rate(p.overall), flag: smallFlag('deals', created, w), raw: p.overall },
        { text: p.leak ? `${p.leak.from} → ${p.leak.to}` : l['stages.noLeak'], word: true },
      ],
    };
  });
  return table(
    {
      id: `stages-pooled-${view.period.id}`,
      caption: fill(l['stages.pooledCaption'], { window: windowName(site, view) }),
      columns: [l['scope.column'], l['stages.created'], ...stepNames(site), metricLabel({ path: 'stages.overall' }, w), metricLabel({ path: 'stages.leak' }, w)],
      rows,
    },
    w,
  );
}

/** Deals created in the period per scope: how many, each step's conversion (the scope's leak marked), overall, the leak (KPI JSON). */
function cohortTable(site: SiteModel, period: Period): Table {
  const { words: w, config } = site;
  const rows: Row[] = site.scopes.all.map((scope) => {
    const kpis = site.kpis(scope, period);
    const at = { scope: scope.key, period: period.id };
    const leak = kpis?.stages.leak ?? null;
    const steps = config.stages.map((_, i) => {
      const tr = kpis?.stages.transitions[i];
      return { ...metricCell(kpis, { path: 'stages.transitions.*.rate', key: i }, at, w), leak: !!leak && !!tr && leak.from === tr.from };
    });
    return {
      head: scopeHead(scope, site.urls.page('scope', scope, period)),
      cells: [metricCell(kpis, { path: 'stages.transitions.*.reached', key: 0 }, at, w), ...steps, metricCell(kpis, { path: 'stages.overall' }, at, w), metricCell(kpis, { path: 'stages.leak' }, at, w)],
    };
  });
  const name = periodTitle(period, site.timeline, w);
  return table(
    {
      id: `stages-cohort-${period.id}`,
      caption: fill(w.l['stages.sideCaption'], { period: name }),
      columns: [w.l['scope.column'], w.l['stages.created'], ...stepNames(site), metricLabel({ path: 'stages.overall' }, w), metricLabel({ path: 'stages.leak' }, w)],
      rows,
    },
    w,
  );
}

/** The whole team's moves in the period: forward into each stage and back to it (stage history). */
function flowView(site: SiteModel, period: Period): ChartView | null {
  if (site.dataset.stageHistory.length === 0) return null;
  const { words: w, config, scopes } = site;
  const { l, f } = w;
  const team = scopes.team;
  const kpis = site.kpis(team, period);
  const name = periodTitle(period, site.timeline, w);
  const stages = [...config.stages.map((s) => s.name), config.wonStage];
  const forward = kpis?.stages.forward ?? {};
  const backward = kpis?.stages.backward ?? {};
  const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
  const label = fill(l['stages.flowLabel'], { period: name });
  const chart = flowChart({
    label,
    summary: fill(l['stages.flowSummary'], { forward: f.count(sum(forward)), backward: f.count(sum(backward)), period: name }),
    stages,
    forward,
    backward,
    names: { forward: l['stages.flowForward'], backward: l['stages.flowBackward'] },
    colours: { forward: WON_COLOUR, backward: LOST_COLOUR },
    xTitle: l['stages.flowAxis'],
  });
  const at = { scope: team.key, period: period.id };
  const rows: Row[] = stages.map((stage) => ({
    head: { text: stage },
    cells: [metricCell(kpis, { path: 'stages.forward.*', key: stage }, at, w), metricCell(kpis, { path: 'stages.backward.*', key: stage }, at, w)],
  }));
  const columns = [l['column.stage'], metricLabel({ path: 'stages.forward.*' }, w), metricLabel({ path: 'stages.backward.*' }, w)];
  return { chart, table: table({ id: `stages-flow-${period.id}`, caption: label, columns, rows }, w) };
}

export function stagesPage(site: SiteModel, period: Period, view: PeriodView = site.timeline.view(period)): StagesPage {
  const team = site.scopes.team;
  return {
    ...kpiPageFrame(site, 'stages', period, site.words.l['stages.why']),
    titles: { pooled: fill(site.words.l['stages.pooledTitle'], { window: windowName(site, view) }), funnel: fill(site.words.l['stages.funnelTitle'], { window: windowName(site, view) }) },
    pooled: pooledTable(site, view),
    funnel: funnelChart(site, team, view, 'stages-funnel'),
    steps: stepTrend(site, team, 'stages-steps'),
    cohort: cohortTable(site, period),
    young: !site.timeline.complete(period),
    flow: flowView(site, period),
  };
}
