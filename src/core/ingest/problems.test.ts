import { describe, expect, it } from 'vitest';
import { ProblemLog, type Problem } from './problems.ts';

const problem = (line: number, rule: string): Problem => ({ file: 'a.csv', line, column: 'c', value: String(line), rule });

/** One log that took the problems one by one, in the order given. */
function inOnePass(problems: Problem[]): ProblemLog {
  const log = new ProblemLog();
  for (const p of problems) log.add(p);
  return log;
}

describe('ProblemLog.addByLine', () => {
  it('merges a file\'s problems and those checked after it as one pass in line order would have them', () => {
    const streamed = [problem(1, 'missing column; x'), problem(3, 'bad date'), problem(3, 'required'), problem(7, 'bad date')];
    const after = [problem(2, 'refers to a missing deal'), problem(5, 'duplicate id; first seen on line 2'), problem(9, 'refers to a missing deal')];
    const log = new ProblemLog();
    log.add(problem(0, 'earlier file'));
    log.addByLine(inOnePass(streamed), inOnePass(after));
    const once = inOnePass([problem(0, 'earlier file'), ...[...streamed, ...after].sort((a, b) => a.line - b.line)]);
    expect(log.kept).toEqual(once.kept);
    expect([...log.countByRule]).toEqual([...once.countByRule]);
    expect(log.total).toBe(8);
  });

  it('keeps the first 10,000 problems in line order and counts every one, rules first seen past them in line order too', () => {
    const streamed = Array.from({ length: 12_000 }, (_, i) => problem(2 * i + 2, i === 11_000 ? 'late rule' : 'bad date'));
    const after = Array.from({ length: 6_000 }, (_, i) => problem(2 * i + 3, i === 5_999 ? 'later rule' : i === 5_000 ? 'earlier rule' : 'refers to a missing deal'));
    const log = new ProblemLog();
    log.addByLine(inOnePass(streamed), inOnePass(after));
    const once = inOnePass([...streamed, ...after].sort((a, b) => a.line - b.line));
    expect(log.kept).toEqual(once.kept);
    expect([...log.countByRule]).toEqual([...once.countByRule]);
    expect(log.total).toBe(18_000);
  });

  it('carries knock-on problems over: counted by cause, file and rule, the first ten lines kept, none among the problems of their own', () => {
    const log = new ProblemLog();
    log.addKnockOn(problem(4, 'refers to a missing deal'), 'deals.csv');
    const file = new ProblemLog();
    for (let line = 10; line < 22; line++) file.addKnockOn(problem(line, 'refers to a missing deal'), 'deals.csv');
    file.addKnockOn({ ...problem(30, 'refers to a missing deal'), file: 'b.csv' }, 'deals.csv');
    log.addByLine(new ProblemLog(), file);
    expect(log.knockOns).toEqual([{
      cause: 'deals.csv',
      total: 14,
      groups: [
        { file: 'a.csv', rule: 'refers to a missing deal', count: 13, lines: [4, 10, 11, 12, 13, 14, 15, 16, 17, 18] },
        { file: 'b.csv', rule: 'refers to a missing deal', count: 1, lines: [30] },
      ],
    }]);
    expect([log.total, log.knockOnTotal, log.ownTotal, log.kept.length]).toEqual([14, 14, 0, 0]);
  });
});
