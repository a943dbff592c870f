/**
 * The /data/ page: who may read the site, the as-of date (and the record
 * it comes from) and the span of the data, the config, the warnings in the
 * site's language (the import's own first), the files with their rows, date
 * ranges and export dates, and the import report of every file read through
 * a preset or a mapping or with something to report.
 */
import type { AccessNotice } from '../../core/access/notice.ts';
import { dayToIso, isoToDay } from '../../core/ingest/values.ts';
import { happenedSpan } from '../../core/kpi/facts.ts';
import { periodsBetween } from '../../core/kpi/periods.ts';
import { dataWarnings, fileQuality, type DataWarning, type FileQuality } from '../../core/quality/dataQuality.ts';
import type { SiteModel } from '../model.ts';
import { fill } from '../text/dictionary.ts';
import { formatDate } from '../text/format.ts';
import type { Cell, Words } from './cell.ts';
import { frameOf, type Frame } from './frame.ts';
import { siteTitle } from './pageHead.ts';
import { importReportLines } from './importReportLines.ts';
import { asOfSentence, importWarningLines } from './importWarningLines.ts';
import { table, type Table } from './table.ts';

export interface DataPage {
  frame: Frame;
  /** Who may read the site (issue 15): the mode as set ('' unset), how loudly to say it, in words. */
  access: { mode: string; level: AccessNotice['level']; title: string; text: string };
  /** The sentences above the warnings: as-of and where it comes from, span (when the data has dates), config. */
  facts: string[];
  /** Worded warnings: the import's own (closed deals after the export, deals without an amount), then the data's, most consequential first. */
  warnings: string[];
  files: Table;
  reports: string;
  imports: { file: string; summary: string; details: string[] }[];
}

/** A warning of src/core/quality in words: counts, money and dates formatted for the locale. */
function warningText(warning: DataWarning, w: Words): string {
  const { code, values } = warning;
  const shown: Record<string, string | number> = { ...values };
  if (typeof values.n === 'number') shown.n = w.f.count(values.n);
  if (typeof values.amount === 'number') shown.amount = w.f.money(values.amount);
  for (const key of ['asOf', 'exported'] as const) if (typeof values[key] === 'string') shown[key] = formatDate(values[key], w.locale);
  return fill(w.l[`warn.${code}`], shown);
}

/** Status words of a file: present, missing, or missing but optional (everything but deals.csv). */
function fileStatus(file: FileQuality, w: Words): string {
  if (file.present) return w.l['data.present'];
  return w.l[file.kind === 'deals' ? 'data.missing' : 'data.optional'];
}

function filesTable(site: SiteModel): Table {
  const w = site.words;
  const { l } = w;
  const date = (iso: string | null): Cell => ({ text: iso === null ? l.missing : /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDate(iso, w.locale) : iso, raw: iso });
  const rows = fileQuality(site.dataset).map((f) => {
    const exported = site.exportDates.get(f.file) ?? null;
    return {
      data: { file: f.file },
      class: f.present ? undefined : 'missing',
      head: { text: f.file, code: true },
      cells: [{ text: fileStatus(f, w), raw: f.present }, { text: w.f.count(f.rows), raw: f.rows }, { text: f.dateColumn, code: true }, date(f.first), date(f.last), date(exported)],
    };
  });
  const keys = [['file', 'file'], ['status', 'present'], ['rows', 'rows'], ['column', 'date_column'], ['first', 'first'], ['last', 'last'], ['exported', 'exported']] as const;
  return table({ id: 'data-files', caption: l['data.filesCaption'], columns: keys.map(([key, csv]) => ({ label: l[`data.col.${key}`], csv })), rows, style: 'files' }, w);
}

export function dataPage(site: SiteModel): DataPage {
  const w = site.words;
  const { l, locale } = w;
  const { config } = site;
  const month = site.timeline.month;
  const codes = dataWarnings(site.dataset, {
    asOf: site.engine.facts.asOf,
    month,
    overdue: site.report(month).team.pipeline.overdue,
    exported: site.exported === null ? null : isoToDay(site.exported),
  });
  const happened = happenedSpan(site.dataset);
  const asOfFrom = asOfSentence(site.dataset, l);
  const importWarnings = importWarningLines(site.dataset, l, { date: (day) => formatDate(dayToIso(day), locale), count: w.f.count });
  const span = happened && fill(l['data.span'], { first: formatDate(dayToIso(happened.first), locale), last: formatDate(site.asOf, locale), months: w.f.count(periodsBetween('month', happened.first, site.engine.facts.asOf).length) });
  return {
    frame: frameOf(site, siteTitle(site, l['data.title'])),
    access: { mode: site.access.mode, level: site.access.level, title: l['access.title'], text: fill(l[site.access.text], { value: site.access.mode }) },
    facts: [
      `${fill(l['data.asOf'], { date: formatDate(site.asOf, locale) })}${asOfFrom === null ? '' : ` ${asOfFrom}`}`,
      ...(span ? [span] : []),
      fill(l['data.config'], { currency: config.currency, locale: config.locale, stages: config.stages.map((s) => s.name).join(' → '), threshold: config.coverageThreshold, window: config.window }),
    ],
    warnings: [...importWarnings, ...codes.map((c) => warningText(c, w))],
    files: filesTable(site),
    reports: fill(l['data.reports'], { n: w.f.count(site.frozen.size) }),
    imports: site.dataset.imports.map((report) => {
      const [summary, ...details] = importReportLines(report, l);
      return { file: report.file, summary, details: details.map((line) => line.trim()) };
    }),
  };
}
