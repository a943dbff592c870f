/**
 * Turns an export's header into a row plan: for each canonical column, which
 * headers feed it (the first non-empty value wins), how their values
 * translate, and its default. All the matching happens here, once per file;
 * a row then costs a few array reads and, for translated columns, one map
 * lookup per cell. Precedence: the config's `columns` / `values` / `defaults`,
 * then the preset's, then a header named like the canonical column.
 */
import type { Config } from '../schema/config.ts';
import { DERIVED_COLUMNS } from '../schema/rows.ts';
import { LINE_ID, LOST, WON, type ImportKind, type SourceSpec } from '../schema/sources.ts';
import { closestMatch } from './closest.ts';
import { repeatedHeaderNotes, repeatedHeaders } from './headers.ts';
import { ImportReportBuilder, type ImportReport, type ValueCount } from './importReport.ts';
import { ruleOf, type DefaultRule, type Detected } from './presets/index.ts';
import type { Problem } from './problems.ts';
import { stageDateColumns, type StageDateColumn } from './stageDates.ts';

interface Translation {
  to: string;
  counter: ValueCount;
}

interface Feed {
  index: number;
  /** Lower-cased export value -> translation; null when the column's values pass through. */
  map: Map<string, Translation> | null;
  /** The `*` entry: any other non-empty value. */
  other: Translation | null;
}

type Fallback = { line: true } | { constant: string } | { key: number };

/** Why a deal without an amount is kept (a non-strict import): its status does not depend on its amount. */
export const NO_AMOUNT = 'no amount: kept with amount 0 (counts in win rate, stages and cycle, not in money)';

export interface RowPlan {
  report: ImportReportBuilder;
  strict: boolean;
  /** Fills `out` with the row's canonical strings; returns why the row is left out, or null. */
  extract(cells: readonly string[], line: number, out: string[]): string | null;
  /** What `extract` changed in the last row it gave (a deal without an amount), to report when the row is kept; or null. */
  changed(): string | null;
  /** HubSpot's `Date entered "<stage>"` columns, resolved to config stages. */
  stageDates: StageDateColumn[];
  /** The report once the last row is read. */
  finish(): ImportReport;
}

export interface PlanInput {
  kind: ImportKind;
  fileName: string;
  /** Canonical columns in schema order, and the required ones. */
  keys: readonly string[];
  required: readonly string[];
  /** Header names lower-cased, and as written. */
  names: readonly string[];
  display: readonly string[];
  config: Config;
  spec: SourceSpec | null;
  detected: Detected | null;
  /** Whether the preset was found from the header rather than named. */
  wasDetected: boolean;
}

/** `$won` / `$lost` -> the config's stage names. */
function resolveToken(value: string, config: Config): string {
  return value === WON ? config.wonStage : value === LOST ? config.lostStage : value;
}

/** Builds the plan, or the problems that make the file unreadable (one per unusable column). */
export function buildPlan(input: PlanInput): { plan: RowPlan } | { problems: Problem[] } {
  const { kind, fileName, keys, names, display, config, spec, detected } = input;
  const shape = detected?.shape ?? null;
  const problems: Problem[] = [];
  const report = new ImportReportBuilder({
    file: fileName, kind, preset: detected?.preset.name ?? null, shape: shape?.label ?? null, detected: input.wasDetected,
    mapping: spec !== null && (spec.columns !== undefined || spec.values !== undefined || spec.defaults !== undefined),
    strict: spec?.strict ?? false, columns: {},
  });
  const counters = new Map<string, ValueCount>();
  const indexOf = (name: string) => names.indexOf(name.trim().toLowerCase());

  function translations(key: string, presetValues: Readonly<Record<string, string>> | undefined) {
    const entries = { ...presetValues, ...spec?.values?.[key] };
    if (Object.keys(entries).length === 0) return { map: null, other: null };
    const map = new Map<string, Translation>();
    let other: Translation | null = null;
    for (const [from, rawTo] of Object.entries(entries)) {
      const to = resolveToken(rawTo, config);
      const id = `${key}\u0000${from.toLowerCase()}\u0000${to}`;
      let counter = counters.get(id);
      if (counter === undefined) counters.set(id, (counter = report.valueCounter(key, from, to)));
      if (from === '*') other = { to, counter };
      else map.set(from.trim().toLowerCase(), { to, counter });
    }
    return { map, other };
  }

  const feeds: Feed[][] = [];
  const fallbacks: (Fallback | null)[] = [];
  keys.forEach((key, k) => {
    const own = spec?.columns?.[key];
    const rule = shape?.columns[key];
    let from: string[] = [];
    if (own !== undefined) {
      for (const name of typeof own === 'string' ? [own] : own) {
        if (indexOf(name) >= 0) from.push(name);
        else problems.push(missingMapped(fileName, kind, key, name, display));
      }
    } else if (rule !== undefined) from = ruleOf(rule).from.filter((name) => indexOf(name) >= 0);
    else if (indexOf(key) >= 0) from = [key];
    // The preset's translations hold for whichever header feeds the column (`closedwon` stays won).
    const { map, other } = translations(key, rule === undefined ? undefined : ruleOf(rule).values);
    feeds[k] = from.map((name) => ({ index: indexOf(name), map, other }));
    const fallback = fallbackOf(spec?.defaults?.[key] ?? shape?.defaults?.[key], keys);
    fallbacks[k] = fallback;
    const used = from.map((name) => display[indexOf(name)]).join(', else ');
    const otherwise = fallback === null ? '' : 'line' in fallback ? 'line number' : 'key' in fallback ? keys[fallback.key] : JSON.stringify(fallback.constant);
    if (used || otherwise) report.report.columns[key] = used && otherwise ? `${used}, else ${otherwise}` : used || otherwise;
  });
  // A derived column reads the cells of its source column (a stage history row's time, from `entered`).
  for (const [key, from] of Object.entries(DERIVED_COLUMNS[kind] ?? {})) feeds[keys.indexOf(key)] = feeds[keys.indexOf(from)];
  const readers = (column: number) => keys.filter((key, k) => !(key in (DERIVED_COLUMNS[kind] ?? {})) && feeds[k].some((f) => f.index === column));
  for (const note of repeatedHeaderNotes(repeatedHeaders(names, display), readers)) report.note(note);

  for (const key of input.required) {
    const k = keys.indexOf(key);
    if (feeds[k].length === 0 && fallbacks[k] === null && spec?.columns?.[key] === undefined) {
      problems.push(missingRequired(fileName, kind, key, shape, display));
    }
  }
  if (problems.length > 0) return { problems };

  const requiredIndexes = input.required.map((key) => keys.indexOf(key));
  const strict = spec?.strict ?? false;
  // A deal's status does not depend on its amount: without one it counts with 0, flagged.
  const zeroWhenEmpty = kind === 'deals' ? keys.indexOf('amount') : -1;
  const skip = shape?.skip;
  const skipIndexes = skip ? skip.from.map(indexOf).filter((i) => i >= 0) : [];
  const skipValues = new Set(skip?.values ?? []);
  const stageMap = translations('stage', shape ? (ruleOf(shape.columns.stage ?? []).values) : undefined).map;
  const stageDates = shape?.stageDates ? stageDateColumns(names, display, config, stageMap, report) : [];
  const defaultUses = keys.map(() => 0);
  let change: string | null = null;

  function extract(cells: readonly string[], line: number, out: string[]): string | null {
    change = null;
    for (const index of skipIndexes) {
      const cell = cells[index];
      if (cell !== undefined && skipValues.has(cell.trim().toLowerCase())) return skip!.reason;
    }
    for (let k = 0; k < feeds.length; k++) {
      let value = '';
      for (const feed of feeds[k]) {
        const cell = cells[feed.index];
        if (cell === undefined) continue;
        let text = cell.trim();
        if (text === '') continue;
        if (feed.map !== null) {
          const t = feed.map.get(text.toLowerCase()) ?? feed.other;
          if (t !== null) {
            // The report shows the value as the export writes it.
            if (t.counter.count++ === 0) t.counter.from = text;
            text = t.to;
          }
        }
        if (text !== '') {
          value = text;
          break;
        }
      }
      out[k] = value;
    }
    // Constants and line ids first, so a default naming another column sees that column's own default.
    for (let k = 0; k < fallbacks.length; k++) {
      const fallback = fallbacks[k];
      if (fallback === null || out[k] !== '' || 'key' in fallback) continue;
      out[k] = 'line' in fallback ? `${fileName}:${line}` : fallback.constant;
    }
    for (let k = 0; k < fallbacks.length; k++) {
      const fallback = fallbacks[k];
      if (fallback === null || out[k] !== '' || !('key' in fallback)) continue;
      out[k] = out[fallback.key];
      if (out[k] !== '') defaultUses[k]++;
    }
    if (strict) return null;
    let empty: string | null = null;
    let others = false;
    for (const k of requiredIndexes) {
      if (out[k] !== '') continue;
      empty = empty === null ? keys[k] : `${empty}, ${keys[k]}`;
      if (k !== zeroWhenEmpty) others = true;
    }
    if (empty === null) return null;
    if (others) return `no value for ${empty}`;
    out[zeroWhenEmpty] = '0';
    change = NO_AMOUNT;
    return null;
  }

  function finish(): ImportReport {
    keys.forEach((key, k) => {
      const fallback = fallbacks[k];
      if (defaultUses[k] > 0 && fallback !== null && 'key' in fallback) report.note(`${key} taken from ${keys[fallback.key]} on ${defaultUses[k]} rows`);
    });
    return report.finish();
  }
  return { plan: { report, strict, extract, changed: () => change, stageDates, finish } };
}

/** A default as a plan step: `$line`, another canonical column of this kind, or a constant. */
function fallbackOf(rule: DefaultRule | undefined, keys: readonly string[]): Fallback | null {
  if (rule === undefined) return null;
  if (typeof rule !== 'string') return { constant: rule.value };
  if (rule === LINE_ID) return { line: true };
  const key = keys.indexOf(rule);
  return key >= 0 ? { key } : { constant: rule };
}

function missingMapped(file: string, kind: ImportKind, key: string, name: string, display: readonly string[]): Problem {
  const near = closestMatch(name, display);
  return {
    file, line: 1, column: key, value: name,
    rule: `sources.${kind}.columns.${key} names a column this file lacks${near ? `; closest header: "${near}"` : ''}; the header has: ${display.join(', ')}`,
  };
}

function missingRequired(file: string, kind: ImportKind, key: string, shape: Detected['shape'] | null, display: readonly string[]): Problem {
  const rule = shape?.columns[key];
  const expected = rule ? ruleOf(rule).from : [key];
  const near = expected.map((name) => closestMatch(name, display)).find((n) => n !== null);
  const from = shape ? `the ${shape.label} has none of: ${expected.join(', ')}` : `no column "${key}"`;
  return {
    file, line: 1, column: key, value: '',
    rule: `missing required column; ${from}${near ? `; closest header: "${near}"` : ''}; map one in sources.${kind}.columns.${key}; the header has: ${display.join(', ')}`,
  };
}
