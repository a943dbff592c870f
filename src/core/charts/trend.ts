/**
 * Trend charts: one value per month for a few series (a rep and the whole
 * team). Points that rest on too few cases are drawn hollow and named in
 * the summary, so a 100 % from two deals never looks like a result. Lines
 * are named at their last point (direct labels, no colour key to look up).
 */
import type { TopLevelSpec } from 'vega-lite';
import { axisFormat, COLOUR_FIELD, PHONE_CONFIG, PHONE_WIDTH, WIDTH } from './theme.ts';
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
  /** Bars stacked by series instead of lines (counts and amounts that add up to the team); they keep a colour key. */
  stacked?: boolean;
  height?: number;
  width?: number;
}

/** The last point with a value of each series, which carries its name on the chart. */
function lastPoints<T extends { series: string; month: string }>(values: readonly T[], months: readonly string[]): Set<T> {
  const at = new Map(months.map((m, i) => [m, i]));
  const last = new Map<string, T>();
  for (const v of values) {
    const seen = last.get(v.series);
    if (!seen || (at.get(v.month) ?? 0) >= (at.get(seen.month) ?? 0)) last.set(v.series, v);
  }
  return new Set(last.values());
}

/** How far apart (a share of the axis, which runs from zero to about the largest value) two lines' names must sit so neither covers the other. */
const LABEL_GAP = 0.09;

/**
 * Where each series' name sits (in data units): at its last point, pushed
 * apart from its neighbours when two lines end close together.
 */
export function labelPlaces(ends: readonly { value: number }[], top: number): number[] {
  const gap = (top > 0 ? top : 1) * LABEL_GAP;
  const order = ends.map((_, i) => i).sort((a, b) => ends[b].value - ends[a].value);
  const places = ends.map((e) => e.value);
  for (let k = 1; k < order.length; k++) {
    const [above, below] = [order[k - 1], order[k]];
    if (places[above] - places[below] < gap) places[below] = places[above] - gap;
  }
  return places;
}

/** A line chart (or stacked bars) of monthly values per series. */
export function trendChart(input: TrendInput): Chart {
  const colour = COLOUR_FIELD;
  // Each point carries its series' number, colour and dash: lines are grouped by the number, never by a name.
  const seriesOf = new Map(input.series.map((s, order) => [s.name, { order, colour: s.colour, dashed: s.dashed ?? false }]));
  const detail = { field: 'order', type: 'nominal' as const };
  // The domain lists every month, so months without a value still get their place on the axis.
  const x = { field: 'month', type: 'ordinal' as const, sort: input.months, scale: { domain: input.months }, title: null, axis: { labelAngle: 0, labelOverlap: true } };
  const y = { field: 'value', type: 'quantitative' as const, title: input.yTitle, axis: { format: axisFormat(input.format), tickCount: 5 } };
  const points = input.points.filter((p) => p.value !== null && seriesOf.has(p.series));
  const last = lastPoints(points, input.months);
  const ends = [...last] as (TrendPoint & { value: number })[];
  const top = Math.max(0, ...points.map((p) => p.value as number));
  const places = new Map(labelPlaces(ends, top).map((place, i) => [ends[i], place]));
  const values = points.map((p) => ({ ...p, ...seriesOf.get(p.series)!, last: last.has(p), place: places.get(p as TrendPoint & { value: number }) ?? p.value }));
  /** The chart at `size`; `nameLimit`: the most room a line's name at its end may take (cut with an ellipsis past it). */
  const layout = (size: { width: number; height: number }, nameLimit?: number): TopLevelSpec => input.stacked
    ? {
        ...size,
        data: { values },
        mark: { type: 'bar' },
        encoding: { x, y: { ...y, stack: 'zero' }, color: colour, detail, order: { field: 'order', type: 'quantitative' } },
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
              detail,
              strokeDash: { condition: { test: 'datum.dashed', value: [5, 3] }, value: [1, 0] },
            },
          },
          {
            ...((input.markers ?? (input.series.length > 3 ? 'small' : 'all')) === 'small' ? { transform: [{ filter: 'datum.small' }] } : {}),
            mark: { type: 'point', filled: true },
            encoding: { detail, stroke: colour, fill: { condition: { test: 'datum.small', value: 'transparent' }, ...colour } },
          },
          {
            transform: [{ filter: 'datum.last' }],
            mark: { type: 'text', align: 'left', dx: 8, fontWeight: 'bold', ...(nameLimit ? { limit: nameLimit } : {}) },
            encoding: { y: { field: 'place', type: 'quantitative' }, text: { field: 'series' }, color: colour },
          },
        ],
      };
  const spec = layout({ width: input.width ?? WIDTH, height: input.height ?? 240 });
  // On a phone: the plot narrower and a little lower, names at the lines' ends cut past 200 units (Vega's width for about 15 letters: "Negotiation → Cl…"); the axis
  // keeps the month labels that fit (labelOverlap).
  const phone = { ...layout({ width: PHONE_WIDTH - 50, height: 200 }, 200), config: PHONE_CONFIG } as TopLevelSpec;
  return { spec, phone, label: input.label, summary: input.summary, legend: input.stacked ? input.series : [], empty: values.length === 0 };
}
