/**
 * The one Vega-Lite config of the site. Text, axes and grid use
 * `currentColor`, so inline SVG follows the page's light or dark scheme;
 * data colours come from palette.ts. ARIA output of Vega is off: the root
 * <svg> gets one accessible name from the renderer, and the data table
 * next to each chart is the accessible alternative.
 */
import type { Config } from 'vega-lite';
import type { ValueFormat } from './types.ts';

export const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

/**
 * Default inner width of a chart, in SVG units. The SVG scales to its
 * column, so this is chosen with the text size: a chart about as wide as
 * the page's column at 1366 px (about 1,290 px), text at TEXT units reads
 * at the body's 16 px there, and a little larger on wider screens.
 */
export const WIDTH = 1000;

/** Axis, label and note text, in SVG units (see WIDTH); small multiples use SMALL_TEXT in their narrower panels. */
export const TEXT = 15;
export const SMALL_TEXT = 14;

/**
 * A phone's layout (Chart.phone): the inner width of its plot, about what is
 * left of a 390 px screen's 358 px column once the axis labels have their
 * room, and its text, a little larger, so it reads at about body size there.
 */
export const PHONE_WIDTH = 240;
export const PHONE_TEXT = 16;

export const THEME: Config = {
  aria: false,
  background: 'transparent',
  font: FONT,
  padding: 4,
  view: { stroke: null },
  axis: {
    labelColor: 'currentColor',
    titleColor: 'currentColor',
    domainColor: 'currentColor',
    tickColor: 'currentColor',
    gridColor: 'currentColor',
    gridOpacity: 0.18,
    domainOpacity: 0.6,
    tickOpacity: 0.6,
    labelFontSize: TEXT,
    titleFontSize: TEXT,
    titleFontWeight: 'normal',
  },
  // Legends are HTML beside the chart (Chart.astro): readable, translatable, and smaller than SVG ones.
  legend: { disable: true },
  text: { fill: 'currentColor', fontSize: TEXT },
  title: { color: 'currentColor' },
  line: { strokeWidth: 2 },
  point: { size: 36, strokeWidth: 2, opacity: 1 },
};

/** The config a phone layout carries: the theme's text sizes raised to PHONE_TEXT (the renderer lays it over THEME key by key). */
export const PHONE_CONFIG: Config = {
  axis: { ...THEME.axis, labelFontSize: PHONE_TEXT, titleFontSize: PHONE_TEXT },
  text: { ...THEME.text, fontSize: PHONE_TEXT },
};

/** The d3-format pattern of an axis of values: money in SI units with up to 3 digits ($1.2M, $250k), percentages without decimals. */
export function axisFormat(format: ValueFormat): string {
  switch (format) {
    case 'percent':
      return '.0%';
    case 'money':
      return '$,.3~s';
    case 'count':
      return ',d';
    case 'decimal':
      return ',.1~f';
  }
}

/**
 * Where a chart's data names things (reps, stages, sources): Vega-Lite
 * writes a `sort` list or a condition into Vega expressions, where a name
 * such as `toString` or one with U+2028 breaks the chart. So the builders
 * carry order and colour as fields of each datum (`order`, `colour`) and
 * sort and colour by them: no data value is ever part of an expression.
 */
export const BY_ORDER = { field: 'order', op: 'min' } as const;
/** The colour each datum carries, drawn as it is (no scale, so no domain of names). */
export const COLOUR_FIELD = { field: 'colour', type: 'nominal', scale: null } as const;

