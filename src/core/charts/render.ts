/**
 * The one chart renderer: a Vega-Lite spec compiled with vega-lite, run by
 * a headless Vega view and serialised to SVG at build time, then made
 * accessible (a named `graphics-document` with a <title>, its marks hidden
 * from assistive technology because the data table is the alternative) and
 * slimmed for the page budget.
 */
import * as vega from 'vega';
import { compile, type Config } from 'vega-lite';
import { FONT, THEME } from './theme.ts';
import type { Chart, ChartLocale } from './types.ts';
import { d3NumberLocale } from './vegaLocale.ts';
import { slimSvg } from './slimSvg.ts';


/** Vega-Lite's logger, with warnings handed to `onWarning` instead of the build's console. */
function quietLogger(onWarning: (message: string) => void) {
  const logger = vega.logger(vega.Warn);
  logger.warn = (...args: readonly unknown[]) => {
    onWarning(args.map(String).join(' '));
    return logger;
  };
  return logger;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The name the renderer gives a chart's top-level inline data, so charts of one shape share a compiled spec. */
const DATA = 'values';

/**
 * A spec with its top-level inline values taken out and named, and the
 * values: charts that differ only in their data (one trend per rep) then
 * share one compiled and parsed spec.
 */
function splitData(spec: Chart['spec']): { shape: Chart['spec']; values: unknown[] | null } {
  const data = (spec as { data?: { values?: unknown } }).data;
  if (!data || !Array.isArray(data.values) || Object.keys(data).length !== 1) return { shape: spec, values: null };
  return { shape: { ...spec, data: { name: DATA } } as Chart['spec'], values: data.values };
}

export interface ChartRenderer {
  /**
   * A chart as an inline SVG string: `<svg role="graphics-document"
   * aria-label="…" viewBox="…" width="…" height="…"><title>…</title>…</svg>`.
   * Width and height are the natural size (text at its set size); the page's
   * CSS lets it shrink to a narrow screen (max-width: 100%, height: auto).
   * Throws when the spec does not compile (a bug in a builder, not a data problem).
   */
  render(chart: Chart): Promise<string>;
}

/**
 * The one chart renderer, for one locale and currency: a Vega-Lite spec
 * compiled with vega-lite, run by a headless Vega view and serialised to
 * SVG. Specs of the same shape (all but their top-level data) are compiled
 * and parsed once; each chart gets its own view with its own data.
 */
export function chartRenderer(where: ChartLocale, onWarning: (message: string) => void = () => {}): ChartRenderer {
  // Vega's `locale` view option takes d3 locale definitions ({ number, time }), not the formatters its typings name.
  const locale = { number: d3NumberLocale(where.locale, where.currency) } as unknown as vega.LocaleFormatters;
  const runtimes = new Map<string, vega.Runtime>();
  const runtimeOf = (shape: Chart['spec']) => {
    const key = JSON.stringify(shape);
    let runtime = runtimes.get(key);
    if (!runtime) runtimes.set(key, (runtime = vega.parse(compile(shape, { logger: quietLogger(onWarning) }).spec)));
    return runtime;
  };
  return {
    async render(chart) {
      const { shape, values } = splitData({ ...chart.spec, config: { ...THEME, ...(chart.spec.config as Config | undefined) } } as Chart['spec']);
      const view = new vega.View(runtimeOf(shape), { renderer: 'none', locale });
      try {
        if (values) view.data(DATA, values);
        return accessibleRoot(slimSvg(await view.toSVG()), chart.label);
      } finally {
        view.finalize();
      }
    },
  };
}

/** Renders one chart (a renderer of its own: no compiled spec is shared). */
export function renderChart(chart: Chart, where: ChartLocale, onWarning: (message: string) => void = () => {}): Promise<string> {
  return chartRenderer(where, onWarning).render(chart);
}

/** Replaces the root <svg …> with an accessible, scalable one and hides the marks inside it. */
export function accessibleRoot(svg: string, label: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('not an SVG document');
  const viewBox = /viewBox="([^"]*)"/.exec(open[0])?.[1] ?? '0 0 100 100';
  const [, , width, height] = viewBox.split(' ');
  const name = escapeXml(label);
  const root =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" width="${width}" height="${height}" role="graphics-document" aria-label="${name}" class="chart-svg">` +
    `<title>${name}</title><g aria-hidden="true" font-family="${FONT}">`;
  return `${root}${svg.slice(open[0].length, -'</svg>'.length)}</g></svg>`;
}
