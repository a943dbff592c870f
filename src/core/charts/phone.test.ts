/**
 * The phone layouts (Chart.phone) of the charts the cockpit's pages draw
 * twice: rendered with names and numbers as long as the sample's, each fits
 * a 390 px screen's 358 px column with its text at 12 px or more (the wide
 * layout's would be about 5 px there), and keeps what the wide one says
 * without colour (the leak's mark).
 */
import { describe, expect, it } from 'vitest';
import { barsChart } from './bars.ts';
import { forecastChart } from './forecastChart.ts';
import { renderChart } from './render.ts';
import { PHONE_TEXT, TEXT } from './theme.ts';
import { trendChart } from './trend.ts';
import type { Chart } from './types.ts';

const EN = { locale: 'en-US', currency: 'USD' };
const COLUMN = 358;
const MONTHS = ['Dec 25', 'Jan 26', 'Feb 26', 'Mar 26', 'Apr 26', 'May 26', 'Jun 26', 'Jul 26', 'Aug 26', 'Sep 26', 'Oct 26', 'Nov 26'];

/** The text's size in CSS px when the SVG `svg` is drawn `COLUMN` px wide. */
function textPx(svg: string, size: number): number {
  const width = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)?.[1]);
  return (size * COLUMN) / width;
}

async function both(chart: Chart): Promise<{ wide: string; phone: string }> {
  expect(chart.phone, 'a phone layout').toBeDefined();
  return { wide: await renderChart(chart, EN), phone: await renderChart({ ...chart, spec: chart.phone! }, EN) };
}

describe('phone layouts', () => {
  it('a trend of a team against the whole team reads at 12 px or more on a phone, at about 5 px wide', async () => {
    const chart = trendChart({
      label: 'Attainment by month', summary: '', months: MONTHS, format: 'percent', yTitle: 'Attainment',
      series: [{ name: 'Whole team', colour: '#7d8590', dashed: true }, { name: 'Team Enterprise', colour: '#2f7ed8' }],
      points: MONTHS.flatMap((month, i) => [
        { month, series: 'Whole team', value: 0.6 + i / 20, small: false },
        { month, series: 'Team Enterprise', value: 1.45 - i / 30, small: false },
      ]),
    });
    const { wide, phone } = await both(chart);
    expect(textPx(wide, TEXT)).toBeLessThan(6);
    expect(textPx(phone, PHONE_TEXT)).toBeGreaterThanOrEqual(12);
    expect(phone).toContain('Team Enterprise');
  });

  it('a forecast of four reps reads at 12 px or more on a phone, its notes left to the table', async () => {
    const rows = ['James O\'Brien', 'Maria Chen', 'Priya Patel', 'Tom Becker'].map((name, i) => ({
      name, closedWon: 120_000 * (i + 1), low: 130_000 * (i + 1), expected: 150_000 * (i + 1), high: 190_000 * (i + 1), quota: 200_000 * (i + 1), note: `likely $${150 * (i + 1)}k of $${200 * (i + 1)}k`,
    }));
    const chart = forecastChart({
      label: 'Forecast', summary: '', rows, xTitle: 'Amount', colours: { closedWon: '#2da44e', range: '#2f7ed8' },
      names: { closedWon: 'Closed won', range: 'Likely result', quota: 'Quota' },
    });
    const { wide, phone } = await both(chart);
    expect(wide).toContain('likely $150k of $200k');
    expect(phone).not.toContain('likely $150k');
    expect(textPx(phone, PHONE_TEXT)).toBeGreaterThanOrEqual(12);
  });

  it('a funnel reads at 12 px or more on a phone, its leak marked with an arrow as well as its colour', async () => {
    const stages = ['Qualify', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won'];
    const chart = barsChart({
      label: 'Funnel', summary: '', format: 'count', xTitle: 'Deals that reached the stage', noteWidth: 170,
      bars: stages.map((category, i) => ({ category, value: 260 - i * 50, colour: '#2f7ed8', alert: i === 0, note: i === 0 ? '◀ leak: 68.7 % on to Discovery' : '73.0 % move on' })),
    });
    const { wide, phone } = await both(chart);
    expect(wide).toContain('73.0 % move on');
    expect(phone).not.toContain('move on');
    expect(phone.match(/◀/g)).toHaveLength(1);
    expect(textPx(phone, PHONE_TEXT)).toBeGreaterThanOrEqual(12);
  });

  it("a trend of funnel steps, whose names are long, reads at 12 px or more on a phone, the names cut", async () => {
    const steps = ['Qualify → Discovery', 'Discovery → Proposal', 'Proposal → Negotiation', 'Negotiation → Closed Won'];
    const chart = trendChart({
      label: 'Conversion of each step', summary: '', months: MONTHS, format: 'percent', yTitle: 'Conversion',
      series: steps.map((name, i) => ({ name, colour: ['#2f7ed8', '#7c3aed', '#b83fc7', '#d6336c'][i] })),
      points: MONTHS.flatMap((month, m) => steps.map((series, i) => ({ month, series, value: 0.5 + i / 10 - m / 100, small: false }))),
    });
    const { wide, phone } = await both(chart);
    expect(wide).toContain('Negotiation → Closed Won');
    expect(phone).not.toContain('Negotiation → Closed Won');
    expect(textPx(phone, PHONE_TEXT)).toBeGreaterThanOrEqual(12);
  });

  it('a bar chart with a threshold reads at 12 px or more on a phone, the threshold named in its title only', async () => {
    const chart = barsChart({
      label: 'Coverage; dashed line: threshold 3×', summary: '', format: 'decimal', xTitle: 'Coverage', noteWidth: 170,
      rule: { value: 3, label: 'Coverage threshold 3×' },
      bars: ['Whole team', 'Team Mid-Market', 'Dana Kowalski', 'James O\'Brien'].map((category, i) => ({ category, value: 0.5 + i, colour: '#2f7ed8' })),
    });
    const { wide, phone } = await both(chart);
    expect(wide).toContain('Coverage threshold 3×');
    expect(phone).not.toContain('Coverage threshold 3×');
    expect(phone).toContain('stroke-dasharray');
    expect(textPx(phone, PHONE_TEXT)).toBeGreaterThanOrEqual(12);
  });
});
