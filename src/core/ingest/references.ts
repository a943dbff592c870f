/**
 * Links to deals, checked once every deal is read, and repeated ids
 * (repeats.ts), found once every file of the kind is read. A file of activities or
 * stage history is read on its own (on another thread, while the deals
 * load), its deal column kept as interned ids; here each id becomes the
 * index of its deal in `dataset.deals`, looked up once per distinct id. A
 * row naming no deal is a problem; in a non-strict import it loses the link
 * instead, or is skipped when the link is required (a stage history row is
 * nothing without its deal; an activity is still an activity).
 */
import { NONE, textAt, type Interned, type PackedText } from './columns.ts';
import type { FileScan } from './file.ts';
import type { LostIds } from './lostIds.ts';
import { ProblemLog } from './problems.ts';
import { tableOf, type Layout, type ScannedTable, type Table } from './tables.ts';

/** Deal id -> its index in `dataset.deals`. */
export type DealIndex = ReadonlyMap<string, number>;

/** What the files that refer to deals need once the deals are read: where each deal is, and the ids the deals files failed to define (lostIds.ts). */
export interface DealLinks {
  index: DealIndex;
  lost: LostIds;
}

const MISSING = -2;

/**
 * The table with its `deal` column as deal indexes. Rows `left(row)` says
 * are left out (a repeated id) are not linked. `missing(id, line)` is asked
 * about each other row whose deal is not in `deals`: true keeps the row
 * without the link, false leaves the row out. Both are asked in row order.
 */
export function linkDeals<L extends Layout>(
  layout: L,
  scanned: ScannedTable,
  deals: DealIndex,
  missing: (id: string, line: number) => boolean,
  left: (row: number) => boolean = () => false,
): { table: Table<L>; dropped: number } {
  const key = Object.keys(layout).find((k) => layout[k] === 'deal')!;
  const { codes, names } = scanned.columns[key] as Interned;
  const indexOf = Int32Array.from(names, (id) => deals.get(id) ?? MISSING);
  const linked = new Int32Array(scanned.length);
  let keep: Uint8Array | null = null;
  let dropped = 0;
  for (let row = 0; row < scanned.length; row++) {
    const code = codes[row];
    const deal = code === NONE ? NONE : indexOf[code];
    const out = left(row);
    if (!out && deal !== MISSING) {
      linked[row] = deal;
      continue;
    }
    linked[row] = NONE;
    if (!out && missing(names[code], scanned.lines[row])) continue;
    keep ??= new Uint8Array(scanned.length).fill(1);
    keep[row] = 0;
    dropped++;
  }
  return { table: tableOf(layout, { ...scanned.columns, [key]: linked }, scanned.length, keep), dropped };
}

/**
 * Links a file's rows to their deals, leaving out rows whose id an earlier
 * row had (`repeatedAt`: the first line of each row's id, 0 for a new id);
 * its problems, those of the file and those found here in line order, go to
 * `log`, and its import report is sent. A missing deal that a deals file
 * would have defined (`lost`) is a knock-on problem, under that file.
 */
export function linkFile<L extends Layout>(
  layout: L,
  fileName: string,
  scan: FileScan & { table: ScannedTable },
  deals: DealLinks,
  required: boolean,
  log: ProblemLog,
  repeatedAt: Int32Array | null,
): Table<L> {
  const found = new ProblemLog();
  const { plan, table: scanned } = scan;
  const repeated = (row: number) => {
    if (repeatedAt === null || repeatedAt[row] === 0) return false;
    const id = textAt(scanned.columns.id as PackedText, row);
    found.add({ file: fileName, line: scanned.lines[row], column: 'id', value: id, rule: `duplicate id; first seen on line ${repeatedAt[row]}` });
    return true;
  };
  const { table, dropped } = linkDeals(layout, scanned, deals.index, (id, line) => {
    if (plan !== null && !plan.strict) {
      if (required) plan.report.skip('deal refers to a missing deal', line);
      else plan.report.change('deal link dropped: no deal with that id', line);
      return !required;
    }
    const problem = { file: fileName, line, column: 'deal', value: id, rule: 'refers to a missing deal' };
    const cause = deals.lost.causeOf(id);
    if (cause === null) found.add(problem);
    else found.addKnockOn(problem, cause);
    return false;
  }, repeated);
  log.addByLine(scan.problems, found);
  scan.report(dropped);
  return table;
}
