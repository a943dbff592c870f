/**
 * URL slugs for reps and teams (`/reps/maria-chen/`): ASCII, stable for a
 * given set of names, unique within the set. Cyrillic is transliterated so
 * Russian names give readable URLs rather than percent-encoded ones.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};

/**
 * One name as a slug: lower case, accents dropped, Cyrillic transliterated,
 * apostrophes removed ("O'Brien" -> "obrien"), other runs of non-alphanumerics
 * -> "-". Empty when nothing is left (e.g. a name in Chinese characters).
 */
export function slugify(name: string): string {
  // Transliterate before stripping accents: NFKD would turn "й" into "и" + breve.
  const latin = [...name.toLowerCase().normalize('NFC')].map((c) => CYRILLIC[c] ?? c).join('');
  const dashed = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-');
  // Runs are single dashes now: at most one at each end.
  return dashed.slice(dashed.startsWith('-') ? 1 : 0, dashed.endsWith('-') ? -1 : undefined);
}

/** Longest slug: URLs and the CSV files named after it (`rep-<slug>-plan.csv`) stay far below a file name's 255 bytes. */
export const MAX_SLUG = 60;

/** FNV-1a of the name, in base 36: a short, stable tag for a slug that had to be cut. */
function shortHash(name: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36).padStart(7, '0');
}

/** A slug over MAX_SLUG cut at a word and tagged with the name's hash, so long names that start alike stay apart. */
function capped(slug: string, name: string): string {
  if (slug.length <= MAX_SLUG) return slug;
  const head = slug.slice(0, MAX_SLUG - 8);
  return `${head.endsWith('-') ? head.slice(0, -1) : head}-${shortHash(name)}`;
}

/**
 * Slugs for a set of names, unique: names are taken in code-point order, a
 * slug already taken gets `-2`, `-3`…, a name with no usable letters
 * becomes `<fallback>-<n>` (n counts from 1), and one longer than MAX_SLUG
 * is cut with a hash of the name after it. The same set always gives the
 * same slugs, whatever order the names come in.
 */
export function slugsFor(names: Iterable<string>, fallback = 'rep'): Map<string, string> {
  const sorted = [...new Set(names)].sort();
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  let unnamed = 0;
  for (const name of sorted) {
    const base = capped(slugify(name), name) || `${fallback}-${++unnamed}`;
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(name, slug);
  }
  return slugs;
}
