/**
 * The CRM presets and how a file's header picks one. Shapes are tried in
 * registry order; within a kind the signatures do not overlap (HubSpot's
 * "Close Date" vs Zoho's "Closing Date", Pipedrive's "Deal - " prefix…).
 */
import type { ImportKind, PresetName } from '../../schema/sources.ts';
import { hubspot } from './hubspot.ts';
import { pipedrive } from './pipedrive.ts';
import { salesforce } from './salesforce.ts';
import type { Preset, Shape } from './types.ts';
import { zoho } from './zoho.ts';

export type { ColumnRule, DefaultRule, Preset, Shape } from './types.ts';
export { ruleOf } from './types.ts';

export const PRESETS: Readonly<Record<PresetName, Preset>> = { hubspot, salesforce, pipedrive, zoho };

export interface Detected {
  preset: Preset;
  shape: Shape;
}

/** True when every detection group has one of its names in the header (lower-cased names). */
function matches(shape: Shape, header: ReadonlySet<string>): boolean {
  return shape.detect.every((group) => group.some((name) => header.has(name)));
}

/** The preset shape of `kind` whose signature the header carries, or null. `only` limits the search to one preset. */
export function detectPreset(kind: ImportKind, headerNames: readonly string[], only?: PresetName): Detected | null {
  const header = new Set(headerNames.map((n) => n.trim().toLowerCase()));
  const presets = only ? [PRESETS[only]] : Object.values(PRESETS);
  for (const preset of presets) {
    for (const shape of preset.shapes) {
      if (shape.kind === kind && matches(shape, header)) return { preset, shape };
    }
  }
  return null;
}

/** The first shape of `kind` in a preset (when the user names a preset its header does not carry), or null. */
export function firstShape(name: PresetName, kind: ImportKind): Shape | null {
  return PRESETS[name].shapes.find((s) => s.kind === kind) ?? null;
}

/** What each preset expects of a `kind` export: `HubSpot (Deal Stage, Deal Name, Close Date)`, for messages. */
export function expectedExports(kind: ImportKind): string[] {
  const found: string[] = [];
  for (const preset of Object.values(PRESETS)) {
    for (const shape of preset.shapes) {
      if (shape.kind !== kind) continue;
      found.push(`${shape.label} (${shape.detect.map((group) => titleCase(group[0])).join(', ')})`);
    }
  }
  return found;
}

/** `deal - title` -> `Deal - Title`: headers are stored lower-case; messages read better as the vendors write them. */
function titleCase(name: string): string {
  return name.replace(/(^|[\s(-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}
