/**
 * Validation problems: every broken cell or row is one problem that names
 * file, line, column, value and rule. All are counted; only the first
 * `KEEP` are kept in full, so a 100 MB file of garbage cannot exhaust memory.
 */

export interface Problem {
  file: string;
  /** 1-based physical line of the row's start in the file (the header is line 1); 0 for the file as a whole. */
  line: number;
  /** Column name as written in the canonical schema ('' when the problem is the whole row or file). */
  column: string;
  value: string;
  rule: string;
}

const KEEP = 10_000;

export class ProblemLog {
  readonly kept: Problem[] = [];
  readonly countByRule = new Map<string, number>();
  /** The line each rule was first seen on: logs kept apart for one file merge in line order. */
  readonly firstLineOfRule = new Map<string, number>();
  total = 0;

  add(problem: Problem): void {
    this.total++;
    if (this.kept.length < KEEP) this.kept.push(problem);
    // Rules that embed a value (e.g. a list of headers) still group by their first clause.
    const rule = problem.rule.split(';')[0];
    const count = this.countByRule.get(rule);
    if (count === undefined) this.firstLineOfRule.set(rule, problem.line);
    this.countByRule.set(rule, (count ?? 0) + 1);
  }

  /**
   * Adds two logs of one file, each in line order (what streamed by, and
   * what was checked after the file: references to deals), as if their
   * problems had come in one pass in line order: kept problems and rules
   * seen first are merged by line, a's first on a tie.
   */
  addByLine(a: ProblemLog, b: ProblemLog = new ProblemLog()): void {
    for (const p of mergeByLine(a.kept, b.kept, (p) => p.line)) {
      if (this.kept.length >= KEEP) break;
      this.kept.push(p);
    }
    const line = ([rule, from]: [string, ProblemLog]) => from.firstLineOfRule.get(rule)!;
    const rules = (log: ProblemLog) => [...log.countByRule.keys()].map((rule): [string, ProblemLog] => [rule, log]);
    const done = new Set<string>();
    for (const [rule] of mergeByLine(rules(a), rules(b), line)) {
      if (done.has(rule)) continue;
      done.add(rule);
      const count = this.countByRule.get(rule);
      if (count === undefined) this.firstLineOfRule.set(rule, Math.min(a.firstLineOfRule.get(rule) ?? Infinity, b.firstLineOfRule.get(rule) ?? Infinity));
      this.countByRule.set(rule, (count ?? 0) + (a.countByRule.get(rule) ?? 0) + (b.countByRule.get(rule) ?? 0));
    }
    this.total += a.total + b.total;
  }

  /** A log passed between threads (a structured clone keeps the fields, not the class). */
  static revive(data: ProblemLog): ProblemLog {
    return Object.assign(new ProblemLog(), data);
  }
}

/** Two lists, each in order of `line`, as one; a's items first on a tie. */
function* mergeByLine<T>(a: readonly T[], b: readonly T[], line: (item: T) => number): Iterable<T> {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && line(a[i]) <= line(b[j]))) yield a[i++];
    else yield b[j++];
  }
}

/** `deals.csv:12 amount "abc": not a non-negative amount` */
export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  const column = p.column ? ` ${p.column}` : '';
  const value = p.value === '' && p.column ? ' (empty)' : p.value ? ` ${JSON.stringify(truncate(p.value))}` : '';
  return `${where}${column}${value}: ${p.rule}`;
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** The readable report: a count, the first `limit` problems (at most those kept), and a count per rule. */
export function summarizeProblems(log: ProblemLog, limit = 50): string {
  const lines = [`${log.total} problem${log.total === 1 ? '' : 's'} found in the data:`];
  const shown = log.kept.slice(0, limit);
  for (const p of shown) lines.push(`  ${formatProblem(p)}`);
  if (log.total > shown.length) lines.push(`  ... and ${log.total - shown.length} more`);
  lines.push('By rule:');
  const rules = [...log.countByRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [rule, count] of rules) lines.push(`  ${String(count).padStart(7)}  ${rule}`);
  return lines.join('\n');
}
