/**
 * Remembers the ids of a file and the line each was first seen on, to report
 * duplicates. An open-addressing table of 32-bit string hashes in typed
 * arrays, each slot holding its id's hash, so a new id (nearly every id) is
 * placed without reading another id; the ids themselves are packed into one
 * array of units, read only when two hashes are equal. A million ids cost a
 * few MB and no retained string (a Map of a million fresh strings costs ~1 s,
 * measured, mostly in cache misses and the garbage collector).
 */
import { ints, PackingText } from './columns.ts';

export class UniqueIds {
  private readonly text = new PackingText();
  private readonly lines = ints();
  private count = 0;
  /** Two numbers a slot, side by side in memory: the index of its id plus one (0 = empty), and the id's hash. */
  private slots = new Int32Array(2 << 12);

  /** Records `id` on `line`; returns the first line when `id` was seen before, else undefined. */
  firstLineOf(id: string, line: number): number | undefined {
    if (this.count * 4 >= this.slots.length) this.grow();
    const h = hash(id);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot];
      if (entry === 0) {
        this.text.push(id);
        this.lines.push(line);
        slots[2 * slot] = ++this.count;
        slots[2 * slot + 1] = h;
        return undefined;
      }
      if (slots[2 * slot + 1] === h && this.text.equals(entry - 1, id)) return this.lines.at(entry - 1);
    }
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] === 0) continue;
      let slot = old[at + 1] & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = old[at];
      slots[2 * slot + 1] = old[at + 1];
    }
    this.slots = slots;
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}
