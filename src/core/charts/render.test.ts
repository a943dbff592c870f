import { describe, expect, it } from 'vitest';
import { barsChart } from './bars.ts';
import { flowChart } from './flow.ts';
import { forecastChart } from './forecastChart.ts';
import { multiplesChart } from './multiples.ts';
import { accessibleRoot, chartRenderer, renderChart } from './render.ts';
import { trendChart } from './trend.ts';
import type { Chart } from './types.ts';

const EN = { locale: 'en-US', currency: 'USD' };
const RU = { locale: 'ru-RU', currency: 'RUB' };
const months = ['Sep', 'Oct', 'Nov'];

function trendInput(label = 'Win rate by month') {
  return {
    label,
    summary: 'Win rate rose.',
    months,
    series: [{ name: 'Team', colour: '#7d8590', dashed: true }, { name: 'Ann', colour: '#2f7ed8' }],
    points: [
      { month: 'Sep', series: 'Team', value: 0.2, small: false },
      { month: 'Oct', series: 'Team', value: 0.25, small: false },
      { month: 'Nov', series: 'Team', value: null, small: false },
      { month: 'Sep', series: 'Ann', value: 1, small: true },
      { month: 'Oct', series: 'Ann', value: 0.3, small: false },
    ],
    format: 'percent' as const,
    yTitle: 'Win rate',
  };
}

function trend(label = 'Win rate by month') {
  return trendChart(trendInput(label));
}

async function render(chart: Chart, where = EN) {
  const warnings: string[] = [];
  const svg = await renderChart(chart, where, (m) => warnings.push(m));
  return { svg, warnings };
}

describe('renderChart', () => {
  it('gives the root svg a role, a name and a title, its natural size, and hides the marks', async () => {
    const { svg, warnings } = await render(trend('Win rate <by> month & "rep"'));
    expect(warnings).toEqual([]);
    const root = /^<svg[^>]*>/.exec(svg)?.[0] ?? '';
    expect(root).toContain('role="graphics-document"');
    expect(root).toContain('aria-label="Win rate &lt;by&gt; month &amp; &quot;rep&quot;"');
    const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(root) ?? [];
    expect(root).toContain(`width="${width}" height="${height}"`);
    expect(svg).toContain('<title>Win rate &lt;by&gt; month &amp; &quot;rep&quot;</title><g aria-hidden="true"');
    expect(svg.endsWith('</g></svg>')).toBe(true);
  });

  it('draws small-number points hollow and the rest filled in the series colour', async () => {
    const { svg } = await render(trend());
    // Vega writes a transparent fill as no fill at all: the point shows the root group's fill="none".
    const points = svg.match(/<path [^>]*d="M3,0A3[^>]*>/g) ?? [];
    expect(points.filter((p) => p.includes('stroke="#2f7ed8"') && !p.includes('fill=')).length).toBe(1);
    expect(points.filter((p) => p.includes('fill="#2f7ed8" stroke="#2f7ed8"')).length).toBe(1);
  });

  it('formats axes for the locale and uses currentColor for text', async () => {
    const en = (await render(trend())).svg;
    const ru = (await render(trend(), RU)).svg;
    expect(en).toContain('>20%</text>');
    expect(ru).toContain('>20\u00a0%</text>');
    expect(en).toContain('fill="currentColor"');
    expect(en).not.toMatch(/fill="#000"/);
  });

  it('slims the output: no classes, no per-mark ARIA, one-decimal coordinates', async () => {
    const { svg } = await render(trend());
    expect(svg).not.toMatch(/ class="(?!chart-svg)/);
    expect(svg).not.toContain('aria-roledescription');
    expect(svg).not.toMatch(/\d\.\d{3,}/);
    expect(svg.length).toBeLessThan(8000);
  });

  it('renders bars, the quota chart and the flow chart without warnings', async () => {
    const bars = barsChart({
      label: 'Funnel',
      summary: '',
      format: 'count',
      xTitle: 'Deals',
      bars: [
        { category: 'Qualify', value: 10, colour: '#1c7ed6' },
        { category: 'Proposal', value: 3, colour: '#7048e8', small: true, alert: true, note: 'Leak' },
      ],
      rule: { value: 5, label: '5' },
    });
    const forecast = forecastChart({
      label: 'Forecast',
      summary: '',
      xTitle: 'Amount',
      rows: [{ name: 'Ann', quota: 100, closedWon: 40, low: 50, expected: 70, high: 90, note: 'likely $70 of $100' }, { name: 'Bob', quota: 0, closedWon: 0, low: 0, expected: 0, high: 0, note: 'no quota' }],
      names: { closedWon: 'Won', range: 'Range', quota: 'Quota' },
      colours: { closedWon: '#2b9348', range: '#2f7ed8' },
    });
    const multiples = multiplesChart({
      label: 'Win rate, each rep',
      summary: '',
      months,
      format: 'percent',
      panels: [{ name: 'Ann', colour: '#2f7ed8', points: [{ month: 'Sep', value: 0.2, small: true }, { month: 'Oct', value: 0.3, small: false }] }, { name: 'Bob', colour: '#d9480f', points: [] }],
      reference: { name: 'Team', colour: '#7d8590', points: [{ month: 'Sep', value: 0.25, small: false }] },
    });
    const flow = flowChart({
      label: 'Flow',
      summary: '',
      xTitle: 'Moves',
      stages: ['A', 'B'],
      forward: { B: 4 },
      backward: { A: 2 },
      names: { forward: 'Forward', backward: 'Back' },
      colours: { forward: '#2b9348', backward: '#e03131' },
    });
    for (const chart of [bars, forecast, flow, multiples]) {
      const { svg, warnings } = await render(chart);
      expect(warnings, chart.label).toEqual([]);
      expect(svg, chart.label).toContain(`aria-label="${chart.label}"`);
    }
    const { svg } = await render(bars);
    expect(svg).toContain('>Leak</text>');
    expect((await render(forecast)).svg).toContain('>likely $70 of $100</text>');
    expect((await render(multiples)).svg).toMatch(/>Ann<\/text>[\s\S]*>Bob<\/text>/);
    expect(svg).toMatch(/stroke="#e03131" stroke-width="4"/);
  });
});

describe('accessibleRoot', () => {
  it('refuses what is not an SVG document', () => {
    expect(() => accessibleRoot('<div></div>', 'x')).toThrow('not an SVG document');
  });
});

describe('chartRenderer', () => {
  it('draws a chart the same after another of its shape shared the compiled spec', async () => {
    const renderer = chartRenderer(EN);
    const other = trendChart({ ...trendInput(), points: [{ month: 'Oct', series: 'Ann', value: 0.9, small: false }] });
    const first = await renderer.render(other);
    const shared = await renderer.render(trend());
    expect(shared).toBe(await renderChart(trend(), EN));
    expect(first).not.toBe(shared);
    expect(first).toBe(await renderChart(other, EN));
  });
});
