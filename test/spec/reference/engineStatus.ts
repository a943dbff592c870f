/**
 * What the engine under test is known to do, for the comparison tests. Flip
 * a flag once the engine does it: the generator then writes the data that
 * exercises it, and the tests that expect a disagreement must now agree.
 */

/**
 * The v2 engine (KPI-SPEC 2.1) is in: `pipeline.open` without overdue deals
 * (and openByStage, coverage, focus with it), §7 `outlook`, `staleDays` in the
 * config.
 */
export const V2_ENGINE = true;

/** Engine disagreements this comparison found, each shown on a minimal data set in engineDisagreements.test.ts. */
export const ENGINE_FIXED = {
  /** §6 ties by id in code-point order: today the engine compares UTF-16 units ("A-😀" before "A-！"). */
  astralIdTies: true,
  /** §6 (2.1): same-day stage history rows ordered by instant when they carry a time (else file order). */
  timedHistory: true,
};
