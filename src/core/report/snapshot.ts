/**
 * Frozen monthly snapshots (`data/reports/YYYY-MM.json`): the KPI JSON of
 * KPI-SPEC §5 for one month, written by `npm run snapshot`, with the spec
 * version it was computed under (`"spec": 2`; a file without one was frozen
 * under v1, before the outlook and while overdue deals counted as pipeline).
 * Pure: parses and validates a file's text with zod; reading the folder is
 * the caller's job. A snapshot is trusted by nothing but this schema,
 * because a hand-edited or half-copied file would otherwise render as a
 * confident report.
 */
import { z } from 'zod';
import { KPI_SPEC_VERSION } from '../kpi/json.ts';
import { parsePeriod } from '../kpi/periods.ts';
import type { CoreKpis, KpiReport } from '../kpi/report.ts';

/** Rates are fractions or null (zero denominator), never NaN. */
const rate = z.number().nullable();
const count = z.number().int().nonnegative();
const amount = z.number().nonnegative();
const openAmount = z.object({ count, amount, weighted: amount });

const coreKpisSchema = z.object({
  activity: z.object({
    outreach: count,
    firstMeetings: count,
    outreachPerFirstMeeting: rate,
    firstMeetingsWithNextStep: count,
    nextStepRate: rate,
    bySource: z.record(z.string(), z.object({ leads: count, met: count, rate })),
    byChannel: z.record(z.string(), z.object({ touches: count, leads: count, met: count, rate })),
  }),
  stages: z.object({
    transitions: z.array(z.object({ from: z.string(), to: z.string(), reached: count, advanced: count, rate })),
    overall: rate,
    leak: z.object({ from: z.string(), to: z.string() }).nullable(),
    forward: z.record(z.string(), count),
    backward: z.record(z.string(), count),
  }),
  winRate: z.object({
    won: count,
    lost: count,
    rate,
    wonAmount: amount,
    lostAmount: amount,
    valueRate: rate,
    leadConversion: rate,
    avgDealSize: amount.nullable(),
    dealsNeeded: count.nullable(),
    leadsNeeded: count.nullable(),
  }),
  pipeline: z.object({
    quota: amount,
    closedWon: amount,
    gap: amount,
    attainment: rate,
    open: openAmount,
    openByStage: z.record(z.string(), openAmount),
    coverage: rate,
    overdue: z.object({ count, amount }),
    focus: z.enum(['create', 'close', 'done']),
  }),
  lagging: z.object({ totalSales: amount, won: count, lost: count, customers: count, churnRate: rate }),
});

const outlookSchema = z.object({
  cycle: z.object({ wonDeals: count, medianDays: amount.nullable(), meanDays: amount.nullable() }),
  velocity: z.object({ opportunities: count, winRate: rate, avgDealSize: amount.nullable(), cycleDays: amount.nullable(), perDay: amount.nullable() }),
  stale: z.object({ count, amount }),
  forecast: z.object({ deals: count, expected: amount, low: amount, high: amount, attainment: rate }),
});
const kpisSchema = coreKpisSchema.extend({ outlook: outlookSchema });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date (YYYY-MM-DD)');

/** The KPI JSON of one month, as frozen, with the KPIs of one spec version. */
function reportSchema<K extends z.ZodType>(kpis: K) {
  return z.object({
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'not a month (YYYY-MM)'),
    asOf: isoDate,
    currency: z.string().regex(/^[A-Z]{3}$/, 'not an ISO 4217 currency code'),
    team: kpis,
    teams: z.record(z.string(), kpis),
    reps: z.record(z.string(), kpis),
  });
}
const v1Schema = reportSchema(coreKpisSchema);
const v2Schema = reportSchema(kpisSchema).extend({ spec: z.literal(KPI_SPEC_VERSION) });
/** A v1 file has no "spec"; once read it says 1. */
const v1Snapshot = v1Schema.transform((report) => ({ ...report, spec: 1 as const }));

/** A frozen month: under v2 the whole KPI JSON of today's engine; under v1 the same without the outlook. */
export type Snapshot = z.output<typeof v1Snapshot> | z.infer<typeof v2Schema>;
// The schemas and the engine's types must describe the same objects.
type Same<A, B> = A extends B ? (B extends A ? true : never) : never;
const sameShapes: [Same<z.infer<typeof v1Schema>, KpiReport<CoreKpis>>, Same<Omit<z.infer<typeof v2Schema>, 'spec'>, KpiReport>] = [true, true];
void sameShapes;

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
  const parsed = spec === undefined ? v1Snapshot.safeParse(json) : v2Schema.safeParse(json);
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
