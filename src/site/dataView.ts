/**
 * The /data/ page's content: files with rows, date ranges and export dates,
 * and the warnings worded in the site's language. Reads file mtimes (the
 * export dates) at the edge; everything else comes from core.
 */
import type { CsvTable } from '../core/export/csv.ts';
import { formatCount, formatDate, formatMoney } from '../core/format.ts';
import { fill } from '../core/i18n.ts';
import { reportText, type ReportText, type ReportTextKey } from '../core/i18n/reports.ts';
import { asOfSentence, importWarnings, type Wording } from '../core/ingest/importWarnings.ts';
import { dayToIso, isoToDay } from '../core/ingest/values.ts';
import { happenedSpan } from '../core/kpi/facts.ts';
import { periodsBetween } from '../core/kpi/periods.ts';
import { dataWarnings, fileQuality, type FileQuality } from '../core/quality/dataQuality.ts';
import { exportDates, newestExport } from './exportDates.ts';
import type { SiteData } from './siteData.ts';

export interface DataPage {
  files: (FileQuality & { exported: string | null })[];
  /** Newest export date of the CSV files, `YYYY-MM-DD`, or null. */
  exported: string | null;
  /** Worded warnings, most consequential first. */
  warnings: string[];
  /** Where the as-of date comes from ("It is the close date of the latest closed deal, D-123."), or null. */
  asOfFrom: string | null;
  /** First and last day of the data (`YYYY-MM-DD`) and how many months that spans; null for data without dates. */
  span: { first: string; last: string; months: number } | null;
}

let page: Promise<DataPage> | undefined;

/** The /data/ page's facts for this build (computed once). */
export function getDataPage(site: SiteData): Promise<DataPage> {
  page ??= (async () => {
    const dates = await exportDates(site.dir);
    const exported = newestExport(dates);
    const files = fileQuality(site.dataset).map((f) => ({ ...f, exported: dates.get(f.file) ?? null }));
    const overdue = site.report(site.latestMonth.id).team.pipeline.overdue;
    const codes = dataWarnings(site.dataset, {
      asOf: site.engine.facts.asOf,
      month: site.latestMonth,
      overdue,
      exported: exported === null ? null : isoToDay(exported),
    });
    const { locale } = site.config;
    const text = reportText(locale);
    const warnings = codes.map(({ code, values }) => {
      const shown: Record<string, string | number> = { ...values };
      if (typeof values.n === 'number') shown.n = formatCount(values.n, locale);
      if (typeof values.amount === 'number') shown.amount = formatMoney(values.amount, locale, site.config.currency);
      for (const key of ['asOf', 'exported'] as const) if (typeof values[key] === 'string') shown[key] = formatDate(values[key], locale);
      return fill(text[`warn.${code}` as ReportTextKey], shown);
    });
    // The import's own warnings (closed deals after the export, deals without an amount) come first.
    const words: Wording = { text, date: (day) => formatDate(dayToIso(day), locale), count: (n) => formatCount(n, locale) };
    warnings.unshift(...importWarnings(site.dataset, words));
    const happened = happenedSpan(site.dataset);
    const span = happened && {
      first: dayToIso(happened.first),
      last: site.asOf,
      months: periodsBetween('month', happened.first, site.engine.facts.asOf).length,
    };
    return { files, exported, warnings, span, asOfFrom: asOfSentence(site.dataset, words) };
  })();
  return page;
}

/** Status words of a file: present, missing, or missing but optional (everything but deals.csv). */
export function fileStatus(file: FileQuality, text: ReportText): string {
  if (file.present) return text['data.present'];
  return file.kind === 'deals' ? text['data.missing'] : text['data.optional'];
}

/** CSV source (see csvTables.ts): the files table of /data/. */
export async function dataCsvTables(site: SiteData): Promise<CsvTable[]> {
  const { files } = await getDataPage(site);
  return [{
    filename: 'data-files.csv',
    columns: ['file', 'present', 'rows', 'date_column', 'first', 'last', 'exported'],
    rows: files.map((f) => [f.file, f.present, f.rows, f.dateColumn, f.first, f.last, f.exported]),
  }];
}
