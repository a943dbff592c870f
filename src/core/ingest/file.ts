/**
 * Validates one canonical CSV file row by row against its zod schema,
 * collecting every problem (file, line, column, value, rule) and the rows
 * that passed. Cross-row rules (duplicate ids, references to missing deals)
 * are checked here too, as the rows stream by.
 */
import type { z } from 'zod';
import { REQUIRED_COLUMNS, type FileKind } from '../schema/rows.ts';
import { readCsv, type CsvSource } from './csv.ts';
import type { ProblemLog } from './problems.ts';
import { UniqueIds } from './uniqueIds.ts';

export interface FileChecks {
  /** Column whose value must be unique in the file. */
  uniqueColumn?: string;
  /** Column whose non-empty value must be an id in this set, and what that set holds. */
  reference?: { column: string; ids: ReadonlySet<string>; what: string };
}

/**
 * A field schema whose results are remembered per distinct cell text: dates,
 * owners, stages, types and lead ids repeat across a million rows, so most
 * cells cost one map lookup, and equal values share one string in memory
 * (fewer objects for the garbage collector to copy). A column of mostly
 * distinct values (row ids) gains nothing, so after `PROBE` cells with fewer
 * than half of them repeats it stops being remembered.
 */
function memoized(field: z.ZodType) {
  let seen: Map<string, z.ZodSafeParseResult<unknown>> | null = new Map();
  let lookups = 0;
  let repeats = 0;
  return {
    check(value: string): z.ZodSafeParseResult<unknown> {
      if (seen === null) return field.safeParse(value);
      let result = seen.get(value);
      lookups++;
      if (result !== undefined) repeats++;
      else seen.set(value, (result = field.safeParse(value)));
      if (lookups === PROBE && repeats * 2 < lookups) seen = null;
      return result;
    },
  };
}

const PROBE = 10_000;

/**
 * A function that builds a row object from its values in key order, as one
 * object literal: V8 gives every row the same shape at once, instead of
 * growing each object key by key (measured ~3x faster on a million rows).
 */
function rowFactory(keys: readonly string[]): (values: readonly unknown[]) => Record<string, unknown> {
  const fields = keys.map((key, i) => `${JSON.stringify(key)}: v[${i}]`).join(', ');
  return new Function('v', `return { ${fields} };`) as (values: readonly unknown[]) => Record<string, unknown>;
}

/** Reads, validates and returns the valid rows of one file; problems go to `log`. */
export async function ingestFile<S extends z.ZodObject>(
  kind: FileKind,
  fileName: string,
  source: CsvSource,
  schema: S,
  log: ProblemLog,
  checks: FileChecks = {},
): Promise<z.output<S>[]> {
  const keys = Object.keys(schema.shape);
  const fields = keys.map((key) => memoized(schema.shape[key] as z.ZodType));
  const makeRow = rowFactory(keys);
  const values: unknown[] = new Array(keys.length);
  const rows: z.output<S>[] = [];
  const seenIds = new UniqueIds();
  let columnIndex: number[] = [];
  let usable = false;

  await readCsv(source, {
    header(names) {
      columnIndex = keys.map((key) => names.indexOf(key));
      const missing = REQUIRED_COLUMNS[kind].filter((key) => !names.includes(key));
      for (const column of missing) {
        log.add({ file: fileName, line: 1, column, value: '', rule: `missing required column; the header has: ${names.join(', ')}` });
      }
      usable = missing.length === 0;
    },
    malformed(line, message) {
      log.add({ file: fileName, line, column: '', value: '', rule: `unreadable row (${message})` });
    },
    row(cells, line) {
      if (!usable) return;
      let valid = true;
      for (let k = 0; k < keys.length; k++) {
        const index = columnIndex[k];
        const value = index >= 0 ? (cells[index] ?? '') : '';
        const result = fields[k].check(value);
        if (result.success) values[k] = result.data;
        else {
          valid = false;
          for (const issue of result.error.issues) log.add({ file: fileName, line, column: keys[k], value, rule: issue.message });
        }
      }
      if (!valid) return;
      const row = makeRow(values);
      if (checks.uniqueColumn) {
        const id = row[checks.uniqueColumn] as string;
        const first = seenIds.firstLineOf(id, line);
        if (first !== undefined) {
          log.add({ file: fileName, line, column: checks.uniqueColumn, value: id, rule: `duplicate id; first seen on line ${first}` });
          return;
        }
      }
      if (checks.reference) {
        const { column, ids, what } = checks.reference;
        const id = row[column] as string | undefined;
        if (id !== undefined && !ids.has(id)) {
          log.add({ file: fileName, line, column, value: id, rule: `refers to a missing ${what}` });
          return;
        }
      }
      rows.push(row as z.output<S>);
    },
  });
  if (columnIndex.length === 0) log.add({ file: fileName, line: 0, column: '', value: '', rule: 'empty file: no header row' });
  return rows;
}
