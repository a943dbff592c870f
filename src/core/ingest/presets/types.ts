/**
 * What a CRM preset knows about one kind of export ("shape"): how to
 * recognise its header, which headers feed each canonical column, how its
 * values translate, and what to do when a value is missing.
 *
 * Header names are written lower-case (the CSV reader lower-cases headers);
 * value-map keys are matched case-insensitively. `$won` / `$lost` stand for
 * the config's won and lost stage names.
 */
import type { ImportKind, PresetName } from '../../schema/sources.ts';

/** Headers that feed one canonical column, in order: the first non-empty value wins. */
export interface ColumnRule {
  from: readonly string[];
  /** export value -> canonical value; '' means "no value here", so the next header is tried; `*` matches any other value. */
  values?: Readonly<Record<string, string>>;
}

/** A default for an empty canonical value: `$line`, another canonical column, or `{ value }` (a constant). */
export type DefaultRule = string | { readonly value: string };

export interface Shape {
  kind: ImportKind;
  /** Names the export in reports and messages, e.g. "HubSpot deals export". */
  label: string;
  /** The header matches when every group has at least one of its names. */
  detect: readonly (readonly string[])[];
  columns: Readonly<Record<string, readonly string[] | ColumnRule>>;
  defaults?: Readonly<Record<string, DefaultRule>>;
  /** Rows to leave out, e.g. activities not done yet: when a header of `from` holds one of `values`. */
  skip?: { from: readonly string[]; values: readonly string[]; reason: string };
  /** HubSpot: `Date entered "<stage>"` columns become stage history rows of the deal. */
  stageDates?: boolean;
}

export interface Preset {
  name: PresetName;
  /** The vendor's name as users know it. */
  title: string;
  shapes: readonly Shape[];
}

/** The rule of a column as a ColumnRule. */
export function ruleOf(rule: readonly string[] | ColumnRule): ColumnRule {
  return 'from' in rule ? rule : { from: rule };
}
