/**
 * The chart of a monthly report: each rep's quota attainment against the
 * 100 % line, drawn from the report being shown (so a frozen month's chart
 * is frozen too), with the table behind it. Colours follow the site's
 * per-rep palette (a rep's place among the reps, as on every other page).
 */
import { barsChart, type Bar } from '../core/charts/bars.ts';
import { repColour } from '../core/charts/palette.ts';
import { formatMonth, formattersFor } from '../core/format.ts';
import { fill, labels } from '../core/i18n.ts';
import { reportText } from '../core/i18n/reports.ts';
import type { CoreKpis, KpiReport } from '../core/kpi/report.ts';
import type { Table } from './cells.ts';
import type { ChartView } from './views/trends.ts';

/** Attainment by rep for one report; reps without a quota show "no quota" instead of a bar. */
export function attainmentChart(report: KpiReport<CoreKpis>, locale: string, repHref: (rep: string) => string | null = () => null): ChartView {
  const dict = labels(locale);
  const text = reportText(locale);
  const f = formattersFor(locale, report.currency);
  const month = formatMonth(report.period, locale);
  const reps = Object.entries(report.reps);
  const shown = (value: number | null) => (value === null ? text['report.noQuota'] : f.percent(value));
  const bars: Bar[] = reps.map(([name, kpis], i) => ({
    category: name,
    value: kpis.pipeline.attainment,
    colour: repColour(i),
    note: shown(kpis.pipeline.attainment),
  }));
  const ranked = reps.filter(([, k]) => k.pipeline.attainment !== null).sort((a, b) => (b[1].pipeline.attainment as number) - (a[1].pipeline.attainment as number));
  const summary = ranked.length
    ? fill(text['report.attainmentSummary'], {
        team: shown(report.team.pipeline.attainment),
        high: ranked[0][0],
        highValue: shown(ranked[0][1].pipeline.attainment),
        low: ranked[ranked.length - 1][0],
        lowValue: shown(ranked[ranked.length - 1][1].pipeline.attainment),
      })
    : dict['chart.noData'];
  const label = fill(text['report.attainmentChart'], { month });
  const chart = barsChart({
    label,
    summary,
    bars,
    format: 'percent',
    xTitle: dict['f.pipeline.attainment'],
    rule: { value: 1, label: dict['f.pipeline.quota'] },
  });
  const table: Table = {
    id: `report-${report.period}-attainment`,
    caption: label,
    columns: [dict['scope.column'], dict['f.pipeline.attainment'], dict['f.pipeline.closedWon'], dict['f.pipeline.quota']],
    rows: reps.map(([name, kpis], i) => ({
      head: { text: name, swatch: repColour(i), href: repHref(name) ?? undefined },
      cells: [
        { text: shown(kpis.pipeline.attainment), raw: kpis.pipeline.attainment },
        { text: f.money(kpis.pipeline.closedWon), raw: kpis.pipeline.closedWon },
        { text: f.money(kpis.pipeline.quota), raw: kpis.pipeline.quota },
      ],
    })),
  };
  return { chart, table };
}
