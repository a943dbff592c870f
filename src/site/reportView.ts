/**
 * The tables of a monthly report, from the KPI JSON it shows (frozen or
 * live): the team's metrics against the previous month, the stage
 * conversion, and a scorecard of teams and reps. Each table comes as text
 * for the page and as raw numbers for its CSV download. No KPI is computed
 * here: values are read by name from the JSON and formatted.
 */
import type { CsvTable } from '../core/export/csv.ts';
import { formattersFor } from '../core/format.ts';
import { fill, labels } from '../core/i18n.ts';
import type { CoreKpis, KpiReport } from '../core/kpi/report.ts';
import { METRICS, metricValue, type MetricName } from '../core/report/metric.ts';
import { slugsFor } from '../core/slug.ts';
import { formatMetric, metricLabel } from './metricText.ts';
import { attainmentChart } from './reportChart.ts';
import { csvOf } from './views/csv.ts';
import { getReports, type SiteReports } from './reports.ts';
import type { SiteData } from './siteData.ts';

const KPI_GROUPS = [
  ['activity', 'kpi.activity.short'],
  ['stages', 'kpi.stages.short'],
  ['winRate', 'kpi.winRate.short'],
  ['pipeline', 'kpi.pipeline.short'],
  ['lagging', 'kpi.lagging.name'],
] as const;

/** The scorecard's columns: what a manager compares across reps at a glance (fits an A4 page). */
export const SCORECARD_METRICS: MetricName[] = [
  'activity.outreach', 'activity.firstMeetings', 'activity.nextStepRate', 'winRate.rate',
  'pipeline.closedWon', 'pipeline.attainment', 'pipeline.coverage', 'pipeline.focus',
];

/** The team's numbers shown for each month on /reports/. */
export const LIST_METRICS: MetricName[] = ['winRate.rate', 'pipeline.closedWon', 'pipeline.attainment', 'pipeline.focus'];

export interface MetricRow { name: MetricName; label: string; value: string; previous: string }
export interface MetricGroup { title: string; rows: MetricRow[] }
export interface ScoreRow { who: string; href: string | null; team: boolean; cells: string[] }

/** CSV value of a metric: the raw number, the focus code, or the leak as "from → to". */
function rawValue(kpis: CoreKpis | undefined, name: MetricName): string | number | null {
  if (!kpis) return null;
  const m = metricValue(kpis, name);
  if (m.kind === 'leak') return m.value ? `${m.value.from} → ${m.value.to}` : null;
  return m.value;
}

const names = Object.keys(METRICS) as MetricName[];

/** The team's metrics by KPI, with the previous month's (null when there is none: shown as "—"). */
export function teamMetricGroups(report: KpiReport<CoreKpis>, previous: KpiReport<CoreKpis> | null, locale: string): MetricGroup[] {
  const dict = labels(locale);
  const f = formattersFor(locale, report.currency);
  const text = (kpis: CoreKpis | undefined, name: MetricName) => (kpis ? formatMetric(metricValue(kpis, name), f, dict) : dict.missing);
  return KPI_GROUPS.map(([prefix, title]) => ({
    title: dict[title],
    rows: names
      .filter((n) => n.startsWith(`${prefix}.`))
      .map((name) => ({ name, label: metricLabel(name, dict), value: text(report.team, name), previous: text(previous?.team, name) })),
  }));
}

/** Whole team, each team, each rep: one row each, the scorecard's metrics as text, linked to their pages. */
export function scorecardRows(report: KpiReport<CoreKpis>, locale: string, base = '/'): ScoreRow[] {
  const dict = labels(locale);
  const f = formattersFor(locale, report.currency);
  const cells = (kpis: CoreKpis) => SCORECARD_METRICS.map((name) => formatMetric(metricValue(kpis, name), f, dict));
  const teamSlugs = slugsFor(Object.keys(report.teams), 'team');
  const repSlugs = slugsFor(Object.keys(report.reps), 'rep');
  return [
    { who: dict['scope.team'], href: base, team: true, cells: cells(report.team) },
    ...Object.entries(report.teams).map(([name, kpis]) => ({
      who: fill(dict['scope.teamNamed'], { name }), href: `${base}teams/${teamSlugs.get(name)}/`, team: true, cells: cells(kpis),
    })),
    ...Object.entries(report.reps).map(([name, kpis]) => ({ who: name, href: `${base}reps/${repSlugs.get(name)}/`, team: false, cells: cells(kpis) })),
  ];
}

/** The scorecard's column headers in the site's language. */
export function scorecardColumns(locale: string): string[] {
  const dict = labels(locale);
  return [dict['scope.column'], ...SCORECARD_METRICS.map((name) => metricLabel(name, dict))];
}

/** CSV: the team's every metric, this month and the previous one, raw. */
export function teamCsv(report: KpiReport<CoreKpis>, previous: KpiReport<CoreKpis> | null): CsvTable {
  return {
    filename: `report-${report.period}-team.csv`,
    columns: ['metric', report.period, previous?.period ?? 'previous'],
    rows: names.map((name) => [name, rawValue(report.team, name), rawValue(previous?.team, name)]),
  };
}

/** CSV: KPI 2's transitions of the whole team. */
export function stagesCsv(report: KpiReport<CoreKpis>): CsvTable {
  return {
    filename: `report-${report.period}-stages.csv`,
    columns: ['from', 'to', 'reached', 'advanced', 'rate', 'leak'],
    rows: report.team.stages.transitions.map((t) => {
      const leak = report.team.stages.leak;
      return [t.from, t.to, t.reached, t.advanced, t.rate, leak !== null && leak.from === t.from && leak.to === t.to];
    }),
  };
}

/** CSV: every metric (raw) for the whole team, each team and each rep. */
export function scorecardCsv(report: KpiReport<CoreKpis>): CsvTable {
  const row = (scope: string, name: string, kpis: CoreKpis) => [scope, name, ...names.map((n) => rawValue(kpis, n))];
  return {
    filename: `report-${report.period}-scorecard.csv`,
    columns: ['scope', 'name', ...names],
    rows: [
      row('all', '', report.team),
      ...Object.entries(report.teams).map(([name, kpis]) => row('team', name, kpis)),
      ...Object.entries(report.reps).map(([name, kpis]) => row('rep', name, kpis)),
    ],
  };
}

/** The CSV tables of one report month, given the report shown and the previous month's. */
export function reportTables(report: KpiReport<CoreKpis>, previous: KpiReport<CoreKpis> | null): { team: CsvTable; stages: CsvTable; scorecard: CsvTable } {
  return { team: teamCsv(report, previous), stages: stagesCsv(report), scorecard: scorecardCsv(report) };
}

/** CSV: the list of /reports/, each month's status and the team's LIST_METRICS, raw. */
export function reportListCsv(reports: SiteReports): CsvTable {
  return {
    filename: 'reports.csv',
    columns: ['month', 'status', 'complete', 'as_of', ...LIST_METRICS],
    rows: reports.months.map((m) => {
      const shown = reports.show(m.id);
      return [m.id, m.frozen ? 'frozen' : 'live', shown.complete, shown.report.asOf, ...LIST_METRICS.map((n) => rawValue(shown.report.team, n))];
    }),
  };
}

/** CSV source (see csvTables.ts): the list of months and the tables of every report month. */
export async function reportCsvTables(site: SiteData): Promise<CsvTable[]> {
  const reports = await getReports();
  return [
    reportListCsv(reports),
    ...reports.months.flatMap(({ id }) => {
      const { report } = reports.show(id);
      // The chart's table links its own CSV (DataTable), named by its id.
      return [...Object.values(reportTables(report, previousReport(reports, id))), csvOf(attainmentChart(report, site.config.locale).table)];
    }),
  ];
}

/** The report of the month before `month`, when that month has one. */
export function previousReport(reports: SiteReports, month: string): KpiReport<CoreKpis> | null {
  const ids = reports.months.map((m) => m.id);
  const before = ids.filter((id) => id < month).sort().pop();
  return before ? reports.show(before).report : null;
}
