import { describe, expect, it } from 'vitest';
import { MAX_SLUG, slugify, slugsFor } from './slug.ts';

describe('slugify', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify('Maria Chen')).toBe('maria-chen');
    expect(slugify("James O'Brien")).toBe('james-obrien');
    expect(slugify('  Dana  Kowalski ')).toBe('dana-kowalski');
    expect(slugify('José Álvarez-Núñez')).toBe('jose-alvarez-nunez');
    expect(slugify('Mid-Market')).toBe('mid-market');
  });

  it('transliterates Cyrillic', () => {
    expect(slugify('Мария Щукина')).toBe('mariya-shchukina');
    expect(slugify('Пётр Ильин')).toBe('petr-ilin');
    expect(slugify('Андрей Йорк')).toBe('andrey-york');
  });

  it('is empty when no letter or digit is left', () => {
    expect(slugify('王伟')).toBe('');
    expect(slugify("'--'")).toBe('');
  });
});

describe('slugsFor', () => {
  it('keeps slugs unique and independent of input order', () => {
    const a = slugsFor(['Ann Lee', 'ann lee', 'Ann-Lee', '王伟', '李娜']);
    const b = slugsFor(['李娜', 'Ann-Lee', '王伟', 'ann lee', 'Ann Lee']);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    expect(new Set(a.values()).size).toBe(5);
    expect(a.get('Ann Lee')).toBe('ann-lee');
    expect(a.get('Ann-Lee')).toBe('ann-lee-2');
    expect(a.get('ann lee')).toBe('ann-lee-3');
    // Code-point order: 李 (U+674E) before 王 (U+738B).
    expect(a.get('李娜')).toBe('rep-1');
    expect(a.get('王伟')).toBe('rep-2');
  });
});

describe('long names', () => {
  it('are cut to MAX_SLUG with a hash of the whole name, so names alike at the start stay apart', () => {
    const long = `Maximilian-${'x'.repeat(222)}`;
    const slugs = slugsFor([long, `${long}y`, 'Ann']);
    expect(slugs.get('Ann')).toBe('ann');
    expect(slugs.get(long)!.length).toBeLessThanOrEqual(MAX_SLUG);
    expect(slugs.get(long)).toMatch(/^maximilian-x+-[0-9a-z]{7}$/);
    expect(slugs.get(long)).not.toBe(slugs.get(`${long}y`));
    expect(slugsFor([long]).get(long)).toBe(slugs.get(long));
  });
});

