/**
 * Columns that grow as rows stream in: typed arrays, strings interned to
 * codes, and many short strings packed into one array of UTF-16 units.
 * A million rows then make a handful of objects instead of a million, so the
 * garbage collector has next to nothing to copy, and the arrays can be
 * handed to another thread without copying (transferred).
 */
/** No value: an empty optional cell, in a column of codes or row indexes. */
export const NONE = -1;

type TypedArray = Int32Array | Float64Array | Uint8Array;

/** A typed array that doubles when full; `finish` gives exactly the values pushed. */
export class Growing<A extends TypedArray> {
  private data: A;
  private readonly make: (size: number) => A;
  length = 0;

  constructor(make: (size: number) => A) {
    this.make = make;
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data as never);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index];
  }

  finish(): A {
    return this.data.slice(0, this.length) as A;
  }
}

export const ints = () => new Growing((n) => new Int32Array(n));
export const floats = () => new Growing((n) => new Float64Array(n));
export const bytes = () => new Growing((n) => new Uint8Array(n));

/** A column of strings as codes: `names[codes[row]]`, NONE for no value. */
export interface Interned {
  codes: Int32Array;
  names: string[];
}

/** Gives each distinct string a code, in order of first sight. */
export class Interner {
  readonly names: string[] = [];
  private readonly byName = new Map<string, number>();

  code(name: string | undefined): number {
    if (name === undefined) return NONE;
    let code = this.byName.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.byName.set(name, code);
      this.names.push(name);
    }
    return code;
  }
}

/** Strings packed end to end: row i is `units[starts[i]]` up to `units[starts[i + 1]]`. */
export interface PackedText {
  units: Uint16Array;
  starts: Int32Array;
}

export class PackingText {
  private units = new Uint16Array(1 << 12);
  private used = 0;
  private readonly starts = ints();

  constructor() {
    this.starts.push(0);
  }

  push(text: string): void {
    if (this.used + text.length > this.units.length) {
      const bigger = new Uint16Array(Math.max(this.units.length * 2, this.used + text.length));
      bigger.set(this.units);
      this.units = bigger;
    }
    for (let i = 0; i < text.length; i++) this.units[this.used++] = text.charCodeAt(i);
    this.starts.push(this.used);
  }

  /** Whether row `row` holds `text`. */
  equals(row: number, text: string): boolean {
    const start = this.starts.at(row);
    if (this.starts.at(row + 1) - start !== text.length) return false;
    for (let i = 0; i < text.length; i++) if (this.units[start + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  finish(): PackedText {
    return { units: this.units.slice(0, this.used), starts: this.starts.finish() };
  }
}

/** The string of row `row` (built a slice at a time: a spread of a whole long cell could overflow the call stack). */
export function textAt(text: PackedText, row: number): string {
  let out = '';
  for (let at = text.starts[row], end = text.starts[row + 1]; at < end; at += 4096) {
    out += String.fromCharCode(...text.units.subarray(at, Math.min(end, at + 4096)));
  }
  return out;
}
