import { describe, expect, it } from 'vitest';
import { teamFocus, type MemberNumbers } from './teamFocus.ts';

const reps: MemberNumbers[] = [
  { name: 'Ann', focus: 'create', attainment: 0.4 },
  { name: 'Bob', focus: 'done', attainment: 1.3 },
  { name: 'Cy', focus: 'close', attainment: 0.81 },
  { name: 'Dee', focus: 'create', attainment: 0 },
  { name: 'Eve', focus: 'noQuota', attainment: null },
];

describe('teamFocus', () => {
  it('groups a running period by each rep’s focus, in table order', () => {
    const focus = teamFocus(reps, 'close', false);
    expect(focus).toEqual({
      phase: 'running',
      members: 5,
      teamDone: false,
      create: [{ name: 'Ann', attainment: 0.4 }, { name: 'Dee', attainment: 0 }],
      close: [{ name: 'Cy', attainment: 0.81 }],
      done: [{ name: 'Bob', attainment: 1.3 }],
      noQuota: [{ name: 'Eve', attainment: null }],
    });
  });

  it('marks a team at quota, so its reps under quota can be named', () => {
    expect(teamFocus(reps, 'done', false)).toMatchObject({ teamDone: true });
  });

  it('splits a period that is over into reached, under and no quota', () => {
    const focus = teamFocus(reps, 'create', true);
    expect(focus).toEqual({
      phase: 'complete',
      members: 5,
      reached: [{ name: 'Bob', attainment: 1.3 }],
      under: [{ name: 'Ann', attainment: 0.4 }, { name: 'Cy', attainment: 0.81 }, { name: 'Dee', attainment: 0 }],
      noQuota: [{ name: 'Eve', attainment: null }],
    });
  });
});
