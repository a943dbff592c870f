/**
 * Activities and stage history as columns, not row objects (issue 14): they
 * are 1.3 of a big data set's 1.4 million rows, and a million retained
 * objects cost the garbage collector seconds. Each schema key is one column:
 * days as Int32Array, names (owners, leads, stages, sources) interned to
 * codes, ids packed into one array of units, a deal link as the index of the
 * deal in `dataset.deals`. Deals stay row objects: there are few, and the
 * site shows them by name.
 *
 * A table is built while its file streams in: the builder takes each valid
 * row's values, turned into codes by the column's check (cellCheck.ts)
 * once per distinct cell text. A deal link is kept as text until every
 * deal is read (references.ts), so a file can be read before its deals.
 */
import type { Activity, StageEntry } from '../schema/rows.ts';
import type { Remember } from './cellCheck.ts';
import { bytes, floats, ints, Interner, NONE, PackingText, type Growing, type Interned, type PackedText } from './columns.ts';

/** How a column is kept: packed text, a day number, an interned name, a deal index, present-or-not, an instant (NaN for none). */
export type ColumnKind = 'text' | 'day' | 'name' | 'deal' | 'flag' | 'instant';
export type Layout = Readonly<Record<string, ColumnKind>>;

/** `next_step` only matters as there or not (KPI-SPEC §3: first meetings with a next step), and an activity is never shown. */
export const ACTIVITY_COLUMNS = {
  id: 'text', date: 'day', owner: 'name', type: 'name', lead: 'name', source: 'name', deal: 'deal', next_step: 'flag',
} as const satisfies Record<keyof Activity, ColumnKind>;
export const STAGE_HISTORY_COLUMNS = { deal: 'deal', stage: 'name', entered: 'day', enteredAt: 'instant' } as const satisfies Record<keyof StageEntry, ColumnKind>;

type ColumnOf<K extends ColumnKind> = K extends 'text' ? PackedText : K extends 'name' ? Interned : K extends 'flag' ? Uint8Array : K extends 'instant' ? Float64Array : Int32Array;
export type Column = PackedText | Interned | Int32Array | Float64Array | Uint8Array;
export type Table<L extends Layout> = { readonly length: number } & { readonly [K in keyof L]: ColumnOf<L[K]> };
export type ActivityTable = Table<typeof ACTIVITY_COLUMNS>;
export type StageHistoryTable = Table<typeof STAGE_HISTORY_COLUMNS>;

/** A table as read from one file: deal links still as interned ids, and the line of every row. */
export interface ScannedTable {
  length: number;
  lines: Int32Array;
  columns: Record<string, Column>;
}

type Store =
  | { type: 'text'; text: PackingText }
  | { type: 'codes'; codes: Growing<Int32Array>; names: Interner }
  | { type: 'numbers'; kind: ColumnKind; values: Growing<Int32Array | Float64Array | Uint8Array> };

function storeOf(kind: ColumnKind): Store {
  if (kind === 'text') return { type: 'text', text: new PackingText() };
  if (kind === 'name' || kind === 'deal') return { type: 'codes', codes: ints(), names: new Interner() };
  return { type: 'numbers', kind, values: kind === 'instant' ? floats() : kind === 'flag' ? bytes() : ints() };
}

/** How a column keeps its checked values (cellCheck.ts). */
export interface Encoder {
  encode(value: unknown): unknown;
  remember: Remember;
}

/** Collects one file's valid rows into columns. */
export class TableBuilder {
  readonly keys: readonly string[];
  private readonly stores: Store[];
  private readonly encoders: ((value: unknown) => unknown)[];
  private readonly lines = ints();
  length = 0;

  constructor(layout: Layout) {
    this.keys = Object.keys(layout);
    this.stores = this.keys.map((key) => storeOf(layout[key]));
    this.encoders = this.keys.map((_, k) => this.encoder(k).encode);
  }

  /** How column k keeps a checked value: the number stored (a name's code), or the text itself; and which cells its check remembers. */
  encoder(k: number): Encoder {
    const store = this.stores[k];
    if (store.type === 'codes') return { encode: (value) => store.names.code(value as string | undefined), remember: 'always' };
    if (store.type === 'text') return { encode: (value) => value, remember: 'never' };
    if (store.kind === 'flag') return { encode: (value) => (value === undefined ? 0 : 1), remember: 'probe' };
    if (store.kind === 'instant') return { encode: (value) => (value === undefined ? NaN : value), remember: 'probe' };
    return { encode: (value) => value, remember: 'probe' };
  }

  /** One row's values from the encoders, in key order, and the line it starts on. */
  push(values: readonly unknown[], line: number): void {
    for (let k = 0; k < this.stores.length; k++) {
      const store = this.stores[k];
      if (store.type === 'text') store.text.push(values[k] as string);
      else if (store.type === 'codes') store.codes.push(values[k] as number);
      else store.values.push(values[k] as number);
    }
    this.lines.push(line);
    this.length++;
  }

  /** One row given as checked values by key, not read from cells (a deals export's stage history). */
  add(row: Readonly<Record<string, unknown>>, line: number): void {
    this.push(this.keys.map((key, k) => this.encoders[k](row[key])), line);
  }

  finish(): ScannedTable {
    const columns: Record<string, Column> = {};
    this.keys.forEach((key, k) => {
      const store = this.stores[k];
      if (store.type === 'text') columns[key] = store.text.finish();
      else if (store.type === 'codes') columns[key] = { codes: store.codes.finish(), names: store.names.names };
      else columns[key] = store.values.finish();
    });
    return { length: this.length, lines: this.lines.finish(), columns };
  }
}

/** Codes renumbered in order of first use, with the names they use: a name only rows left out had is gone. */
function compact(column: Interned): Interned {
  const renumber = new Int32Array(column.names.length).fill(NONE);
  const names: string[] = [];
  const codes = column.codes.map((code) => {
    if (code === NONE) return NONE;
    if (renumber[code] === NONE) renumber[code] = names.push(column.names[code]) - 1;
    return renumber[code];
  });
  return { codes, names };
}

function keepText(text: PackedText, keep: Uint8Array): PackedText {
  const starts = new Int32Array(keep.reduce((n, k) => n + k, 0) + 1);
  const units = new Uint16Array(text.units.length);
  let row = 0;
  let at = 0;
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    units.set(text.units.subarray(text.starts[i], text.starts[i + 1]), at);
    at += text.starts[i + 1] - text.starts[i];
    starts[++row] = at;
  }
  return { units: units.slice(0, at), starts };
}

function keepColumn(kind: ColumnKind, column: Column, keep: Uint8Array | null): Column {
  if (kind === 'text') return keep === null ? column : keepText(column as PackedText, keep);
  if (kind === 'name') {
    const { codes, names } = column as Interned;
    return compact({ codes: keep === null ? codes : codes.filter((_, i) => keep[i] === 1), names });
  }
  const values = column as Int32Array | Float64Array | Uint8Array;
  return keep === null ? values : values.filter((_, i) => keep[i] === 1);
}

/** The table of the rows whose `keep` is 1 (all rows for null); names interned while reading, by rows that were then left out, are dropped. */
export function tableOf<L extends Layout>(layout: L, columns: Record<string, Column>, length: number, keep: Uint8Array | null): Table<L> {
  const table: Record<string, Column | number> = { length: keep === null ? length : keep.reduce((n, k) => n + k, 0) };
  for (const key of Object.keys(layout)) table[key] = keepColumn(layout[key], columns[key], keep);
  return table as Table<L>;
}

function emptyColumn(kind: ColumnKind): Column {
  switch (kind) {
    case 'text': return { units: new Uint16Array(0), starts: Int32Array.of(0) };
    case 'name': return { codes: new Int32Array(0), names: [] };
    case 'flag': return new Uint8Array(0);
    case 'instant': return new Float64Array(0);
    default: return new Int32Array(0);
  }
}

export function emptyTable<L extends Layout>(layout: L): Table<L> {
  const table: Record<string, Column | number> = { length: 0 };
  for (const key of Object.keys(layout)) table[key] = emptyColumn(layout[key]);
  return table as Table<L>;
}

function concatColumn(kind: ColumnKind, a: Column, b: Column): Column {
  if (kind === 'text') {
    const [x, y] = [a as PackedText, b as PackedText];
    const units = new Uint16Array(x.units.length + y.units.length);
    units.set(x.units);
    units.set(y.units, x.units.length);
    const starts = new Int32Array(x.starts.length + y.starts.length - 1);
    starts.set(x.starts);
    for (let i = 1; i < y.starts.length; i++) starts[x.starts.length - 1 + i] = y.starts[i] + x.units.length;
    return { units, starts };
  }
  if (kind === 'name') {
    const [x, y] = [a as Interned, b as Interned];
    const names = new Interner();
    for (const name of x.names) names.code(name);
    const recode = y.names.map((name) => names.code(name));
    const codes = new Int32Array(x.codes.length + y.codes.length);
    codes.set(x.codes);
    codes.set(y.codes.map((code) => (code === NONE ? NONE : recode[code])), x.codes.length);
    return { codes, names: names.names };
  }
  const [x, y] = [a as Int32Array, b as Int32Array];
  const values = new (x.constructor as Int32ArrayConstructor)(x.length + y.length);
  values.set(x);
  values.set(y, x.length);
  return values;
}

/** The rows of `a`, then those of `b` (two files of one kind). */
export function concatTables<L extends Layout>(layout: L, a: Table<L>, b: Table<L>): Table<L> {
  const table: Record<string, Column | number> = { length: a.length + b.length };
  for (const key of Object.keys(layout)) table[key] = concatColumn(layout[key], a[key] as Column, b[key] as Column);
  return table as Table<L>;
}

/** A data set's stage history rows one at a time, as rows of the file (its deal by id): for small uses, not the engine. */
export function* stageEntries(history: StageHistoryTable, deals: readonly { id: string }[]): Iterable<StageEntry> {
  for (let row = 0; row < history.length; row++) {
    const at = history.enteredAt[row];
    yield { deal: deals[history.deal[row]].id, stage: history.stage.names[history.stage.codes[row]], entered: history.entered[row], enteredAt: Number.isNaN(at) ? undefined : at };
  }
}
