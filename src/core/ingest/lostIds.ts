/**
 * What a file failed to define because of its own problems: the ids on the
 * rows it rejected, and the files some of whose rows (or all) could not be
 * read at all, so their ids are unknown. A reference to a missing id that
 * such a file would have defined is a knock-on problem (problems.ts), folded
 * under that file instead of drowning its real problems.
 */
export class LostIds {
  private readonly rejectedIn = new Map<string, string>();
  private readonly unreadable: string[] = [];

  /** A row with this id was rejected in `file` (an empty id counts as unreadable: which id it was is unknown). */
  rejected(id: string, file: string): void {
    const key = id.trim();
    if (key === '') this.unknown(file);
    else if (!this.rejectedIn.has(key)) this.rejectedIn.set(key, file);
  }

  /** Rows of `file` went unread (a broken header, an unreadable row, a missing file): any missing id may be theirs. */
  unknown(file: string): void {
    if (!this.unreadable.includes(file)) this.unreadable.push(file);
  }

  /** The file that would have defined `id`; null when no file's problems explain it (a reference problem of its own). */
  causeOf(id: string): string | null {
    return this.rejectedIn.get(id) ?? (this.unreadable.length > 0 ? this.unreadable.join(', ') : null);
  }

  /** Lost ids passed between threads (a structured clone keeps the fields, not the class). */
  static revive(data: LostIds): LostIds {
    return Object.assign(new LostIds(), data);
  }
}
