import { describe, expect, it } from 'vitest';
import { PackingText } from './columns.ts';
import { repeatedIds } from './repeats.ts';

function ids(list: string[], firstLine = 2) {
  const text = new PackingText();
  for (const id of list) text.push(id);
  return { text: text.finish(), lines: Int32Array.from(list, (_, i) => firstLine + i) };
}

describe('repeatedIds', () => {
  it('gives the line where each repeated id was first seen, across files, and 0 for a new id', () => {
    const [first, second] = repeatedIds([ids(['A1', 'A2', 'A1', '', 'a1']), ids(['A2', 'B1', '', 'A1', 'A1'], 10)]);
    expect([...first]).toEqual([0, 0, 2, 0, 0]);
    expect([...second]).toEqual([3, 0, 5, 2, 2]);
  });

  it('finds every repeat among many ids', () => {
    const list = Array.from({ length: 50_000 }, (_, i) => `A-${i % 40_000}`);
    const [found] = repeatedIds([ids(list)]);
    expect(found.filter((line) => line > 0)).toHaveLength(10_000);
    expect(found[45_000]).toBe(5_002);
  });
});
