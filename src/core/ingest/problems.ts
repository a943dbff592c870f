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
  total = 0;

  add(problem: Problem): void {
    this.total++;
    if (this.kept.length < KEEP) this.kept.push(problem);
    // Rules that embed a value (e.g. a list of headers) still group by their first clause.
    const rule = problem.rule.split(';')[0];
    this.countByRule.set(rule, (this.countByRule.get(rule) ?? 0) + 1);
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
