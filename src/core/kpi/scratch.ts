/**
 * Reusable per-lead marks for counting distinct leads in a scope and period
 * without allocating a Set per (scope, period): a lead is marked in the
 * current pass when its stamp equals the pass number.
 */
export interface LeadMarks {
  stamp: Int32Array;
  /** A day remembered per marked lead (e.g. its first touch in the period). */
  day: Int32Array;
}

const marksByFacts = new WeakMap<object, { marks: LeadMarks[]; pass: number }>();

/** `count` independent mark sets for `leadCount` leads, and a fresh pass number. */
export function leadMarks(owner: object, leadCount: number, count: number): { marks: LeadMarks[]; pass: number } {
  let state = marksByFacts.get(owner);
  if (!state || state.marks.length < count) {
    state = {
      marks: Array.from({ length: count }, () => ({ stamp: new Int32Array(leadCount), day: new Int32Array(leadCount) })),
      pass: 0,
    };
    marksByFacts.set(owner, state);
  }
  state.pass++;
  return state;
}
