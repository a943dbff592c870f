/**
 * "Did you mean" for header names: the candidate nearest to a name by edit
 * distance (Levenshtein), compared case- and space-insensitively. Runs on
 * headers only, never per row, so the plain O(n·m) table is fine.
 */

/** Edit distance between two strings: insertions, deletions and substitutions cost 1. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

function fold(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

/**
 * The candidate closest to `name`, or null when none is close enough to be a
 * plausible typo: at most a third of the longer name's length, and at least 1
 * (so `close date` finds `Close_Date` and `closedate`, but `owner` does not find `amount`).
 */
export function closestMatch(name: string, candidates: readonly string[]): string | null {
  const target = fold(name);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const folded = fold(candidate);
    const distance = Math.min(editDistance(target, folded), editDistance(target.replace(/ /g, ''), folded.replace(/ /g, '')));
    const limit = Math.max(1, Math.floor(Math.max(target.length, folded.length) / 3));
    if (distance <= limit && distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}
