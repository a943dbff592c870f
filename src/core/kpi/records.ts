/**
 * A record keyed by names from the data (reps, teams, stages, sources,
 * channels): no prototype, so a rep called `toString` or `__proto__` is a
 * key like any other — looked up as undefined until set, never Object's own
 * method, never a prototype change. JSON.stringify writes it exactly as a
 * plain object.
 */
export function nameRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
