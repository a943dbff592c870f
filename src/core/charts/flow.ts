/**
 * Stage flow (KPI 2 with stage history): per stage, moves forward into it
 * to the right and moves back to it to the left, so a stage deals bounce
 * back to stands out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { axisFormat, BY_ORDER, COLOUR_FIELD, WIDTH } from './theme.ts';
import type { Chart, LegendItem } from './types.ts';

export interface FlowInput {
  label: string;
  summary: string;
  /** Stages in funnel order. */
  stages: string[];
  forward: Record<string, number>;
  backward: Record<string, number>;
  names: { forward: string; backward: string };
  colours: { forward: string; backward: string };
  xTitle: string;
}

/** A diverging bar per stage: backward moves left of zero, forward moves right. */
export function flowChart(input: FlowInput): Chart {
  const count = (moves: Record<string, number>, stage: string) => (Object.hasOwn(moves, stage) ? moves[stage] : 0);
  const values = input.stages.flatMap((stage, order) => [
    { stage, order, colour: input.colours.forward, moves: count(input.forward, stage) },
    { stage, order, colour: input.colours.backward, moves: -count(input.backward, stage) },
  ]);
  const spec = {
    width: WIDTH - 40,
    height: Math.max(1, input.stages.length) * 32,
    data: { values },
    mark: { type: 'bar', height: { band: 0.7 } },
    encoding: {
      y: { field: 'stage', type: 'nominal', sort: BY_ORDER, title: null },
      // Backward counts are stored negative; the axis shows them as plain counts.
      x: { field: 'moves', type: 'quantitative', title: input.xTitle, axis: { format: axisFormat('count'), labelExpr: 'replace(datum.label, /^[-−]/, "")' } },
      color: COLOUR_FIELD,
    },
  } as TopLevelSpec;
  const legend: LegendItem[] = [
    { name: input.names.forward, colour: input.colours.forward },
    { name: input.names.backward, colour: input.colours.backward },
  ];
  return { spec, label: input.label, summary: input.summary, legend };
}
