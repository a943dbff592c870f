/**
 * When a rate rests on too few cases to judge. One rule for cards, tables,
 * charts and coaching, so "3 deals — too few to judge" reads the same
 * everywhere and no page shows a confident 100 % from two deals.
 *
 * Thresholds: a win rate needs at least 10 closed deals (won + lost): below
 * that one deal moves it by more than 10 points. Every other rate (stage
 * conversion, next-step rate, lead or channel conversion) needs at least 5
 * cases in its denominator (deals reached, first meetings, leads).
 */
export const SMALL = { closed: 10, cases: 5 } as const;

/** What a rate's denominator counts, for the words of the flag. */
export type CaseKind = 'deals' | 'meetings' | 'leads';

/** True when a win rate over `closed` deals is too small to judge (0 closed: no rate at all, also flagged). */
export function tooFewClosed(closed: number): boolean {
  return closed < SMALL.closed;
}

/** True when a rate over `cases` (deals reached, first meetings, leads) is too small to judge. */
export function tooFewCases(cases: number): boolean {
  return cases < SMALL.cases;
}
