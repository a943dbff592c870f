/**
 * The config `keepscore.config.json` (KPI-SPEC §1). Every key has a default
 * that fits the sample data, so `{}` and a config with only the stages are
 * valid; unknown keys are an error that names them.
 */
import { z } from 'zod';
import { encodingSchema, sourcesSchema } from './sources.ts';

/** Days without a move or a linked activity after which an open deal is stale (KPI-SPEC §7). */
const staleDays = z.number('a whole number of days, 1 or more').int('a whole number of days, 1 or more').min(1, 'a whole number of days, 1 or more');

const stageSchema = z.strictObject({
  name: z.string().trim().min(1, 'a stage needs a name'),
  /** Chance an open deal in this stage closes won; weights open pipeline. */
  probability: z.number().min(0).max(1).optional(),
  definition: z.string().optional(),
  questions: z.array(z.string()).optional(),
  /** This stage's own stale limit; else the config's `staleDays`. */
  staleDays: staleDays.optional(),
});

/** The sample data's stages: the article's four-stage process. */
export const DEFAULT_STAGES = [
  { name: 'Qualify', probability: 0.1 },
  { name: 'Discovery', probability: 0.25 },
  { name: 'Proposal', probability: 0.5 },
  { name: 'Negotiation', probability: 0.75 },
];

export const configSchema = z
  .strictObject({
    stages: z.array(stageSchema).min(1, 'list at least one open stage').default(DEFAULT_STAGES),
    wonStage: z.string().trim().min(1).default('Closed Won'),
    lostStage: z.string().trim().min(1).default('Closed Lost'),
    /** owner -> team */
    teams: z.record(z.string(), z.string().trim().min(1)).default({}),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD').default('USD'),
    locale: z.string().min(2).default('en-US'),
    coverageThreshold: z.number().positive().default(3),
    window: z.number().int().min(1).max(120).default(12),
    staleDays: staleDays.default(30),
    /** How to read an ambiguous numeric date such as 03/04/2026. */
    dateOrder: z.enum(['mdy', 'dmy']).default('mdy'),
    /** Where data comes from when it is not the canonical files: CRM exports through presets or mappings. */
    sources: sourcesSchema.optional(),
    /** Whether the site lists deals (names, accounts, amounts); `show` makes an unguarded deployment a louder warning (issue 15). */
    deals: z.enum(['show', 'hide']).default('show'),
    /** How bytes that are not valid UTF-8 are read: `auto` (Windows-1252 when it looks like text), or one encoding (ingest/decode.ts); a source may set its own. */
    encoding: encodingSchema.default('auto'),
    /** Deals in other currencies: what one unit of each is worth in `currency` (`{ "MXN": 0.055 }`). */
    rates: z.record(z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as MXN'), z.number().positive('a rate is a positive number: what one unit is worth in the config\'s currency')).optional(),
  })
  .superRefine((config, ctx) => {
    const names = [...config.stages.map((s) => s.name), config.wonStage, config.lostStage];
    const seen = new Set<string>();
    for (const name of names) {
      const key = name.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `stage "${name}" is listed twice`, path: ['stages'] });
      seen.add(key);
    }
    const own = config.rates?.[config.currency];
    if (own !== undefined && own !== 1) ctx.addIssue({ code: 'custom', message: `${config.currency} is the config's currency: its rate is 1`, path: ['rates', config.currency] });
  })
  .transform((config) => ({
    ...config,
    // A stage without a probability gets an even step up the funnel: i/(n+1).
    stages: config.stages.map((s, i, all) => ({ ...s, probability: s.probability ?? (i + 1) / (all.length + 1) })),
  }));

export type Config = z.output<typeof configSchema>;
export type StageConfig = Config['stages'][number];
