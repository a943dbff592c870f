/**
 * /kpi/stages/ (KPI 2, leading): every scope's step conversions this month
 * side by side with each one's leak marked, the team's pooled funnel with
 * the leak, each step's trend, and forward/backward flow from stage history.
 */
import { flowChart } from '../../core/charts/flow.ts';
import { LOST_COLOUR, WON_COLOUR } from '../../core/charts/palette.ts';
import { fill } from '../text/dictionary.ts';
import { kpiCell, named, namedChart, rateFlags, smallFlag, type Row, type Table } from '../cells.ts';
import type { ViewContext } from '../context.ts';
import { periodTitle } from '../timeline.ts';
import { funnelChart, stepTrend } from './funnel.ts';
import { columnCell, scopeHead } from './tables.ts';
import type { ChartView } from './trends.ts';

export interface StagesView {
  side: Table;
  funnel: ChartView;
  steps: ChartView;
  /** Null without stage history. */
  flow: ChartView | null;
}

function sideTable(ctx: ViewContext, period: string): Table {
  const { l, timeline: t, config } = ctx;
  const names = [...config.stages.map((s) => s.name), config.wonStage];
  const rows: Row[] = ctx.scopes.all.map((scope) => {
    const kpis = ctx.kpis(scope, t.month);
    const leak = kpis?.stages.leak ?? null;
    const steps = config.stages.map((_, i) => {
      const tr = kpis?.stages.transitions[i];
      const cell = kpiCell(kpis, `stages.transitions.${i}.rate`, 'percent', scope.key, t.month.id, ctx, tr ? smallFlag('deals', tr.reached, ctx) : undefined);
      return { ...cell, leak: !!leak && !!tr && leak.from === tr.from };
    });
    return {
      head: scopeHead(scope),
      cells: [
        kpiCell(kpis, 'stages.transitions.0.reached', 'count', scope.key, t.month.id, ctx),
        ...steps,
        kpiCell(kpis, 'stages.overall', 'percent', scope.key, t.month.id, ctx, kpis ? rateFlags(kpis, ctx).overall : undefined),
        columnCell(kpis, { label: '', path: 'stages.leak', kind: 'leak' }, scope, t.month, ctx),
      ],
    };
  });
  const stepNames = config.stages.map((s, i) => `${s.name} → ${names[i + 1]}`);
  return {
    caption: fill(l['stages.sideCaption'], { period }),
    columns: [l['scope.column'], l['stages.created'], ...stepNames, l['f.stages.overall'], l['f.stages.leak']],
    rows,
  };
}

function flowView(ctx: ViewContext, period: string): ChartView | null {
  if (ctx.site.dataset.stageHistory.length === 0) return null;
  const { l, f, config, scopes, timeline: t } = ctx;
  const team = scopes.team;
  const kpis = ctx.kpis(team, t.month);
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
  const rows: Row[] = stages.map((stage) => ({
    head: { text: stage },
    cells: [
      kpiCell(kpis, `stages.forward.${stage}`, 'count', team.key, t.month.id, ctx),
      kpiCell(kpis, `stages.backward.${stage}`, 'count', team.key, t.month.id, ctx),
    ],
  }));
  return { chart, table: { caption: label, columns: [l['f.stages.stage'], l['f.stages.forward'], l['f.stages.backward']], rows } };
}

export function stagesView(ctx: ViewContext): StagesView {
  const period = periodTitle(ctx.timeline.month, ctx.timeline, ctx.locale, ctx.l);
  const team = ctx.scopes.team;
  const flow = flowView(ctx, period);
  return {
    side: named(sideTable(ctx, period), 'stages-side'),
    funnel: namedChart(funnelChart(ctx, team, ctx.pooled(team)), 'stages-funnel'),
    steps: namedChart(stepTrend(ctx, team), 'stages-steps'),
    flow: flow && namedChart(flow, 'stages-flow'),
  };
}
