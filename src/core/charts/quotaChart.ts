/**
 * KPI 4 at a glance: per scope, what is closed won, the open pipeline
 * stacked after it, and the quota as a tick, so the gap and whether the
 * pipeline can fill it are one look.
 */
import type { TopLevelSpec } from 'vega-lite';
import { axisFormat, BY_ORDER, COLOUR_FIELD, WIDTH } from './theme.ts';
import type { Chart, LegendItem } from './types.ts';

export interface QuotaRow {
  scope: string;
  quota: number;
  closedWon: number;
  open: number;
}

export interface QuotaChartInput {
  label: string;
  summary: string;
  rows: QuotaRow[];
  names: { closedWon: string; open: string; quota: string };
  colours: { closedWon: string; open: string };
  xTitle: string;
}

/** Closed won and open pipeline as one stacked bar per scope, quota as a tick across it. */
export function quotaChart(input: QuotaChartInput): Chart {
  const scopes = input.rows.map((r) => r.scope);
  const parts = input.rows.flatMap((r, order) => [
    { scope: r.scope, order, colour: input.colours.closedWon, from: 0, to: r.closedWon },
    { scope: r.scope, order, colour: input.colours.open, from: r.closedWon, to: r.closedWon + r.open },
  ]);
  const y = { field: 'scope', type: 'nominal' as const, sort: BY_ORDER, title: null, axis: { labelLimit: 160 } };
  const x = { type: 'quantitative' as const, title: input.xTitle, axis: { format: axisFormat('money'), tickCount: 5 } };
  const spec = {
    width: WIDTH - 40,
    height: Math.max(1, scopes.length) * 26,
    layer: [
      {
        data: { values: parts },
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x: { ...x, field: 'from' },
          x2: { field: 'to' },
          color: COLOUR_FIELD,
        },
      },
      {
        data: { values: input.rows.map((r, order) => ({ ...r, order })) },
        mark: { type: 'tick', color: 'currentColor', thickness: 3, bandSize: 24 },
        encoding: { y, x: { ...x, field: 'quota' } },
      },
    ],
  } as TopLevelSpec;
  const legend: LegendItem[] = [
    { name: input.names.closedWon, colour: input.colours.closedWon },
    { name: input.names.open, colour: input.colours.open },
    { name: input.names.quota, colour: 'currentColor', dashed: false },
  ];
  return { spec, label: input.label, summary: input.summary, legend };
}
