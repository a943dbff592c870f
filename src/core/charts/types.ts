/** The shape every spec builder returns and the renderer takes. */
import type { TopLevelSpec } from 'vega-lite';

/** A chart ready to render: the Vega-Lite spec, and the words a screen reader gets in its place. */
export interface Chart {
  spec: TopLevelSpec;
  /**
   * The same chart laid out for a phone (theme.ts's PHONE_WIDTH), where its
   * builder makes one: pages that ask for it draw both, and a narrow screen
   * shows this one, whose text would otherwise shrink to a third of its size.
   */
  phone?: TopLevelSpec;
  /** The accessible name: what the chart shows, e.g. "Next-step rate by month, whole team and Maria Chen". */
  label: string;
  /** A one- or two-sentence text summary of what the data says; shown under the chart too. */
  summary: string;
  /** The colour key, rendered as an HTML list beside the chart (Vega legends are off). */
  legend: LegendItem[];
  /** True when there is no value to draw: the page says so instead of showing empty axes. */
  empty?: boolean;
}

/** One entry of a chart's colour key. */
export interface LegendItem {
  name: string;
  colour: string;
  /** A dashed line (a reference such as the whole team) rather than a solid swatch. */
  dashed?: boolean;
}

/** Locale and currency of the numbers on a chart's axes. */
export interface ChartLocale {
  locale: string;
  currency: string;
}

/** How the numbers on a value axis read. */
export type ValueFormat = 'percent' | 'money' | 'count' | 'decimal';
