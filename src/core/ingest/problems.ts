/**
 * Validation problems: every broken cell or row is one problem that names
 * file, line, column, value and rule. All are counted; only the first
 * `KEEP` are kept in full, so a 100 MB file of garbage cannot exhaust memory.
 * A problem that only follows from another file's problems (an activity of a
 * deal whose row was rejected) is a knock-on: folded under its cause, so the
 * problems to fix come first (src/site/present/problemLines.ts words them).
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
/** Lines kept of each group of knock-on problems: enough to find them. */
const KNOCK_ON_LINES = 10;

/** Knock-on problems of one file and rule. */
export interface KnockOnGroup {
  file: string;
  rule: string;
  count: number;
  /** The first lines (at most KNOCK_ON_LINES), in the order found. */
  lines: number[];
}

/**
 * The knock-on problems of one cause: references to deals that a file with
 * problems of its own would have defined (a rejected row, rows that could
 * not be read), folded under that file. They go away when it is fixed.
 */
export interface KnockOns {
  /** The file whose own problems left these references without their deal. */
  cause: string;
  total: number;
  /** By file and rule, most first. */
  groups: KnockOnGroup[];
}

export class ProblemLog {
  /** The first KEEP problems of their own (knock-on problems are only counted, by group). */
  readonly kept: Problem[] = [];
  /** Problems of their own, by rule. */
  readonly countByRule = new Map<string, number>();
  /** The line each rule was first seen on: logs kept apart for one file merge in line order. */
  readonly firstLineOfRule = new Map<string, number>();
  /** Every problem, knock-ons included: the data is valid only when it is 0. */
  total = 0;
  knockOnTotal = 0;
  private readonly causes = new Map<string, Map<string, KnockOnGroup>>();

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
    this.addKnockOns(a);
    this.addKnockOns(b);
  }

  /** A problem that follows from `cause`'s own problems: counted in its group (cause, file, rule). */
  addKnockOn(problem: Problem, cause: string): void {
    this.total++;
    this.knockOnTotal++;
    let groups = this.causes.get(cause);
    if (!groups) this.causes.set(cause, (groups = new Map()));
    const key = `${problem.file}\u0000${problem.rule}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { file: problem.file, rule: problem.rule, count: 0, lines: [] }));
    group.count++;
    if (group.lines.length < KNOCK_ON_LINES) group.lines.push(problem.line);
  }

  /** Problems of their own (not knock-ons). */
  get ownTotal(): number {
    return this.total - this.knockOnTotal;
  }

  /** The knock-on problems by cause, in the order first seen. */
  get knockOns(): KnockOns[] {
    return [...this.causes].map(([cause, groups]) => {
      const sorted = [...groups.values()].sort((a, b) => b.count - a.count);
      return { cause, total: sorted.reduce((sum, g) => sum + g.count, 0), groups: sorted };
    });
  }

  /** Another log's knock-on problems, added group by group (a file's knock-ons come from one of its logs: references.ts). */
  private addKnockOns(from: ProblemLog): void {
    this.knockOnTotal += from.knockOnTotal;
    for (const [cause, groups] of from.causes) {
      let into = this.causes.get(cause);
      if (!into) this.causes.set(cause, (into = new Map()));
      for (const [key, group] of groups) {
        const same = into.get(key);
        if (!same) into.set(key, { ...group, lines: [...group.lines] });
        else {
          same.count += group.count;
          same.lines.push(...group.lines.slice(0, KNOCK_ON_LINES - same.lines.length));
        }
      }
    }
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
