/**
 * Parses the config text, turning JSON syntax errors and schema issues into
 * problems that name the line and the key path, like any other file; an
 * unknown key or value gets the closest known one as a hint.
 */
import type { z } from 'zod';
import { configSchema, type Config } from '../schema/config.ts';
import { IMPORT_KINDS, SOURCE_KEYS } from '../schema/sources.ts';
import { closestMatch } from './closest.ts';
import type { Problem } from './problems.ts';

function lineOfOffset(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Line of the first occurrence of `"key"` for the last key of a path; 1 when not found. */
function lineOfKey(text: string, path: PropertyKey[]): number {
  const key = [...path].reverse().find((p) => typeof p === 'string');
  if (key === undefined) return 1;
  const at = text.indexOf(JSON.stringify(key));
  return at >= 0 ? lineOfOffset(text, at) : 1;
}

function valueAt(json: unknown, path: PropertyKey[]): string {
  let value: unknown = json;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

interface Def {
  type: string;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
  shape?: Record<string, unknown>;
}
const defOf = (schema: unknown) => (schema as { def?: Def } | undefined)?.def;

/** The keys an object at `path` of the config may have (read from the schema itself, so new keys need no list here). */
function keysAt(path: readonly PropertyKey[]): readonly string[] {
  // Sources are dispatched by hand (sources.ts), so their keys come from there.
  if (path[0] === 'sources') return path.length === 1 ? IMPORT_KINDS : SOURCE_KEYS;
  let schema: unknown = configSchema;
  for (const segment of [...path, null]) {
    for (let def = defOf(schema); def && (def.innerType ?? def.in) !== undefined; def = defOf(schema)) schema = def.innerType ?? def.in;
    if (segment === null) break;
    const def = defOf(schema);
    schema = typeof segment === 'number' ? def?.element : def?.shape?.[segment as string];
  }
  return Object.keys(defOf(schema)?.shape ?? {});
}

/** The rule of one schema issue, with a "did you mean" where a close known key or value exists. */
function ruleOf(issue: z.core.$ZodIssue, json: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(issue.path);
    const hints = issue.keys.map((key) => closestMatch(key, known)).filter((k) => k !== null);
    const hint = hints.length > 0 ? ` — did you mean ${hints.join(', ')}?` : '';
    return `unknown key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}${hint}`;
  }
  if (issue.code === 'invalid_value') {
    const near = closestMatch(valueAt(json, issue.path), issue.values.map(String));
    return near === null ? issue.message : `${issue.message} — did you mean ${near}?`;
  }
  // A record key such as a rate's currency: its own rule says more than "Invalid key in record".
  if (issue.code === 'invalid_key') return `${issue.issues[0]?.message ?? issue.message}, not "${String(issue.path.at(-1))}"`;
  return issue.message;
}

export function configProblems(file: string, text: string): { config: Config } | { problems: Problem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message);
    const line = offset ? lineOfOffset(text, Number(offset[1])) : 1;
    return { problems: [{ file, line, column: '', value: '', rule: `not valid JSON (${message})` }] };
  }
  const result = configSchema.safeParse(json);
  if (result.success) return { config: result.data };
  return {
    problems: result.error.issues.map((issue) => {
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
      return { file, line: lineOfKey(text, path), column: path.join('.'), value: valueAt(json, path), rule: ruleOf(issue, json) };
    }),
  };
}
