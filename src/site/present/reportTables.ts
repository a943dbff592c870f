/**
 * The tables of a monthly report, from the KPI JSON it shows (frozen or
 * live): the team's every metric against the previous month, grouped by
 * section of the KPI JSON; the team's stage conversion; quota attainment by rep; and teams and
 * reps side by side. Every number is a metric cell, as on every other page.
 */
import { barsChart, type Bar } from '../../core/charts/bars.ts';
import { repColour } from '../../core/charts/palette.ts';
import type { CoreKpis } from '../../core/schema/kpiReport.ts';
import { METRICS, sectionLabelKey, type MetricRef } from '../../core/schema/metric.ts';
import type { ShownReport } from '../model.ts';
import type { Scopes } from '../scopes.ts';
import { fill } from '../text/dictionary.ts';
import { formatMonth, MISSING } from '../text/format.ts';
import { metricCell, metricLabel, type Cell, type KpiTrace, type Words } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { table, type Row, type Table } from './table.ts';

/** The scorecard's columns: what a manager compares across reps at a glance (fits an A4 page). */
export const SCORECARD: MetricRef[] = (
  ['activity.outreach', 'activity.firstMeetings', 'activity.nextStepRate', 'winRate.rate', 'pipeline.closedWon', 'pipeline.attainment', 'pipeline.coverage', 'pipeline.focus'] as const
).map((path) => ({ path }));

/** The team's numbers shown for each month on /reports/. */
export const LIST: MetricRef[] = (['winRate.rate', 'pipeline.closedWon', 'pipeline.attainment', 'pipeline.focus'] as const).map((path) => ({ path }));

/** The trace of a scope's cell in a shown report. */
export function traceIn(shown: ShownReport, scope: string): Omit<KpiTrace, 'name'> {
  return { scope, period: shown.month, frozen: shown.frozen !== null || undefined };
}

/** The team's every metric (those without a key), this month and the previous one, a row group per KPI. */
export function teamMetricsTable(shown: ShownReport, previous: ShownReport | null, w: Words): Table {
  const month = formatMonth(shown.month, w.locale);
  const before = previous ? formatMonth(previous.month, w.locale) : w.l.missing;
  const rows: Row[] = METRICS.filter((m) => !m.path.includes('*')).map(({ path }) => {
    const previousCell: Cell = previous ? metricCell(previous.report.team, { path }, traceIn(previous, 'team'), w) : { text: MISSING, raw: null };
    return {
      group: w.l[sectionLabelKey(path)],
      data: { metric: path },
      head: { text: metricLabel({ path }, w), raw: path },
      cells: [metricCell(shown.report.team, { path }, traceIn(shown, 'team'), w), { ...previousCell, class: 'previous' }],
    };
  });
  return table(
    {
      id: `report-${shown.month}-team`,
      caption: fill(w.l['report.teamCaption'], { month, previous: before }),
      columns: [{ label: w.l['report.col.metric'], csv: 'metric' }, { label: month, csv: shown.month }, { label: before, csv: previous?.month ?? 'previous' }],
      rows,
      style: 'metrics',
    },
    w,
  );
}

/** The numbers of a stage transition, as the stage table's columns. */
const STEP = ['from', 'to', 'reached', 'advanced', 'rate'] as const;

/** KPI 2's transitions of the whole team, the leak marked in words. */
export function teamStagesTable(shown: ShownReport, w: Words): Table {
  const { team } = shown.report;
  const at = traceIn(shown, 'team');
  const leak = team.stages.leak;
  const cell = (field: (typeof STEP)[number], key: number) => metricCell(team, { path: `stages.transitions.*.${field}`, key }, at, w);
  const rows: Row[] = team.stages.transitions.map((t, i) => {
    const isLeak = leak !== null && leak.from === t.from && leak.to === t.to;
    return { head: { text: t.from }, leak: isLeak, cells: [...STEP.slice(1).map((field) => cell(field, i)), { text: isLeak ? w.l['metric.stages.leak'] : '', raw: isLeak }] };
  });
  return table(
    {
      id: `report-${shown.month}-stages`,
      caption: fill(w.l['report.stagesCaption'], { month: formatMonth(shown.month, w.locale) }),
      columns: [...STEP.map((field) => ({ label: metricLabel({ path: `stages.transitions.*.${field}` }, w), csv: field })), { label: metricLabel({ path: 'stages.leak' }, w), csv: 'leak' }],
      rows,
      style: 'stages',
    },
    w,
  );
}

/** Whole team, each team, each rep of the report: the scorecard's metrics, names linked to their pages on the site. */
export function scorecardTable(shown: ShownReport, scopes: Scopes, w: Words): Table {
  const { report } = shown;
  const hrefOf = (kind: 'group' | 'rep', name: string) => (kind === 'rep' ? scopes.reps : scopes.groups).find((s) => s.name === name)?.href ?? undefined;
  const row = (who: string, key: string, kpis: CoreKpis, href: string | undefined, team: boolean): Row => ({
    head: { text: who, href },
    class: team ? 'scope' : undefined,
    cells: SCORECARD.map((ref) => metricCell(kpis, ref, traceIn(shown, key), w)),
  });
  return table(
    {
      id: `report-${shown.month}-scorecard`,
      caption: fill(w.l['report.scorecardCaption'], { month: formatMonth(shown.month, w.locale) }),
      columns: [{ label: w.l['scope.column'], csv: 'name' }, ...SCORECARD.map((ref) => ({ label: metricLabel(ref, w), csv: ref.path }))],
      rows: [
        row(w.l['scope.team'], 'team', report.team, scopes.team.href, true),
        ...Object.entries(report.teams).map(([name, kpis]) => row(fill(w.l['scope.teamNamed'], { name }), `team:${name}`, kpis, hrefOf('group', name), true)),
        ...Object.entries(report.reps).map(([name, kpis]) => row(name, `rep:${name}`, kpis, hrefOf('rep', name), false)),
      ],
      style: 'scorecard',
    },
    w,
  );
}

/** Attainment by rep for the report shown, against the 100 % line; reps without a quota show "no quota" instead of a bar. */
export function attainmentChart(shown: ShownReport, scopes: Scopes, w: Words): ChartView {
  const { l, f } = w;
  const { report } = shown;
  const month = formatMonth(report.period, w.locale);
  // Colours follow the site's palette: a rep's place among the reps of the report.
  const reps = Object.entries(report.reps);
  const shownValue = (value: number | null) => (value === null ? l['report.noQuota'] : f.rate(value));
  const bars: Bar[] = reps.map(([name, kpis], i) => ({ category: name, value: kpis.pipeline.attainment, colour: repColour(i), note: shownValue(kpis.pipeline.attainment) }));
  const ranked = reps.filter(([, k]) => k.pipeline.attainment !== null).sort((a, b) => (b[1].pipeline.attainment as number) - (a[1].pipeline.attainment as number));
  const [high, low] = [ranked[0], ranked[ranked.length - 1]];
  const summary = ranked.length
    ? fill(l['report.attainmentSummary'], { team: shownValue(report.team.pipeline.attainment), high: high[0], highValue: shownValue(high[1].pipeline.attainment), low: low[0], lowValue: shownValue(low[1].pipeline.attainment) })
    : l['chart.noData'];
  const label = fill(l['report.attainmentChart'], { month });
  const refs: MetricRef[] = [{ path: 'pipeline.attainment' }, { path: 'pipeline.closedWon' }, { path: 'pipeline.quota' }];
  const rows: Row[] = reps.map(([name, kpis], i) => ({
    head: { text: name, swatch: repColour(i), href: scopes.reps.find((s) => s.name === name)?.href ?? undefined },
    cells: refs.map((ref) => metricCell(kpis, ref, traceIn(shown, `rep:${name}`), w)),
  }));
  return {
    chart: barsChart({ label, summary, bars, format: 'percent', xTitle: metricLabel(refs[0], w), rule: { value: 1, label: metricLabel(refs[2], w) } }),
    table: table({ id: `report-${report.period}-attainment`, caption: label, columns: [l['scope.column'], ...refs.map((ref) => metricLabel(ref, w))], rows }, w),
  };
}
