/**
 * Sentences with numbers in them: a dictionary template whose placeholders
 * are filled with cells (a KPI number keeps its `data-kpi` marks, a name
 * its link) or plain words, as a list of parts a component renders in order.
 */
import type { Cell } from './cell.ts';

/** A piece of a sentence: plain words, or a cell. */
export type Part = string | Cell;

/**
 * `template` with each `{name}` replaced by `values[name]` (a cell, words,
 * or a list of parts); an unknown placeholder stays visible as it is.
 */
export function partsOf(template: string, values: Record<string, Part | readonly Part[]>): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const value = Object.hasOwn(values, m[1]) ? values[m[1]] : m[0];
    parts.push(template.slice(at, m.index), ...(Array.isArray(value) ? value : [value as Part]));
    at = m.index + m[0].length;
  }
  parts.push(template.slice(at));
  // Adjacent words join, empty ones go: fewer text nodes to render.
  return parts.reduce<Part[]>((out, part) => {
    if (part === '') return out;
    const last = out[out.length - 1];
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else out.push(part);
    return out;
  }, []);
}

/** The parts as plain text (what a reader sees). */
export function partsText(parts: readonly Part[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}

/** Groups of parts (a name, or a name and its number) joined by `separator` (", "): a list. */
export function joined(groups: readonly (readonly Part[])[], separator: string): Part[] {
  return groups.flatMap((group, i) => (i === 0 ? group : [separator, ...group]));
}
