/**
 * Horizontal bar charts of one value per category (a rep, a stage): bars in
 * the given order and colours, an optional note at the end of each bar and
 * an optional reference line (a threshold). A bar that rests on too few
 * cases is drawn hollow, like a hollow point on a trend.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ALERT_COLOUR } from './palette.ts';
import { axisFormat, BY_ORDER, COLOUR_FIELD, PHONE_CONFIG, PHONE_WIDTH, WIDTH } from './theme.ts';
import type { Chart, LegendItem, ValueFormat } from './types.ts';

export interface Bar {
  category: string;
  value: number | null;
  colour: string;
  small?: boolean;
  /** Text after the bar, e.g. "30 % → Negotiation" or "Leak". */
  note?: string;
  /** Outlined in the alert colour (the leak); the note must say why in words. */
  alert?: boolean;
}

export interface BarsInput {
  label: string;
  summary: string;
  bars: Bar[];
  format: ValueFormat;
  xTitle: string;
  /** A vertical reference line, e.g. the coverage threshold. */
  rule?: { value: number; label: string };
  legend?: LegendItem[];
  /** Room for notes past the longest bar, in SVG units: taken off the bars' width to keep charts alike in size. */
  noteWidth?: number;
}

const BAR_STEP = 30;
/** What an alert's bar gets on a phone in place of its note: an arrow, so colour is not the only sign. */
const ALERT_MARK = '◀';

/** One horizontal bar per category, top to bottom in the given order. */
export function barsChart(input: BarsInput): Chart {
  const categories = input.bars.map((b) => b.category);
  // Order and colour travel as fields of each datum: a category is data, and never goes into a Vega expression.
  const values = input.bars.map((b, order) => ({ ...b, order, value: b.value ?? 0, note: b.note ?? '', small: b.small ?? false, alert: b.alert ?? false }));
  const colour = COLOUR_FIELD;
  const y = (labelLimit: number) => ({ field: 'category', type: 'nominal' as const, sort: BY_ORDER, title: null, axis: { labelLimit } });
  const maxValue = Math.max(0, input.rule?.value ?? 0, ...values.map((v) => v.value));
  const scale = { domain: [0, maxValue > 0 ? maxValue : 1], nice: true };
  /** The layers, with the names cut at `labelLimit`, about `tickCount` ticks on the value axis, and the notes and the rule's label or not. */
  const layers = (labelLimit: number, tickCount: number, notes: boolean): object[] => {
    const x = { field: 'value', type: 'quantitative' as const, title: input.xTitle, axis: { format: axisFormat(input.format), tickCount }, scale };
    const layered: object[] = [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          x,
          y: y(labelLimit),
          stroke: { condition: { test: 'datum.alert', value: ALERT_COLOUR }, ...colour },
          strokeWidth: { condition: { test: 'datum.alert', value: 4 }, value: 2 },
          fill: { condition: { test: 'datum.small', value: 'transparent' }, ...colour },
        },
      },
      notes
        ? { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { x, y: y(labelLimit), text: { field: 'note' } } }
        : { transform: [{ filter: 'datum.alert' }], mark: { type: 'text', align: 'left', dx: 4, fontWeight: 'bold' }, encoding: { x, y: y(labelLimit), text: { value: ALERT_MARK } } },
    ];
    if (!input.rule) return layered;
    const at = { x: { field: 'value', type: 'quantitative' } };
    layered.push({ data: { values: [input.rule] }, mark: { type: 'rule', strokeDash: [4, 3], color: 'currentColor', strokeWidth: 1.5 }, encoding: at });
    if (notes) layered.push({ data: { values: [input.rule] }, mark: { type: 'text', align: 'left', dx: 3, baseline: 'top', y: -14 }, encoding: { ...at, text: { field: 'label' } } });
    return layered;
  };
  const noteWidth = input.noteWidth ?? 100;
  const frame = {
    height: Math.max(1, categories.length) * BAR_STEP,
    // Vega pads the view to fit the notes past the bars; only the rule's label needs room above.
    padding: { left: 4, top: input.rule ? 18 : 4, right: 4, bottom: 4 },
    data: { values },
  };
  const spec = { ...frame, width: WIDTH - noteWidth, layer: layers(220, 5, true) } as TopLevelSpec;
  // On a phone the notes and the rule's label would take half the width: they are left to the table under the chart and
  // the chart's name (an alert keeps its outline and gets a mark, and the caller's summary says it in words), and names
  // are cut shorter.
  const phone = { ...frame, width: PHONE_WIDTH - 30, layer: layers(170, 3, false), config: PHONE_CONFIG } as TopLevelSpec;
  return { spec, phone, label: input.label, summary: input.summary, legend: input.legend ?? [], empty: input.bars.every((b) => b.value === null) };
}
