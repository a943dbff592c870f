import { describe, expect, it } from 'vitest';
import { Throttle } from './throttle.ts';

describe('Throttle', () => {
  it('lets five wrong guesses pass, then doubles the wait from 1 s up to 5 minutes', () => {
    const throttle = new Throttle();
    const waits = Array.from({ length: 15 }, (_, i) => throttle.failed('1.2.3.4', 1000 + i * 1000));
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300]);
    expect(throttle.wait('1.2.3.4', 15_000)).toBe(300);
    expect(throttle.wait('1.2.3.4', 15_300)).toBe(0);
    expect(throttle.wait('5.6.7.8', 14_000)).toBe(0);
  });

  it('makes a client wait until its time is up; a right guess or an hour forgets it', () => {
    const throttle = new Throttle();
    for (let i = 0; i < 8; i++) throttle.failed('a', 100);
    expect(throttle.wait('a', 100)).toBe(4);
    expect(throttle.wait('a', 102.5)).toBe(2);
    expect(throttle.wait('a', 104)).toBe(0);
    throttle.succeeded('a');
    expect(throttle.failed('a', 104)).toBe(0);
    for (let i = 0; i < 8; i++) throttle.failed('b', 100);
    expect(throttle.failed('b', 100 + 3601)).toBe(0);
  });

  it('remembers at most its limit of clients, dropping the least recent', () => {
    const throttle = new Throttle(2);
    for (const client of ['a', 'b', 'a', 'c']) for (let i = 0; i < 6; i++) throttle.failed(client, 10);
    expect(throttle.wait('a', 10)).toBeGreaterThan(0);
    expect(throttle.wait('c', 10)).toBeGreaterThan(0);
    expect(throttle.wait('b', 10)).toBe(0);
  });
});
