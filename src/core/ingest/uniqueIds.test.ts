import { describe, expect, it } from 'vitest';
import { UniqueIds } from './uniqueIds.ts';

describe('UniqueIds', () => {
  it('returns the first line of a repeated id, across table growth', () => {
    const ids = new UniqueIds();
    for (let i = 0; i < 20_000; i++) expect(ids.firstLineOf(`A-${i}`, i + 2)).toBeUndefined();
    expect(ids.firstLineOf('A-0', 99_999)).toBe(2);
    expect(ids.firstLineOf('A-19999', 99_999)).toBe(20_001);
    expect(ids.firstLineOf('a-0', 5)).toBeUndefined(); // ids are case-sensitive
    expect(ids.firstLineOf('', 6)).toBeUndefined();
    expect(ids.firstLineOf('', 7)).toBe(6);
  });
});
