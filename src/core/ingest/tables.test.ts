import { describe, expect, it } from 'vitest';
import { NONE, textAt, type Interned } from './columns.ts';
import { linkDeals } from './references.ts';
import { concatTables, emptyTable, STAGE_HISTORY_COLUMNS, stageEntries, TableBuilder, tableOf } from './tables.ts';

const LAYOUT = { id: 'text', owner: 'name', day: 'day', at: 'instant', note: 'flag' } as const;

function build(rows: [string, string | undefined, number, number | undefined, string | undefined][]) {
  const builder = new TableBuilder(LAYOUT);
  const encoders = builder.keys.map((_, k) => builder.encoder(k).encode);
  rows.forEach((row, i) => builder.push(row.map((value, k) => encoders[k](value)), i + 2));
  return builder.finish();
}
const names = (column: Interned) => Array.from(column.codes, (code) => (code === NONE ? null : column.names[code]));

describe('tables', () => {
  it('keeps each column in its form, and the line of each row', () => {
    const scanned = build([['A1', 'Ann', 10, undefined, undefined], ['A2', undefined, 11, 5.5, 'call back']]);
    expect(scanned.lines).toEqual(Int32Array.of(2, 3));
    const table = tableOf(LAYOUT, scanned.columns, scanned.length, null);
    expect([textAt(table.id, 0), textAt(table.id, 1)]).toEqual(['A1', 'A2']);
    expect(names(table.owner)).toEqual(['Ann', null]);
    expect(table.day).toEqual(Int32Array.of(10, 11));
    expect(Array.from(table.at)).toEqual([NaN, 5.5]);
    expect(table.note).toEqual(Uint8Array.of(0, 1));
  });

  it('drops the rows left out, and the names only they had, renumbering the rest in order of first use', () => {
    const scanned = build([['A1', 'Cy', 1, undefined, undefined], ['A2', 'Bob', 2, undefined, undefined], ['A3', 'Ann', 3, undefined, undefined], ['A4', 'Bob', 4, undefined, undefined]]);
    const table = tableOf(LAYOUT, scanned.columns, scanned.length, Uint8Array.of(0, 1, 1, 1));
    expect(table.length).toBe(3);
    expect(table.owner).toEqual({ codes: Int32Array.of(0, 1, 0), names: ['Bob', 'Ann'] });
    expect([0, 1, 2].map((row) => textAt(table.id, row))).toEqual(['A2', 'A3', 'A4']);
  });

  it('joins two tables, the second one\'s names coded as the first\'s', () => {
    const a = build([['A1', 'Ann', 1, undefined, undefined]]);
    const b = build([['B1', 'Bob', 2, undefined, 'x'], ['B2', 'Ann', 3, undefined, undefined]]);
    const both = concatTables(LAYOUT, tableOf(LAYOUT, a.columns, a.length, null), tableOf(LAYOUT, b.columns, b.length, null));
    expect(both.length).toBe(3);
    expect(names(both.owner)).toEqual(['Ann', 'Bob', 'Ann']);
    expect(both.owner.names).toEqual(['Ann', 'Bob']);
    expect([0, 1, 2].map((row) => textAt(both.id, row))).toEqual(['A1', 'B1', 'B2']);
    expect(both.note).toEqual(Uint8Array.of(0, 1, 0));
    expect(concatTables(LAYOUT, emptyTable(LAYOUT), both)).toEqual(both);
  });

  it('links deals by id, and gives stage history back as rows', () => {
    const builder = new TableBuilder(STAGE_HISTORY_COLUMNS);
    builder.add({ deal: 'D2', stage: 'Qualify', entered: 5, enteredAt: undefined }, 2);
    builder.add({ deal: 'D9', stage: 'Demo', entered: 6, enteredAt: 6 * 86_400_000 }, 3);
    builder.add({ deal: 'D1', stage: 'Demo', entered: 7, enteredAt: undefined }, 4);
    const missing: [string, number][] = [];
    const { table, dropped } = linkDeals(STAGE_HISTORY_COLUMNS, builder.finish(), new Map([['D1', 0], ['D2', 1]]), (id, line) => (missing.push([id, line]), false));
    expect([dropped, missing]).toEqual([1, [['D9', 3]]]);
    expect(table.deal).toEqual(Int32Array.of(1, 0));
    expect([...stageEntries(table, [{ id: 'D1' }, { id: 'D2' }])]).toEqual([
      { deal: 'D2', stage: 'Qualify', entered: 5, enteredAt: undefined },
      { deal: 'D1', stage: 'Demo', entered: 7, enteredAt: undefined },
    ]);
  });
});

