/**
 * "Are we going to make it", per rep: what is closed won (a bar), where the
 * period will likely end (a dot on the forecast's 10–90 % range, drawn as a
 * line) and the quota (a tick), one row each, named at the row's end.
 */
import type { TopLevelSpec } from 'vega-lite';
import { axisFormat, BY_ORDER, PHONE_CONFIG, PHONE_WIDTH, WIDTH } from './theme.ts';
import type { Chart, LegendItem } from './types.ts';

export interface ForecastRow {
  name: string;
  closedWon: number;
  low: number;
  expected: number;
  high: number;
  /** 0 without a quota: no tick. */
  quota: number;
  /** Words after the row: "likely $120k of $150k". */
  note: string;
}

export interface ForecastChartInput {
  label: string;
  summary: string;
  rows: ForecastRow[];
  xTitle: string;
  /** Colour of the closed-won bars and of the forecast range, and their names in the colour key. */
  colours: { closedWon: string; range: string };
  names: { closedWon: string; range: string; quota: string };
  /** Room for the notes past the longest row, in SVG units. */
  noteWidth?: number;
}

const ROW = 34;

/** One row per scope: closed-won bar, forecast range with its likely point, quota tick, and a note. */
export function forecastChart(input: ForecastChartInput): Chart {
  const values = input.rows.map((r, order) => ({ ...r, order, end: Math.max(r.high, r.quota, r.closedWon) }));
  const y = (labelLimit: number) => ({ field: 'name', type: 'nominal' as const, sort: BY_ORDER, title: null, axis: { labelLimit } });
  const x = (tickCount: number) => ({ type: 'quantitative' as const, title: input.xTitle, axis: { format: axisFormat('money'), tickCount } });
  const marks = (axis: ReturnType<typeof x>) => [
    { mark: { type: 'bar', height: { band: 0.6 }, color: input.colours.closedWon }, encoding: { x: { ...axis, field: 'closedWon' } } },
    { mark: { type: 'rule', strokeWidth: 3, color: input.colours.range }, encoding: { x: { ...axis, field: 'low' }, x2: { field: 'high' } } },
    { mark: { type: 'point', filled: true, size: 70, color: input.colours.range }, encoding: { x: { ...axis, field: 'expected' } } },
    { transform: [{ filter: 'datum.quota > 0' }], mark: { type: 'tick', color: 'currentColor', thickness: 3, bandSize: ROW - 6 }, encoding: { x: { ...axis, field: 'quota' } } },
  ];
  const note = { mark: { type: 'text', align: 'left', dx: 8 }, encoding: { x: { ...x(6), field: 'end' }, text: { field: 'note' } } };
  const frame = { height: Math.max(1, values.length) * ROW, data: { values } };
  const spec = { ...frame, width: WIDTH - (input.noteWidth ?? 240), encoding: { y: y(220) }, layer: [...marks(x(6)), note] } as TopLevelSpec;
  // On a phone: no notes past the rows (the table under the chart has them), names cut shorter, fewer ticks.
  const phone = { ...frame, width: PHONE_WIDTH - 30, encoding: { y: y(170) }, layer: marks(x(3)), config: PHONE_CONFIG } as TopLevelSpec;
  const legend: LegendItem[] = [
    { name: input.names.closedWon, colour: input.colours.closedWon },
    { name: input.names.range, colour: input.colours.range },
    { name: input.names.quota, colour: 'currentColor' },
  ];
  return { spec, phone, label: input.label, summary: input.summary, legend, empty: values.length === 0 };
}
