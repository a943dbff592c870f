/**
 * Small multiples: one small trend per panel (a rep), each with its own
 * line against a reference drawn dashed in every panel (the whole team), on
 * one shared scale, so every rep reads against the same yardstick without
 * nine lines in one tangle. Panels are named by their header, no colour key.
 */
import type { TopLevelSpec } from 'vega-lite';
import { axisFormat, BY_ORDER, COLOUR_FIELD, SMALL_TEXT, TEXT } from './theme.ts';
import type { Chart, ValueFormat } from './types.ts';

export interface PanelPoint {
  month: string;
  value: number | null;
  small: boolean;
}

export interface Panel {
  name: string;
  colour: string;
  points: PanelPoint[];
}

export interface MultiplesInput {
  label: string;
  summary: string;
  months: string[];
  panels: Panel[];
  /** Drawn dashed in every panel; null for none (counts, which a team total would dwarf). */
  reference: { name: string; colour: string; points: PanelPoint[] } | null;
  format: ValueFormat;
  /** Panels a row. */
  columns?: number;
}

const PANEL = { width: 240, height: 100 };

/** A grid of small trends, one per panel, the reference in each. */
export function multiplesChart(input: MultiplesInput): Chart {
  const columns = input.columns ?? 4;
  // Order, colour and dash travel as fields of each datum; no name is ever part of an expression.
  const values = input.panels.flatMap((panel, order) => {
    const own = panel.points.map((p) => ({ ...p, panel: panel.name, order, line: 1, colour: panel.colour, dashed: false }));
    const ref = input.reference?.points.map((p) => ({ ...p, panel: panel.name, order, line: 0, colour: input.reference!.colour, dashed: true })) ?? [];
    return [...ref, ...own].filter((p) => p.value !== null);
  });
  const x = { field: 'month', type: 'ordinal' as const, sort: input.months, scale: { domain: input.months }, title: null, axis: { labelAngle: 0, labelOverlap: true, labelFontSize: SMALL_TEXT } };
  const y = { field: 'value', type: 'quantitative' as const, title: null, axis: { format: axisFormat(input.format), tickCount: 3, labelFontSize: SMALL_TEXT } };
  const detail = { field: 'line', type: 'nominal' as const };
  const spec = {
    data: { values },
    columns,
    facet: { field: 'panel', type: 'nominal', sort: BY_ORDER, header: { title: null, labelFontSize: TEXT, labelFontWeight: 'bold', labelColor: 'currentColor', labelAnchor: 'start' } },
    spec: {
      ...PANEL,
      encoding: { x, y },
      layer: [
        { mark: { type: 'line' }, encoding: { color: COLOUR_FIELD, detail, strokeDash: { condition: { test: 'datum.dashed', value: [4, 3] }, value: [1, 0] } } },
        {
          transform: [{ filter: 'datum.small && !datum.dashed' }],
          mark: { type: 'point', filled: false, size: 30 },
          encoding: { detail, stroke: COLOUR_FIELD },
        },
      ],
    },
    spacing: { row: 14, column: 18 },
  } as TopLevelSpec;
  return { spec, label: input.label, summary: input.summary, legend: [], empty: values.length === 0 };
}
