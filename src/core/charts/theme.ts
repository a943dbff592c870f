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

/** Default inner width of a chart, in SVG units; the SVG scales to its container. */
export const WIDTH = 560;

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
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
  },
  // Legends are HTML beside the chart (Chart.astro): readable, translatable, and smaller than SVG ones.
  legend: { disable: true },
  text: { fill: 'currentColor', fontSize: 11 },
  title: { color: 'currentColor' },
  line: { strokeWidth: 2 },
  point: { size: 36, strokeWidth: 2, opacity: 1 },
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
