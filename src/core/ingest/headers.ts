/**
 * Header names written more than once (HubSpot's "all deals" export has
 * `Associated Company` twice). A column is read from the first of them;
 * the import report says which, so nobody has to guess.
 */

export interface RepeatedHeader {
  /** As written, e.g. `Associated Company`. */
  name: string;
  /** 1-based column numbers, in order. */
  columns: number[];
}

/** Every header name that appears more than once (blank names aside: spreadsheets leave trailing empty columns). */
export function repeatedHeaders(names: readonly string[], display: readonly string[]): RepeatedHeader[] {
  const at = new Map<string, number[]>();
  names.forEach((name, i) => {
    if (name === '') return;
    const list = at.get(name);
    if (list) list.push(i + 1);
    else at.set(name, [i + 1]);
  });
  return [...at.values()].filter((columns) => columns.length > 1).map((columns) => ({ name: display[columns[0] - 1], columns }));
}

/** `"Associated Company" is in the header 2 times (columns 12, 47): account reads column 12`; `readers(i)` names the columns fed by 0-based column i. */
export function repeatedHeaderNotes(repeats: readonly RepeatedHeader[], readers: (column: number) => readonly string[]): string[] {
  return repeats.map(({ name, columns }) => {
    const used = columns.filter((c) => readers(c - 1).length > 0);
    const reads = used.length === 0 ? 'none is read' : used.map((c) => `${readers(c - 1).join(', ')} reads column ${c}`).join('; ');
    return `"${name}" is in the header ${columns.length} times (columns ${columns.join(', ')}): ${reads}`;
  });
}
