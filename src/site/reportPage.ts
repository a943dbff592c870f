/**
 * Everything the report pages show, as text: /reports/ (the list of months)
 * and /reports/YYYY-MM/ (one month, frozen or live). The pages only lay it out.
 */
import type { CsvTable } from '../core/export/csv.ts';
import { formatDate, formatMonth, formattersFor } from '../core/format.ts';
import { fill, labels } from '../core/i18n.ts';
import { reportText } from '../core/i18n/reports.ts';
import type { CoreKpis, KpiReport } from '../core/kpi/report.ts';
import { metricValue } from '../core/report/metric.ts';
import { neighbours } from '../core/report/months.ts';
import { slugsFor } from '../core/slug.ts';
import { formatMetric, metricLabel } from './metricText.ts';
import { attainmentChart } from './reportChart.ts';
import type { ChartView } from './views/trends.ts';
import { stageRows, type StageRow } from './kpiView.ts';
import { LIST_METRICS, previousReport, reportTables, scorecardColumns, scorecardRows, teamMetricGroups, type MetricGroup, type ScoreRow } from './reportView.ts';
import type { SiteReports } from './reports.ts';

const snapshotCommand = (month: string) => `npm run snapshot -- --period ${month}`;

/** "As of <date> · data exported <date>" in the site's language; without the export part when `exported` is null. */
export function stampLine(asOf: string, exported: string | null, locale: string): string {
  const dict = labels(locale);
  const parts = [fill(dict['stamp.asOf'], { date: formatDate(asOf, locale) })];
  if (exported !== null) parts.push(fill(dict['stamp.exported'], { date: formatDate(exported, locale) }));
  return `${parts.join(' · ')}.`;
}

export interface ReportListRow {
  month: string;
  title: string;
  href: string;
  frozen: boolean;
  status: string;
  asOf: string;
  notes: string[];
  /** The team's LIST_METRICS as text. */
  cells: string[];
}

/** The column headers of /reports/: month, report, as-of, then LIST_METRICS. */
export function reportListColumns(locale: string): string[] {
  const text = reportText(locale);
  const dict = labels(locale);
  return [text['reports.col.month'], text['reports.col.status'], text['reports.col.asOf'], ...LIST_METRICS.map((name) => metricLabel(name, dict))];
}

/** The rows of /reports/: every month, newest first, frozen or live. `narratives` = months with an MDX narrative. */
export function reportListRows(reports: SiteReports, narratives: ReadonlySet<string>, base = '/'): ReportListRow[] {
  const { locale } = reports.site.config;
  const text = reportText(locale);
  const dict = labels(locale);
  return reports.months.map((m) => {
    const shown = reports.show(m.id);
    const f = formattersFor(locale, shown.report.currency);
    const notes = [];
    if (!shown.complete) notes.push(text['reports.inProgress']);
    if (narratives.has(m.id)) notes.push(text['reports.withNarrative']);
    return {
      month: m.id,
      title: formatMonth(m.id, locale),
      href: `${base}reports/${m.id}/`,
      frozen: m.frozen,
      status: m.frozen ? text['reports.frozen'] : text['reports.live'],
      asOf: formatDate(shown.report.asOf, locale),
      notes,
      cells: LIST_METRICS.map((name) => formatMetric(metricValue(shown.report.team, name), f, dict)),
    };
  });
}

export interface ReportPage {
  report: KpiReport<CoreKpis>;
  locale: string;
  title: string;
  frozen: boolean;
  /** The frozen/live sentence, and the in-progress one when the month is not over. */
  status: string[];
  /** As-of date (ISO, for <time>) and the stamp line: as-of and, for a live report, the data's export date. */
  asOf: string;
  stamp: string;
  groups: MetricGroup[];
  columns: { metric: string; month: string; previous: string };
  teamCaption: string;
  stageCaption: string;
  stages: StageRow[];
  /** Quota attainment by rep, from the report shown. */
  chart: ChartView;
  scorecardColumns: string[];
  scorecard: ScoreRow[];
  tables: { team: CsvTable; stages: CsvTable; scorecard: CsvTable };
  links: { previous: { href: string; text: string } | null; next: { href: string; text: string } | null; all: { href: string; text: string }; json: { href: string; text: string } };
}

/** The page of one report month; `exported` is the data's newest export date (`YYYY-MM-DD`) or null. */
export function reportPage(reports: SiteReports, month: string, exported: string | null, base = '/'): ReportPage {
  const { locale } = reports.site.config;
  const text = reportText(locale);
  const dict = labels(locale);
  const shown = reports.show(month);
  const { report } = shown;
  const previous = previousReport(reports, month);
  const monthTitle = formatMonth(month, locale);
  const previousTitle = previous ? formatMonth(previous.period, locale) : dict.missing;
  const asOf = formatDate(report.asOf, locale);
  const status = shown.frozen
    ? [fill(text['report.frozen'], { date: asOf, file: shown.frozen.file }), text[`report.spec.${shown.spec}`]]
    : [fill(text['report.live'], { date: asOf, command: snapshotCommand(month) })];
  if (!shown.complete) status.push(text['report.inProgress']);
  const around = neighbours(reports.months, month);
  const repSlugs = slugsFor(Object.keys(report.reps), 'rep');
  const link = (id: string | null, key: 'report.previous' | 'report.next') =>
    id === null ? null : { href: `${base}reports/${id}/`, text: fill(text[key], { month: formatMonth(id, locale) }) };
  return {
    report,
    locale,
    title: fill(text['report.title'], { month: monthTitle }),
    frozen: shown.frozen !== null,
    status,
    asOf: report.asOf,
    stamp: stampLine(report.asOf, shown.frozen ? null : exported, locale),
    groups: teamMetricGroups(report, previous, locale),
    columns: { metric: text['report.col.metric'], month: monthTitle, previous: previousTitle },
    teamCaption: fill(text['report.teamCaption'], { month: monthTitle, previous: previousTitle }),
    stageCaption: fill(text['report.stagesCaption'], { month: monthTitle }),
    stages: stageRows(report.team, formattersFor(locale, report.currency)),
    chart: attainmentChart(report, locale, (rep) => `${base}reps/${repSlugs.get(rep)}/`),
    scorecardColumns: scorecardColumns(locale),
    scorecard: scorecardRows(report, locale, base),
    tables: reportTables(report, previous),
    links: {
      previous: link(around.previous, 'report.previous'),
      next: link(around.next, 'report.next'),
      all: { href: `${base}reports/`, text: text['report.all'] },
      json: { href: `${base}api/kpis/${month}.json`, text: fill(text['report.json'], { month: monthTitle }) },
    },
  };
}
