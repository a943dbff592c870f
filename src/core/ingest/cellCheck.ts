/**
 * One column's check of its cells, derived from the column's zod schema.
 *
 * The schema stays the single source of truth. It is compiled once into a
 * plain function that calls zod's own checks and transforms in zod's order,
 * without its per-cell machinery (a context, a payload and a result object
 * for each cell): a million cells of ids cost ~0.5 s through `safeParse`,
 * a few hundredths so. A cell the compiled function does not pass is
 * parsed by zod itself, so a problem's rule is always zod's message; a
 * schema node the compiler does not know leaves the column to zod entirely.
 *
 * On top, results are remembered per distinct cell text (dates, owners,
 * stages, types and lead ids repeat across a million rows), unless the
 * column mostly holds distinct values (row ids: `Remember`).
 */
import type { z } from 'zod';

/** What a check gives for a cell that is not valid. */
export class Invalid {
  /** zod's messages, one per issue: the rules shown to the user. */
  readonly messages: readonly string[];
  constructor(messages: readonly string[]) {
    this.messages = messages;
  }
}

const FAILED = Symbol('failed');

interface Payload extends z.core.ParsePayload {
  addIssue(issue: unknown): void;
}

type Run = (value: unknown, payload: Payload) => unknown;

/** A schema node as a function of the value, giving FAILED on any issue; null for a node zod must run itself. */
function compile(schema: z.core.$ZodType): Run | null {
  // A node that is itself a check (a string format: email, uuid…) runs in ways this does not follow.
  if (schema._zod.traits.has('$ZodCheck')) return null;
  const parse = compileParse(schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>);
  const checks = (schema._zod.def.checks ?? []).map((c) => c._zod);
  if (parse === null || checks.length === 0) return parse;
  // zod's order: the node's own parse, then its checks (a string's trim and min length, a refinement of anything).
  return (value, payload) => {
    const out = parse(value, payload);
    if (out === FAILED) return FAILED;
    payload.value = out;
    for (const check of checks) {
      if (check.def.when && !check.def.when(payload)) continue;
      if (check.check(payload as never) instanceof Promise || payload.issues.length > 0) return FAILED;
    }
    return payload.value;
  };
}

/** The node's own parse, before its checks. */
function compileParse(def: z.core.$ZodTypeDef & Record<string, unknown>): Run | null {
  switch (def.type) {
    case 'string':
      return def.coerce ? null : (value) => (typeof value === 'string' ? value : FAILED);
    case 'pipe': {
      const first = compile(def.in as z.core.$ZodType);
      const then = compile(def.out as z.core.$ZodType);
      if (first === null || then === null) return null;
      return (value, payload) => {
        const left = first(value, payload);
        return left === FAILED ? FAILED : then(left, payload);
      };
    }
    case 'transform': {
      const transform = def.transform as (value: unknown, payload: Payload) => unknown;
      return (value, payload) => {
        payload.value = value;
        const out = transform(value, payload);
        return out instanceof Promise || payload.issues.length > 0 ? FAILED : out;
      };
    }
    case 'optional': {
      const inner = def.innerType as z.core.$ZodType;
      const run = inner._zod.optin === 'defaulted' ? null : compile(inner);
      return run && ((value, payload) => (value === undefined ? undefined : run(value, payload)));
    }
    case 'union': {
      const runs = (def.options as z.core.$ZodType[]).map(compile);
      if (runs.some((run) => run === null)) return null;
      return (value, payload) => {
        for (const run of runs as Run[]) {
          payload.issues.length = 0;
          const out = run(value, payload);
          if (out !== FAILED) return out;
        }
        return FAILED;
      };
    }
    default:
      return null;
  }
}

/** The value of a cell as the schema gives it, or Invalid with zod's messages. */
export function compileCheck(schema: z.ZodType): (cell: string) => unknown {
  const run = compile(schema);
  const payload: Payload = { value: undefined, issues: [], addIssue: (issue) => payload.issues.push(issue as z.core.$ZodRawIssue) };
  const byZod = (cell: string): unknown => {
    const result = schema.safeParse(cell);
    return result.success ? result.data : new Invalid(result.error.issues.map((issue) => issue.message));
  };
  if (run === null) return byZod;
  return (cell) => {
    payload.issues.length = 0;
    const out = run(cell, payload);
    return out === FAILED ? byZod(cell) : out;
  };
}

const PROBE = 10_000;
/** Stands for a remembered `undefined` (an empty optional cell), so one map lookup tells it from a cell not seen yet. */
const NOTHING = Symbol('nothing');

/**
 * Which cells to remember: `probe` while fewer than half of the first
 * `PROBE` are new; `always` for a column whose values are kept anyway (an
 * interned name: remembering costs no more memory, and saves the check);
 * `never` for a column of ids, each one new.
 */
export type Remember = 'probe' | 'always' | 'never';

/**
 * A column's check with its results remembered per distinct cell text, each
 * passed through `encode` once (a day number, an interned name's code).
 */
export function columnCheck<T>(schema: z.ZodType, encode: (value: unknown) => T, remember: Remember = 'probe'): (cell: string) => T | Invalid {
  const check = compileCheck(schema);
  const fresh = (cell: string): T | Invalid => {
    const value = check(cell);
    return value instanceof Invalid ? value : encode(value);
  };
  if (remember === 'never') return fresh;
  let seen: Map<string, T | Invalid | typeof NOTHING> | null = new Map();
  let lookups = 0;
  let repeats = 0;
  // The cell above, often the same (a day's activities, one rep's rows): a compare is cheaper than a lookup.
  let previous = '';
  let previousResult: T | Invalid | typeof NOTHING | undefined;
  return (cell) => {
    if (seen === null) return fresh(cell);
    if (cell === previous && previousResult !== undefined) return previousResult === NOTHING ? (undefined as T) : previousResult;
    let result = seen.get(cell);
    lookups++;
    if (result !== undefined) repeats++;
    else {
      const value = fresh(cell);
      seen.set(cell, value === undefined ? NOTHING : value);
      result = value;
    }
    if (lookups === PROBE && remember === 'probe' && repeats * 2 < lookups) seen = null;
    previous = cell;
    previousResult = result === undefined ? NOTHING : result;
    return result === NOTHING ? (undefined as T) : (result as T | Invalid);
  };
}
