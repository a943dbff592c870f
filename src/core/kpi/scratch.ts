/**
 * Reusable marks for counting distinct leads or accounts in a scope and
 * period without allocating a Set per (scope, period): an item is marked in
 * the current pass when its stamp equals the pass number.
 */
export interface Marks {
  stamp: Int32Array;
  /** A day remembered per marked item (e.g. a lead's first touch in the period). */
  day: Int32Array;
}

interface State { marks: Marks[]; pass: number }

const statesByOwner = new WeakMap<object, Map<string, State>>();

/**
 * `count` mark sets over `size` items, kept per `owner` (the Facts) and
 * `purpose`, and a fresh pass number. Single-threaded use only.
 */
export function scratchMarks(owner: object, purpose: string, size: number, count: number): State {
  let states = statesByOwner.get(owner);
  if (!states) statesByOwner.set(owner, (states = new Map()));
  let state = states.get(purpose);
  if (!state) {
    state = { marks: Array.from({ length: count }, () => ({ stamp: new Int32Array(size), day: new Int32Array(size) })), pass: 0 };
    states.set(purpose, state);
  }
  state.pass++;
  return state;
}
