/**
 * Row schemas of the canonical CSV files (KPI-SPEC §1). They take the raw,
 * untrimmed cell strings of one row and give typed values, or issues whose
 * messages are the rules shown to the user. Stage names and the date order
 * come from the config, so the schemas are built per config.
 */
import { z } from 'zod';
import { dayToIso, parseAmount, parseDay, parseInstant, type DateOrder } from '../ingest/values.ts';
import type { Config } from './config.ts';

export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'event', 'social', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** Outreach = every activity type that reaches out to a lead before a meeting. */
export const OUTREACH_TYPES = ['call', 'email', 'event', 'social'] as const;

const required = z.string().trim().min(1, 'required');
const optional = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s));

function dayField(order: DateOrder) {
  return required.transform((s, ctx) => {
    const day = parseDay(s, order);
    if (day === null) {
      ctx.addIssue({ code: 'custom', message: 'not a valid date (e.g. 2026-10-31, 31.10.2026, 10/31/2026)' });
      return z.NEVER;
    }
    return day;
  });
}

const amountField = required.transform((s, ctx) => {
  const amount = parseAmount(s);
  if (amount === null) {
    ctx.addIssue({ code: 'custom', message: 'not a non-negative amount (e.g. 22700, 22,700.00, 1 234,56)' });
    return z.NEVER;
  }
  return amount;
});

/** A deal's currency as the export writes it (ISO 4217); its amount is converted to the config's (ingest/currency.ts). */
const currencyField = optional.transform((s, ctx) => {
  if (s === undefined) return undefined;
  if (!/^[A-Za-z]{3}$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: 'not a currency code (ISO 4217, e.g. USD, MXN)' });
    return z.NEVER;
  }
  return s.toUpperCase();
});

/** The instant of an `entered` value that carries a time; undefined for a plain date. */
function instantField(order: DateOrder) {
  return z.string().transform((s) => parseInstant(s.trim(), order));
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

/**
 * A quota period: a month `2026-10`, a quarter `2026-Q4`, or the first day
 * of one written as a date (`2016-01-01`: a quota export's start date),
 * read as that month — or as the quarter when the source says `quarter`.
 */
function periodField(order: DateOrder, starts: 'month' | 'quarter') {
  return required.transform((s, ctx) => {
    if (PERIOD.test(s)) return s;
    const day = parseDay(s, order);
    if (day === null) {
      ctx.addIssue({ code: 'custom', message: 'not a month (2026-10) or quarter (2026-Q4)' });
      return z.NEVER;
    }
    const [year, month, date] = dayToIso(day).split('-');
    const quarter = Math.floor((+month - 1) / 3) + 1;
    if (date !== '01' || (starts === 'quarter' && (+month - 1) % 3 !== 0)) {
      const first = starts === 'quarter' ? `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01 for ${year}-Q${quarter}` : `${year}-${month}-01 for ${year}-${month}`;
      ctx.addIssue({ code: 'custom', message: `a period written as a date must be the first day of a ${starts} (${first})` });
      return z.NEVER;
    }
    return starts === 'quarter' ? `${year}-Q${quarter}` : `${year}-${month}`;
  });
}

/** Case-insensitive match against a closed list of names, giving the canonical spelling. */
function oneOf<T extends string>(names: readonly T[], what: string) {
  const byKey = new Map(names.map((n) => [n.toLowerCase(), n]));
  const list = names.join(', ');
  return required.transform((s, ctx) => {
    const name = byKey.get(s.toLowerCase());
    if (name === undefined) {
      ctx.addIssue({ code: 'custom', message: `unknown ${what}; expected one of: ${list}` });
      return z.NEVER;
    }
    return name;
  });
}

/** Builds the row schemas for one config. */
export function rowSchemas(config: Config) {
  const openStages = config.stages.map((s) => s.name);
  const allStages = [...openStages, config.wonStage, config.lostStage];
  const day = dayField(config.dateOrder);
  return {
    deals: z.object({
      id: required,
      name: optional,
      account: optional,
      owner: required,
      source: optional.transform((s) => s ?? 'unknown'),
      stage: oneOf(allStages, 'stage'),
      amount: amountField,
      created: day,
      close_date: day,
      lost_at_stage: z.union([z.string().trim().length(0).transform(() => undefined), oneOf(openStages, 'open stage')]),
      lead: optional,
      currency: currencyField.optional(),
    }),
    // `enteredAt` is read from the `entered` cell too (DERIVED_COLUMNS): the time that orders one day's rows.
    stage_history: z.object({ deal: required, stage: oneOf(allStages, 'stage'), entered: day, enteredAt: instantField(config.dateOrder).optional() }),
    activities: z.object({
      id: required,
      date: day,
      owner: required,
      type: oneOf(ACTIVITY_TYPES, 'activity type'),
      lead: required,
      source: optional,
      deal: optional,
      next_step: optional,
    }),
    quotas: quotaSchema(config.dateOrder, 'month'),
    customers: z.object({ account: required, churned: day }),
  };
}

/** The quotas row schema; `starts` is what a period written as a date starts (a source's `quotaPeriod`). */
export function quotaSchema(order: DateOrder, starts: 'month' | 'quarter') {
  return z.object({ owner: required, period: periodField(order, starts), amount: amountField });
}

/** Columns whose value is read from another column's cell, by kind: a stage history row's instant from its `entered`. */
export const DERIVED_COLUMNS: Readonly<Record<string, Readonly<Record<string, string>>>> = { stage_history: { enteredAt: 'entered' } };

export type RowSchemas = ReturnType<typeof rowSchemas>;
export type FileKind = keyof RowSchemas;
export const FILE_KINDS = ['deals', 'stage_history', 'activities', 'quotas', 'customers'] as const satisfies readonly FileKind[];

export type Deal = z.output<RowSchemas['deals']>;
export type StageEntry = z.output<RowSchemas['stage_history']>;
export type Activity = z.output<RowSchemas['activities']>;
export type Quota = z.output<RowSchemas['quotas']>;
export type Customer = z.output<RowSchemas['customers']>;

/**
 * close_dates.csv (optional, never required): the expected close date each
 * open deal had in an accepted deals export, dated by that export — the
 * upload writes it (upload/history.ts), since CRM exports carry today's close
 * date only and stage history none. Read for slipped deals (deals/slipped.ts).
 */
export const CLOSE_DATES_FILE = 'close_dates.csv';
export const CLOSE_DATE_COLUMNS = ['deal', 'close_date', 'recorded'] as const;

export function closeDateSchema(order: DateOrder) {
  const day = dayField(order);
  return z.object({ deal: required, close_date: day, recorded: day });
}
export type CloseDateEntry = z.output<ReturnType<typeof closeDateSchema>>;

/** A lookup file of rep -> team (config `sources.teams`), which fills the config's `teams`. */
export const teamSchema = z.object({ owner: required, team: required });
export type TeamRow = z.output<typeof teamSchema>;
export const TEAM_COLUMNS = ['owner', 'team'] as const;

/** Columns a file must have; the rest of its schema's keys are optional columns. */
export const REQUIRED_COLUMNS: Record<FileKind, readonly string[]> = {
  deals: ['id', 'owner', 'stage', 'amount', 'created', 'close_date'],
  stage_history: ['deal', 'stage', 'entered'],
  activities: ['id', 'date', 'owner', 'type', 'lead'],
  quotas: ['owner', 'period', 'amount'],
  customers: ['account', 'churned'],
};
