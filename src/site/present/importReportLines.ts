/**
 * The import report of one file (src/core/ingest/importReport.ts: counts,
 * reasons, values) in words: a summary line and indented details. The
 * /data/ page shows them in the site's language; `validate` prints them in
 * English. Skip reasons, notes and the encoding and currency descriptions
 * come from the reader as they are.
 */
import type { ImportReport, SkipCount } from '../../core/ingest/importReport.ts';
import { fill, type Labels } from '../text/dictionary.ts';

/** `line 4` or `lines 4, 7, 9, …` (an ellipsis when there were more than those listed). */
export function lineList(s: Pick<SkipCount, 'count' | 'lines'>, l: Labels): string {
  const lines = `${s.lines.join(', ')}${s.count > s.lines.length ? ', …' : ''}`;
  return fill(l[s.lines.length > 1 ? 'import.lines' : 'import.line'], { lines });
}

/** The report as lines of text: the summary, then details indented by two spaces. */
export function importReportLines(r: ImportReport, l: Labels): string[] {
  const via = r.preset
    ? `${fill(l['import.viaPreset'], { shape: r.shape ?? r.preset })}${r.detected ? l['import.detected'] : ''}${r.mapping ? l['import.andMapping'] : ''}`
    : l[r.mapping ? 'import.viaMapping' : 'import.viaOwnNames'];
  const summary = fill(l['import.summary'], { file: r.file, kind: r.kind, via, strict: r.strict ? l['import.strict'] : '', read: r.rowsRead, kept: r.rowsKept, left: r.rowsRead - r.rowsKept });
  const columns = Object.entries(r.columns).map(([key, from]) => fill(l['import.column'], { key, from })).join('; ');
  const details = [
    ...(r.encoding === null ? [] : [fill(l['import.encoding'], { encoding: r.encoding })]),
    ...(r.currency === null ? [] : [fill(l['import.currency'], { currency: r.currency })]),
    ...(columns === '' ? [] : [fill(l['import.columns'], { list: columns })]),
    ...r.skipped.map((s) => fill(l['import.skipped'], { n: s.count, reason: s.reason, lines: lineList(s, l) })),
    ...r.changed.map((s) => fill(l['import.changed'], { n: s.count, reason: s.reason, lines: lineList(s, l) })),
    ...r.valuesMapped.map((v) => fill(l['import.mapped'], { column: v.column, from: JSON.stringify(v.from), to: JSON.stringify(v.to), n: v.count })),
    ...r.notes,
  ];
  return [summary, ...details.map((line) => `  ${line}`)];
}
