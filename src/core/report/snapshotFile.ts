/**
 * Frozen monthly snapshots (`data/reports/YYYY-MM.json`): the KPI JSON of
 * KPI-SPEC §5 for one month, written by `npm run snapshot`. Pure: parses and
 * validates a file's text with the KPI report's schema; reading the folder
 * is the caller's job. A snapshot is trusted by nothing but this schema, because a hand-edited or
 * half-copied file would otherwise render as a confident report.
 */
import { parsePeriod } from '../kpi/periods.ts';
import { kpiReportSchema, type KpiReport } from '../schema/kpiReport.ts';

/** The KPI JSON of one month, as frozen: the report's schema (src/core/schema/kpiReport.ts), its period a month. */
export const snapshotSchema = kpiReportSchema.extend({
  period: kpiReportSchema.shape.period.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'not a month (YYYY-MM)'),
});

export type Snapshot = KpiReport;

/** A snapshot file that cannot be used; the message names the file and every problem. */
export class SnapshotError extends Error {
  readonly file: string;
  constructor(file: string, problems: readonly string[]) {
    super(`Broken snapshot ${file}: ${problems.join('; ')}. Fix the file, or delete it and run \`npm run snapshot -- --period <month>\` again.`);
    this.file = file;
  }
}

/** `2026-10` -> `2026-10.json`; the name a month's snapshot has in the reports folder. */
export function snapshotFileName(month: string): string {
  return `${month}.json`;
}

/** The month a snapshot file name stands for (`2026-10.json` -> `2026-10`); null for any other name. */
export function monthOfSnapshotFile(name: string): string | null {
  const m = /^(\d{4}-\d{2})\.json$/.exec(name);
  return m && parsePeriod(m[1])?.kind === 'month' ? m[1] : null;
}

/**
 * Parses and validates the text of snapshot `file` (a name such as
 * `reports/2026-10.json`, used in messages; its base name must be the month
 * of the snapshot). Throws SnapshotError listing every problem found.
 */
export function readSnapshot(file: string, text: string): Snapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(file, [`not JSON (${(error as Error).message})`]);
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((i) => `${i.path.length ? i.path.join('.') : '(top)'}: ${i.message}`);
    if (parsed.error.issues.length > 10) problems.push(`and ${parsed.error.issues.length - 10} more`);
    throw new SnapshotError(file, problems);
  }
  const base = file.split(/[\\/]/).pop() ?? file;
  const month = monthOfSnapshotFile(base);
  if (month !== null && month !== parsed.data.period) {
    throw new SnapshotError(file, [`holds period "${parsed.data.period}" but is named for ${month}`]);
  }
  return parsed.data;
}
