/**
 * The one chart of a group's page: per rep, closed won, the forecast's
 * likely result on its 10–90 % range, and the quota, with the table behind
 * it (every number a KPI cell of the period).
 */
import { forecastChart, type ForecastRow } from '../../core/charts/forecastChart.ts';
import { REP_COLOURS, WON_COLOUR } from '../../core/charts/palette.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import { fill } from '../text/dictionary.ts';
import type { PeriodView } from '../timeline.ts';
import { metricCell, metricLabel } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { scopeMetricCell } from './dealLinks.ts';
import { scopeHead } from './scopeTable.ts';
import { table } from './table.ts';

const COLUMNS: MetricRef[] = [
  { path: 'pipeline.closedWon' },
  { path: 'outlook.forecast.low' },
  { path: 'outlook.forecast.expected' },
  { path: 'outlook.forecast.high' },
  { path: 'pipeline.quota' },
];

/** Closed won, forecast range and quota of each of `scopes` in the period of `view`; `id` names its table, `label` the chart. */
export function forecastView(site: SiteModel, scopes: readonly Scope[], view: PeriodView, id: string, label: string): ChartView {
  const w = site.words;
  const { l, f } = w;
  const period = view.period;
  const present = scopes.flatMap((scope) => {
    const kpis = site.kpis(scope, period);
    return kpis ? [{ scope, kpis }] : [];
  });
  const rows: ForecastRow[] = present.map(({ scope, kpis }) => {
    const { closedWon, quota } = kpis.pipeline;
    const { low, expected, high } = kpis.outlook.forecast;
    const note = quota > 0 ? fill(l['forecast.note'], { expected: f.money(expected), quota: f.money(quota) }) : fill(l['forecast.noteNoQuota'], { expected: f.money(expected) });
    return { name: scope.label, closedWon, low, expected, high, quota, note };
  });
  const behind = present.filter(({ kpis }) => kpis.pipeline.quota > 0 && kpis.outlook.forecast.high < kpis.pipeline.quota).map(({ scope }) => scope.label);
  const summary = fill(l['forecast.summary'], { behind: behind.length ? behind.join(', ') : l['forecast.nobody'] });
  const tableRows = present.map(({ scope, kpis }) => ({
    head: scopeHead(scope, site.urls.page('scope', scope, period)),
    cells: COLUMNS.map((ref) => scopeMetricCell(site, scope, period, ref, kpis)),
  }));
  return {
    chart: forecastChart({
      label,
      summary,
      rows,
      xTitle: l['pipeline.amountAxis'],
      colours: { closedWon: WON_COLOUR, range: REP_COLOURS[0] },
      names: { closedWon: metricLabel(COLUMNS[0], w), range: l['forecast.range'], quota: metricLabel(COLUMNS[4], w) },
    }),
    table: table({ id, caption: label, columns: [l['scope.column'], ...COLUMNS.map((ref) => metricLabel(ref, w))], rows: tableRows }, w),
  };
}
