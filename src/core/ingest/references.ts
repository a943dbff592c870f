/**
 * Links to deals, checked once every deal is read. A file of activities or
 * stage history is read on its own (on another thread, while the deals
 * load), its deal column kept as interned ids; here each id becomes the
 * index of its deal in `dataset.deals`, looked up once per distinct id. A
 * row naming no deal is a problem; in a non-strict import it loses the link
 * instead, or is skipped when the link is required (a stage history row is
 * nothing without its deal; an activity is still an activity).
 */
import { NONE, type Interned } from './columns.ts';
import type { FileScan } from './file.ts';
import { ProblemLog } from './problems.ts';
import { tableOf, type Layout, type ScannedTable, type Table } from './tables.ts';

/** Deal id -> its index in `dataset.deals`. */
export type DealIndex = ReadonlyMap<string, number>;

const MISSING = -2;

/**
 * The table with its `deal` column as deal indexes. `missing(id, line)` is
 * asked about each row whose deal is not in `deals`: true keeps the row
 * without the link, false leaves the row out.
 */
export function linkDeals<L extends Layout>(layout: L, scanned: ScannedTable, deals: DealIndex, missing: (id: string, line: number) => boolean): { table: Table<L>; dropped: number } {
  const key = Object.keys(layout).find((k) => layout[k] === 'deal')!;
  const { codes, names } = scanned.columns[key] as Interned;
  const indexOf = Int32Array.from(names, (id) => deals.get(id) ?? MISSING);
  const linked = new Int32Array(scanned.length);
  let keep: Uint8Array | null = null;
  let dropped = 0;
  for (let row = 0; row < scanned.length; row++) {
    const code = codes[row];
    const deal = code === NONE ? NONE : indexOf[code];
    if (deal !== MISSING) {
      linked[row] = deal;
      continue;
    }
    linked[row] = NONE;
    if (missing(names[code], scanned.lines[row])) continue;
    keep ??= new Uint8Array(scanned.length).fill(1);
    keep[row] = 0;
    dropped++;
  }
  return { table: tableOf(layout, { ...scanned.columns, [key]: linked }, scanned.length, keep), dropped };
}

/**
 * Links a file's rows to their deals; its problems, those of the file and of
 * its links in line order, go to `log`, and its import report is sent.
 */
export function linkFile<L extends Layout>(layout: L, fileName: string, scan: FileScan & { table: ScannedTable }, deals: DealIndex, required: boolean, log: ProblemLog): Table<L> {
  const links = new ProblemLog();
  const { plan } = scan;
  const { table, dropped } = linkDeals(layout, scan.table, deals, (id, line) => {
    if (plan !== null && !plan.strict) {
      if (required) plan.report.skip('deal refers to a missing deal', line);
      else plan.report.change('deal link dropped: no deal with that id', line);
      return !required;
    }
    links.add({ file: fileName, line, column: 'deal', value: id, rule: 'refers to a missing deal' });
    return false;
  });
  log.addByLine(scan.problems, links);
  scan.report(dropped);
  return table;
}
