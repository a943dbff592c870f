/**
 * Trend charts: one value per month for one or more series (the team, a
 * team, reps). Points that rest on too few cases are drawn hollow and named
 * in the summary, so a 100 % from two deals never looks like a result.
 */
import type { TopLevelSpec } from 'vega-lite';
import { axisFormat, WIDTH } from './theme.ts';
import type { Chart, LegendItem, ValueFormat } from './types.ts';

/** One month of one series; `value` null (no denominator) leaves a gap. */
export interface TrendPoint {
  /** Month label on the axis, already in the page's language ("Nov 2026"). */
  month: string;
  series: string;
  value: number | null;
  /** True when the value rests on too few cases to judge. */
  small: boolean;
}

export interface TrendInput {
  label: string;
  summary: string;
  /** Axis labels in time order (fixes the x order, months with no data included). */
  months: string[];
  /** Series in drawing order; `dashed` marks a reference such as the whole team. */
  series: LegendItem[];
  points: TrendPoint[];
  format: ValueFormat;
  yTitle: string;
  /**
   * Which points get a marker: 'all', or only the 'small' ones (hollow) so
   * a chart of many series stays light. Default: all up to three series.
   */
  markers?: 'all' | 'small';
  /** Bars stacked by series instead of lines (counts and amounts that add up to the team). */
  stacked?: boolean;
  height?: number;
}

function colourBy(series: LegendItem[]) {
  return {
    field: 'series',
    type: 'nominal' as const,
    scale: { domain: series.map((s) => s.name), range: series.map((s) => s.colour) },
  };
}

/** A line chart (or stacked bars) of monthly values per series. */
export function trendChart(input: TrendInput): Chart {
  const colour = colourBy(input.series);
  const names = input.series.map((s) => s.name);
  const dashed = input.series.filter((s) => s.dashed).map((s) => s.name);
  // The domain lists every month, so months without a value still get their place on the axis.
  const x = { field: 'month', type: 'ordinal' as const, sort: input.months, scale: { domain: input.months }, title: null, axis: { labelAngle: 0, labelOverlap: true } };
  const y = { field: 'value', type: 'quantitative' as const, title: input.yTitle, axis: { format: axisFormat(input.format), tickCount: 5 } };
  const values = input.points.filter((p) => p.value !== null);
  const size = { width: WIDTH, height: input.height ?? 180 };
  const spec: TopLevelSpec = input.stacked
    ? {
        ...size,
        data: { values },
        transform: [{ calculate: `indexof(${JSON.stringify(names)}, datum.series)`, as: 'order' }],
        mark: { type: 'bar' },
        encoding: { x, y: { ...y, stack: 'zero' }, color: colour, order: { field: 'order', type: 'quantitative' } },
      }
    : {
        ...size,
        data: { values },
        encoding: { x, y },
        layer: [
          {
            mark: { type: 'line' },
            encoding: {
              color: colour,
              strokeDash: { condition: { test: `indexof(${JSON.stringify(dashed)}, datum.series) >= 0`, value: [5, 3] }, value: [1, 0] },
            },
          },
          {
            ...((input.markers ?? (input.series.length > 3 ? 'small' : 'all')) === 'small' ? { transform: [{ filter: 'datum.small' }] } : {}),
            mark: { type: 'point', filled: true },
            encoding: { stroke: colour, fill: { condition: { test: 'datum.small', value: 'transparent' }, ...colour } },
          },
        ],
      };
  return { spec, label: input.label, summary: input.summary, legend: input.series, empty: values.length === 0 };
}
