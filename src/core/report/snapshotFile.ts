/**
 * Frozen monthly snapshots (`data/reports/YYYY-MM.json`): the KPI JSON of
 * KPI-SPEC §5 for one month, written by `npm run snapshot`, with the spec
 * version it was computed under (`"spec": 2`; a file without one was frozen
 * under v1, before the outlook and while overdue deals counted as pipeline).
 * Pure: parses and validates a file's text with the KPI report's schema of
 * its version; reading the folder is the caller's job. A snapshot is trusted
 * by nothing but this schema, because a hand-edited or half-copied file
 * would otherwise render as a confident report.
 */
import { z } from 'zod';
import { KPI_SPEC_VERSION } from '../kpi/json.ts';
import { parsePeriod } from '../kpi/periods.ts';
import { coreKpiReportSchema, kpiReportSchema } from '../schema/kpiReport.ts';

const monthId = kpiReportSchema.shape.period.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'not a month (YYYY-MM)');
/** A v1 file: the report of v1's KPIs (no outlook) and no "spec"; once read it says 1. */
const v1Schema = coreKpiReportSchema.extend({ period: monthId }).transform((report) => ({ ...report, spec: 1 as const }));
/** A v2 file: today's KPI JSON (src/core/schema/kpiReport.ts) with `"spec": 2`. */
const v2Schema = kpiReportSchema.extend({ spec: z.literal(KPI_SPEC_VERSION), period: monthId });

/** A frozen month: under v2 the whole KPI JSON of today's engine; under v1 the same without the outlook. */
export type Snapshot = z.output<typeof v1Schema> | z.output<typeof v2Schema>;

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
  const spec = (json as { spec?: unknown } | null)?.spec;
  if (spec !== undefined && spec !== KPI_SPEC_VERSION) {
    throw new SnapshotError(file, [`spec: ${JSON.stringify(spec)} is not a KPI-SPEC version this Keepscore reads (1, written as no "spec", or ${KPI_SPEC_VERSION})`]);
  }
  const parsed = spec === undefined ? v1Schema.safeParse(json) : v2Schema.safeParse(json);
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
