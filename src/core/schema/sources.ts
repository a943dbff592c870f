/**
 * The config's `sources` key: where each kind of data comes from when it is
 * not a canonical file — a CRM export read through a preset, or any CSV read
 * through a column mapping the user writes once (README "Importing CRM
 * exports" has the exact rules). Validated here; applied by ingest/mapping.ts.
 */
import { z } from 'zod';
import { ENCODING_LABELS, type EncodingSetting } from '../ingest/decode.ts';
import { closestMatch } from '../ingest/closest.ts';
import { CLOSE_DATE_COLUMNS } from './rows.ts';

export const PRESET_NAMES = ['hubspot', 'salesforce', 'pipedrive', 'zoho'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * The canonical columns of every kind of file read, in schema order (rows.ts;
 * a test keeps them equal). A source can fill each but `close_dates`, which
 * the upload writes itself.
 */
export const CANONICAL_COLUMNS = {
  deals: ['id', 'name', 'account', 'owner', 'source', 'stage', 'amount', 'created', 'close_date', 'lost_at_stage', 'lead', 'currency'],
  stage_history: ['deal', 'stage', 'entered'],
  activities: ['id', 'date', 'owner', 'type', 'lead', 'source', 'deal', 'next_step'],
  quotas: ['owner', 'period', 'amount'],
  customers: ['account', 'churned'],
  /** A lookup of rep -> team that fills the config's `teams`. */
  teams: ['owner', 'team'],
  close_dates: CLOSE_DATE_COLUMNS,
} as const;

export type ImportKind = keyof typeof CANONICAL_COLUMNS;
/** The kinds the config's `sources` may name. */
export type SourceKind = Exclude<ImportKind, 'close_dates'>;
export const IMPORT_KINDS = (Object.keys(CANONICAL_COLUMNS) as ImportKind[]).filter((k): k is SourceKind => k !== 'close_dates');

/** Line-number ids: `<file>:<line>`, for exports without an id column (Zoho's Potentials). */
export const LINE_ID = '$line';
/** Stand-ins for the config's won and lost stage names in value mappings. */
export const WON = '$won';
export const LOST = '$lost';

/** A plain file name inside the data folder: no folders, so a config cannot read outside it. */
const fileName = z
  .string()
  .trim()
  .min(1, 'name a file in the data folder')
  .refine((name) => !/[/\\]/.test(name) && name !== '.' && name !== '..', 'a file name in the data folder, without folders');

/** An encoding by any of its usual names (`latin1`, `cp1252`, `utf8`…), as one of Keepscore's. */
export const encodingSchema = z.string().transform((label, ctx): EncodingSetting => {
  const encoding = ENCODING_LABELS[label.trim().toLowerCase()];
  if (encoding === undefined) {
    ctx.addIssue({ code: 'custom', message: `unknown encoding; expected auto, utf-8, windows-1252 (also latin1), utf-16le or utf-16be` });
    return z.NEVER;
  }
  return encoding;
});

const sourceColumns = z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)]);
const defaultValue = z.union([z.string(), z.strictObject({ value: z.string() })]);

/** One source: a file, and how to read it. */
const sourceObject = z.strictObject({
  file: fileName,
  preset: z.enum(PRESET_NAMES, { error: `unknown preset; expected one of: ${PRESET_NAMES.join(', ')}` }).optional(),
  /** canonical column -> the export's header (or several: the first non-empty value wins). */
  columns: z.record(z.string(), sourceColumns).optional(),
  /** canonical column -> { export value -> canonical value }, matched case-insensitively. */
  values: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  /** canonical column -> another canonical column, `$line`, or a constant ({ "value": … } is always a constant). */
  defaults: z.record(z.string(), defaultValue).optional(),
  /** true: a row missing a required value is an error, as in canonical files; false (default): it is skipped and reported. */
  strict: z.boolean().optional(),
  /** How the file's bytes that are not valid UTF-8 are read (default: the config's `encoding`; ingest/decode.ts). */
  encoding: encodingSchema.optional(),
  /** Quotas only: what a period written as a date starts, a month (default) or a quarter. */
  quotaPeriod: z.enum(['month', 'quarter'], { error: 'expected "month" or "quarter"' }).optional(),
});

/** The keys a source may have, for "did you mean" hints. */
export const SOURCE_KEYS = Object.keys(sourceObject.shape);

function sourceSchema(kind: SourceKind) {
  const known: readonly string[] = CANONICAL_COLUMNS[kind];
  const expected = `expected one of: ${known.join(', ')}`;
  return sourceObject
    .superRefine((source, ctx) => {
      for (const part of ['columns', 'values', 'defaults'] as const) {
        for (const key of Object.keys(source[part] ?? {})) {
          if (known.includes(key)) continue;
          const near = closestMatch(key, known);
          ctx.addIssue({ code: 'custom', message: `unknown ${kind} column "${key}"${near ? ` — did you mean ${near}?` : ''}; ${expected}`, path: [part, key] });
        }
      }
      if (source.quotaPeriod !== undefined && kind !== 'quotas') {
        ctx.addIssue({ code: 'custom', message: 'quotaPeriod is for quotas sources only', path: ['quotaPeriod'] });
      }
    });
}

/**
 * One source or a list of them. Dispatched by hand rather than z.union, whose
 * failure is a bare "Invalid input": this keeps each option's own messages.
 */
function oneOrMany(kind: SourceKind) {
  const one = sourceSchema(kind);
  const many = z.array(one).min(1, 'list at least one source');
  return z.unknown().transform((value, ctx) => {
    if (typeof value !== 'object' || value === null) {
      ctx.addIssue({ code: 'custom', message: 'expected a source such as { "file": "export.csv" }, or a list of them' });
      return z.NEVER;
    }
    const result = (Array.isArray(value) ? many : one).safeParse(value);
    if (result.success) return result.data as SourceSpec | SourceSpec[];
    for (const issue of result.error.issues) ctx.addIssue(issue as never);
    return z.NEVER;
  });
}

export const sourcesSchema = z.strictObject({
  deals: oneOrMany('deals').optional(),
  stage_history: oneOrMany('stage_history').optional(),
  activities: oneOrMany('activities').optional(),
  quotas: oneOrMany('quotas').optional(),
  customers: oneOrMany('customers').optional(),
  teams: oneOrMany('teams').optional(),
});

export type Sources = z.output<typeof sourcesSchema>;
export type SourceSpec = z.output<ReturnType<typeof sourceSchema>>;

/** The sources of one kind as a list; null when the config names none (the canonical file is read). */
export function sourcesOf(sources: Sources | undefined, kind: SourceKind): SourceSpec[] | null {
  const spec = sources?.[kind];
  if (spec === undefined) return null;
  return Array.isArray(spec) ? spec : [spec];
}
