/**
 * The monthly report pages: /reports/ (every month, frozen or live) and
 * /reports/YYYY-MM/ (one month, from its snapshot when frozen, else live).
 * A report's numbers are formatted in the report's own currency.
 */
import { neighbours } from '../../core/report/months.ts';
import type { ShownReport, SiteModel } from '../model.ts';
import { fill } from '../text/dictionary.ts';
import { formatDate, formatMonth, formattersFor } from '../text/format.ts';
import { metricCell, metricLabel, type Words } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { parsePeriod, type Period } from '../../core/kpi/periods.ts';
import { frameOf, stampOf, type Frame } from './frame.ts';
import { siteTitle, withAsOf } from './pageHead.ts';
import { attainmentChart, LIST, scorecardTable, teamMetricsTable, teamStagesTable, traceIn } from './reportTables.ts';
import { table, type Table } from './table.ts';

export interface Link {
  href: string;
  text: string;
}

export interface ReportPage {
  frame: Frame;
  month: string;
  title: string;
  frozen: boolean;
  /**
   * The frozen/live sentence (a frozen one with the spec rule it was computed under), and the in-progress one when the month is not over;
   * `print` in place of `screen` on paper, where the command that freezes a live month means nothing to its reader.
   */
  status: { screen: string[]; print: string[] };
  team: Table;
  stages: Table;
  /** Quota attainment by rep, from the report shown. */
  chart: ChartView;
  scorecard: Table;
  /** The report and its words, for the narrative's <Kpi> (src/components/Kpi.astro). */
  narrative: { shown: ShownReport; words: Words };
  links: { previous: Link | null; next: Link | null; all: Link; json: Link };
}

/** The words of a report: the site's, with money in the report's currency. */
function reportWords(site: SiteModel, shown: ShownReport): Words {
  return { ...site.words, f: formattersFor(site.words.locale, shown.report.currency) };
}

/** A report's frame: its numbers' as-of date, and charts with money in the report's currency. */
function reportFrame(site: SiteModel, shown: ShownReport, w: Words): Frame {
  const where = { locale: w.locale, currency: shown.report.currency };
  const title = fill(w.l['report.title'], { month: formatMonth(shown.month, w.locale) });
  const frame = frameOf(site, withAsOf(site, title, parsePeriod(shown.month) as Period, shown.report.asOf), stampOf(shown.report.asOf, shown.frozen ? false : site.exported, w));
  return { ...frame, where, svg: (chart) => site.svg(chart, where), phoneSvg: (chart) => site.phoneSvg(chart, where) };
}

export function reportPage(site: SiteModel, month: string): ReportPage {
  const shown = site.shown(month);
  const w = reportWords(site, shown);
  const { l, locale, urls } = w;
  const asOf = formatDate(shown.report.asOf, locale);
  const frozen = shown.frozen ? [fill(l['report.frozen'], { date: asOf, file: shown.frozen.file }), l[`report.spec.${shown.spec}`]] : null;
  const running = shown.complete ? [] : [l['report.inProgress']];
  const status = {
    screen: [...(frozen ?? [fill(l['report.live'], { date: asOf, command: `npm run snapshot -- --period ${month}` })]), ...running],
    print: [...(frozen ?? [fill(l['report.livePrint'], { date: asOf })]), ...running],
  };
  const around = neighbours(site.months, month);
  const link = (id: string | null, key: 'report.previous' | 'report.next') => (id === null ? null : { href: urls.report(id), text: fill(l[key], { month: formatMonth(id, locale) }) });
  const title = fill(l['report.title'], { month: formatMonth(month, locale) });
  return {
    frame: reportFrame(site, shown, w),
    month,
    title,
    frozen: shown.frozen !== null,
    status,
    team: teamMetricsTable(shown, site.previous(month), w),
    stages: teamStagesTable(shown, w),
    chart: attainmentChart(shown, site.scopes, w),
    scorecard: scorecardTable(shown, site.scopes, w),
    narrative: { shown, words: w },
    links: {
      previous: link(around.previous, 'report.previous'),
      next: link(around.next, 'report.next'),
      all: { href: urls.reports, text: l['report.all'] },
      json: { href: urls.kpiJson(month), text: fill(l['report.json'], { month: formatMonth(month, locale) }) },
    },
  };
}

export interface ReportListPage {
  frame: Frame;
  months: Table;
  /** "To freeze a month:" and the command. */
  freeze: { text: string; command: string };
}

/** /reports/: every month, newest first, with its status and the team's headline numbers; `narratives` = months with an MDX narrative. */
export function reportListPage(site: SiteModel, narratives: ReadonlySet<string>): ReportListPage {
  const w = site.words;
  const { l, locale, urls } = w;
  const rows = site.months.map((m) => {
    const shown = site.shown(m.id);
    const notes = [...(shown.complete ? [] : [l['reports.inProgress']]), ...(narratives.has(m.id) ? [l['reports.withNarrative']] : [])];
    const mw = reportWords(site, shown);
    return {
      data: { month: m.id },
      head: { text: formatMonth(m.id, locale), href: urls.report(m.id), raw: m.id },
      cells: [
        { text: l[m.frozen ? 'reports.frozen' : 'reports.live'], note: notes.join(', ') || undefined, class: `status ${m.frozen ? 'frozen' : 'live'}`, raw: m.frozen ? 'frozen' : 'live' },
        { text: formatDate(shown.report.asOf, locale), class: 'date', raw: shown.report.asOf },
        ...LIST.map((ref) => metricCell(shown.report.team, ref, traceIn(shown, 'team'), mw)),
      ],
    };
  });
  const columns = [
    { label: l['reports.col.month'], csv: 'month' },
    { label: l['reports.col.status'], csv: 'status' },
    { label: l['reports.col.asOf'], csv: 'as_of' },
    ...LIST.map((ref) => ({ label: metricLabel(ref, w), csv: ref.path })),
  ];
  return {
    frame: frameOf(site, siteTitle(site, l['reports.title'])),
    months: table({ id: 'reports', caption: l['reports.caption'], columns, rows, style: 'report-list' }, w),
    freeze: { text: l['reports.freezeHow'].split('{command}')[0], command: 'npm run snapshot -- --period YYYY-MM' },
  };
}
