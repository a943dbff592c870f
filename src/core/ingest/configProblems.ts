/**
 * Parses the config text, turning JSON syntax errors and schema issues into
 * problems that name the line and the key path, like any other file.
 */
import { configSchema, type Config } from '../schema/config.ts';
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
      const rule = issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` : issue.message;
      return { file, line: lineOfKey(text, path), column: path.join('.'), value: valueAt(json, path), rule };
    }),
  };
}
