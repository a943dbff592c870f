/**
 * What the /data/ page says about a data folder: each file with its rows
 * and date range, and warnings about gaps that silently empty a KPI (no
 * activities, no stage history, no quotas…). Pure: file dates (mtimes) and
 * the overdue count come in from the caller; warnings are codes with values,
 * worded by the page in the site's language.
 */
import type { Dataset } from '../ingest/dataset.ts';
import { dayToIso, type Day } from '../ingest/values.ts';
import { FILE_KINDS, type FileKind } from '../schema/rows.ts';
import type { Period } from '../kpi/periods.ts';

/** One file of the folder, present or not. */
export interface FileQuality {
  file: string;
  kind: FileKind;
  present: boolean;
  rows: number;
  /** The column the date range is read from (`created`, `date`, `period`…). */
  dateColumn: string;
  /** First and last value of that column (`YYYY-MM-DD`, or `YYYY-MM`/`YYYY-Qn` for quotas); null without rows. */
  first: string | null;
  last: string | null;
}

export type WarningCode =
  | 'noDeals'
  | 'noActivities'
  | 'noMeetings'
  | 'noStageHistory'
  | 'noQuotas'
  | 'noQuotaThisMonth'
  | 'noCustomers'
  | 'overdue'
  | 'repsWithoutTeam'
  | 'staleExport';

export interface DataWarning {
  code: WarningCode;
  /** Placeholders of the worded warning: counts, names, dates. */
  values: Record<string, string | number>;
}

export interface QualityInput {
  asOf: Day;
  /** The month of the as-of date: quota coverage is checked for it. */
  month: Period;
  /** Open deals of the whole team past their close date at as-of (KPI 4's `overdue`). */
  overdue: { count: number; amount: number };
  /** The newest export date of the files (from their mtimes), or null when unknown. */
  exported: Day | null;
}

/** Days between the as-of date and the export after which the export looks stale. */
export const STALE_AFTER_DAYS = 7;

const DATE_COLUMN: Record<FileKind, string> = {
  deals: 'created',
  stage_history: 'entered',
  activities: 'date',
  quotas: 'period',
  customers: 'churned',
};

function dayRange(days: Iterable<Day>): { first: string | null; last: string | null } {
  let first = Infinity;
  let last = -Infinity;
  for (const d of days) {
    if (d < first) first = d;
    if (d > last) last = d;
  }
  return Number.isFinite(first) ? { first: dayToIso(first), last: dayToIso(last) } : { first: null, last: null };
}

/** Quota periods sort as text (`2026-10` < `2026-Q4` holds within a year, which is all a range needs to show). */
function textRange(values: readonly string[]): { first: string | null; last: string | null } {
  if (values.length === 0) return { first: null, last: null };
  const sorted = [...values].sort();
  return { first: sorted[0], last: sorted[sorted.length - 1] };
}

function rangeOf(dataset: Dataset, kind: FileKind) {
  switch (kind) {
    case 'deals': return dayRange(dataset.deals.map((d) => d.created));
    case 'stage_history': return dayRange(dataset.stageHistory.entered);
    case 'activities': return dayRange(dataset.activities.date);
    case 'quotas': return textRange(dataset.quotas.map((q) => q.period));
    case 'customers': return dayRange((dataset.customers ?? []).map((c) => c.churned));
  }
}

/** Every canonical file in a fixed order, present or not, with rows and date range. */
export function fileQuality(dataset: Dataset): FileQuality[] {
  return FILE_KINDS.map((kind) => {
    const summary = dataset.files.find((f) => f.kind === kind);
    return {
      file: `${kind}.csv`,
      kind,
      present: summary?.present ?? false,
      rows: summary?.rows ?? 0,
      dateColumn: DATE_COLUMN[kind],
      ...rangeOf(dataset, kind),
    };
  });
}

function owners(dataset: Dataset): string[] {
  const names = new Set<string>();
  for (const d of dataset.deals) names.add(d.owner);
  for (const owner of dataset.activities.owner.names) names.add(owner);
  for (const q of dataset.quotas) names.add(q.owner);
  return [...names].sort();
}

function quarterOf(month: Period): string {
  return `${month.id.slice(0, 4)}-Q${Math.floor((Number(month.id.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The warnings of a data set, most consequential first; [] when nothing looks wrong. */
export function dataWarnings(dataset: Dataset, input: QualityInput): DataWarning[] {
  const warnings: DataWarning[] = [];
  const add = (code: WarningCode, values: DataWarning['values'] = {}) => warnings.push({ code, values });
  if (dataset.deals.length === 0) add('noDeals');
  if (dataset.activities.length === 0) add('noActivities');
  else if (!dataset.activities.type.names.includes('meeting')) add('noMeetings');
  if (dataset.stageHistory.length === 0) add('noStageHistory');
  if (dataset.quotas.length === 0) add('noQuotas');
  else {
    const quarter = quarterOf(input.month);
    const covered = new Set(dataset.quotas.filter((q) => q.period === input.month.id || q.period === quarter).map((q) => q.owner));
    const without = owners(dataset).filter((o) => !covered.has(o));
    if (without.length) add('noQuotaThisMonth', { n: without.length, month: input.month.id, reps: without.join(', ') });
  }
  if (dataset.customers === null) add('noCustomers');
  if (input.overdue.count > 0) add('overdue', { n: input.overdue.count, amount: input.overdue.amount, asOf: dayToIso(input.asOf) });
  const teams = dataset.config.teams;
  if (Object.keys(teams).length > 0) {
    const loose = owners(dataset).filter((o) => !Object.hasOwn(teams, o));
    if (loose.length) add('repsWithoutTeam', { n: loose.length, reps: loose.join(', ') });
  }
  if (input.exported !== null && input.exported - input.asOf > STALE_AFTER_DAYS) {
    add('staleExport', { days: input.exported - input.asOf, asOf: dayToIso(input.asOf), exported: dayToIso(input.exported) });
  }
  return warnings;
}
