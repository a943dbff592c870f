/**
 * Row schemas of the canonical CSV files (KPI-SPEC §1). They take the raw,
 * untrimmed cell strings of one row and give typed values, or issues whose
 * messages are the rules shown to the user. Stage names and the date order
 * come from the config, so the schemas are built per config.
 */
import { z } from 'zod';
import { parseAmount, parseDay, type DateOrder } from '../ingest/values.ts';
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
    }),
    stage_history: z.object({ deal: required, stage: oneOf(allStages, 'stage'), entered: day }),
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
    quotas: z.object({
      owner: required,
      period: required.regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'not a month (2026-10) or quarter (2026-Q4)'),
      amount: amountField,
    }),
    customers: z.object({ account: required, churned: day }),
  };
}

export type RowSchemas = ReturnType<typeof rowSchemas>;
export type FileKind = keyof RowSchemas;
export const FILE_KINDS = ['deals', 'stage_history', 'activities', 'quotas', 'customers'] as const satisfies readonly FileKind[];

export type Deal = z.output<RowSchemas['deals']>;
export type StageEntry = z.output<RowSchemas['stage_history']>;
export type Activity = z.output<RowSchemas['activities']>;
export type Quota = z.output<RowSchemas['quotas']>;
export type Customer = z.output<RowSchemas['customers']>;

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
