/**
 * Stage flow (KPI 2 with stage history): per stage, moves forward into it
 * to the right and moves back to it to the left, so a stage deals bounce
 * back to stands out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { axisFormat, WIDTH } from './theme.ts';
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
  const values = input.stages.flatMap((stage) => [
    { stage, direction: input.names.forward, moves: input.forward[stage] ?? 0 },
    { stage, direction: input.names.backward, moves: -(input.backward[stage] ?? 0) },
  ]);
  const spec = {
    width: WIDTH - 40,
    height: Math.max(1, input.stages.length) * 26,
    data: { values },
    mark: { type: 'bar', height: { band: 0.7 } },
    encoding: {
      y: { field: 'stage', type: 'nominal', sort: input.stages, title: null },
      // Backward counts are stored negative; the axis shows them as plain counts.
      x: { field: 'moves', type: 'quantitative', title: input.xTitle, axis: { format: axisFormat('count'), labelExpr: 'replace(datum.label, /^[-−]/, "")' } },
      color: {
        field: 'direction',
        type: 'nominal',
        scale: { domain: [input.names.forward, input.names.backward], range: [input.colours.forward, input.colours.backward] },
      },
    },
  } as TopLevelSpec;
  const legend: LegendItem[] = [
    { name: input.names.forward, colour: input.colours.forward },
    { name: input.names.backward, colour: input.colours.backward },
  ];
  return { spec, label: input.label, summary: input.summary, legend };
}
