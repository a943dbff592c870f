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

/**
 * Renders a chart to an inline SVG string: `<svg role="graphics-document"
 * aria-label="…" viewBox="…" width="…" height="…"><title>…</title>…</svg>`.
 * Width and height are the natural size (text at its set size); the page's
 * CSS lets it shrink to a narrow screen (max-width: 100%, height: auto).
 * Throws when the spec does not compile (a bug in a builder, not a data problem).
 */
export async function renderChart(chart: Chart, where: ChartLocale, onWarning: (message: string) => void = () => {}): Promise<string> {
  const spec = { ...chart.spec, config: { ...THEME, ...(chart.spec.config as Config | undefined) } };
  const runtime = vega.parse(compile(spec, { logger: quietLogger(onWarning) }).spec);
  // Vega's `locale` view option takes d3 locale definitions ({ number, time }), not the formatters its typings name.
  const locale = { number: d3NumberLocale(where.locale, where.currency) } as unknown as vega.LocaleFormatters;
  const view = new vega.View(runtime, { renderer: 'none', locale });
  try {
    const svg = await view.toSVG();
    return accessibleRoot(slimSvg(svg), chart.label);
  } finally {
    view.finalize();
  }
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
