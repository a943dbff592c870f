/**
 * Decides how to read a header that is not canonical: the preset the config
 * names, or the one the header carries, plus the config's mapping; or, when
 * nothing fits, one problem that shows the header and what was expected.
 */
import { buildPlan, type PlanInput, type RowPlan } from './mapping.ts';
import { detectPreset, expectedExports, firstShape, PRESETS, type Detected } from './presets/index.ts';
import type { Problem } from './problems.ts';

/** What `planFor` knows of a header: the plan's input before any preset is picked, and the required columns it lacks. */
export interface HeaderInput extends Omit<PlanInput, 'detected' | 'wasDetected'> {
  missing: readonly string[];
}

/** The row plan for this header, or the problems that make the file unreadable. */
export function planFor(input: HeaderInput): { plan: RowPlan } | { problems: Problem[] } {
  const { kind, fileName, names, display, spec } = input;
  let detected: Detected | null = null;
  let wasDetected = false;
  if (spec?.preset) {
    detected = detectPreset(kind, names, spec.preset);
    if (detected === null) {
      const shape = firstShape(spec.preset, kind);
      if (shape === null) return { problems: [noSuchShape(input, spec.preset)] };
      detected = { preset: PRESETS[spec.preset], shape };
    }
  } else {
    detected = detectPreset(kind, names);
    wasDetected = detected !== null;
  }
  const mapped = spec !== null && (spec.columns !== undefined || spec.defaults !== undefined);
  if (detected === null && !mapped) {
    if (input.missing.length === 0) return buildPlan({ ...input, detected, wasDetected });
    // A canonical file with a column or two missing: the plain list of missing columns says it best.
    if (input.missing.length * 2 <= input.required.length) {
      return {
        problems: input.missing.map((column) => ({
          file: fileName, line: 1, column, value: '', rule: `missing required column; the header has: ${display.join(', ')}`,
        })),
      };
    }
    return { problems: [unknownExport(input)] };
  }
  return buildPlan({ ...input, detected, wasDetected });
}

/** The message for a file nothing can read: its header, and every way it could have been read. */
function unknownExport({ kind, fileName, required, display }: HeaderInput): Problem {
  const exports = expectedExports(kind);
  const known = exports.length > 0 ? `, an export Keepscore knows — ${exports.join('; ')} —` : '';
  return {
    file: fileName, line: 1, column: '', value: '',
    rule:
      `not a ${kind} file Keepscore can read; the header has: ${display.join(', ')}; ` +
      `expected the columns ${required.join(', ')}${known} or a mapping in keepscore.config.json "sources" (README: "Importing CRM exports")`,
  };
}

function noSuchShape({ kind, fileName }: HeaderInput, preset: keyof typeof PRESETS): Problem {
  const kinds = [...new Set(PRESETS[preset].shapes.map((s) => s.kind))].join(', ');
  return {
    file: fileName, line: 1, column: '', value: preset,
    rule: `the ${PRESETS[preset].title} preset has no ${kind} export; it reads: ${kinds}`,
  };
}
