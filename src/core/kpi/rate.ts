/** A ratio that is null, never NaN or Infinity, when the denominator is 0 (KPI-SPEC §5). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
