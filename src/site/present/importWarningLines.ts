/**
 * What an import leaves to check before reading the numbers
 * (src/core/ingest/importWarnings.ts: where the as-of date comes from,
 * closed deals dated after the export, deals without an amount) in words:
 * the /data/ page in the site's language and date format, `validate` in
 * English with ISO dates.
 */
import type { Dataset } from '../../core/ingest/dataset.ts';
import { asOfOrigin, closedAfterExport, dealsWithoutAmount } from '../../core/ingest/importWarnings.ts';
import type { Day } from '../../core/ingest/values.ts';
import { fill, type Labels } from '../text/dictionary.ts';

/** How the caller writes dates and counts (the site in its locale, `validate` as ISO dates). */
export interface WarningFormat {
  date(day: Day): string;
  count(n: number): string;
}

/** Deals listed in a warning before "and N more". */
const SHOWN = 5;

/** Where the as-of date comes from, as a sentence; null for data without dates. */
export function asOfSentence(dataset: Dataset, l: Labels): string | null {
  const origin = asOfOrigin(dataset);
  return origin === null ? null : fill(l[`data.asOfFrom.${origin.what}`], { id: origin.id });
}

/** The import's warnings, worded: closed deals after the export first, then deals without an amount. */
export function importWarningLines(dataset: Dataset, l: Labels, f: WarningFormat): string[] {
  const warnings: string[] = [];
  const late = closedAfterExport(dataset);
  if (late !== null) {
    const { reference, deals } = late;
    const shown = deals.slice(0, SHOWN).map((d) => `${d.id} (${f.date(d.day)})`);
    if (deals.length > SHOWN) shown.push(`… +${f.count(deals.length - SHOWN)}`);
    warnings.push(fill(l['warn.closedAfterExport'], {
      reference: reference.file === null ? l['warn.ref.activity'] : fill(l['warn.ref.export'], { file: reference.file }),
      date: f.date(reference.day),
      n: f.count(deals.length),
      deals: shown.join(', '),
    }));
  }
  const noAmount = dealsWithoutAmount(dataset);
  if (noAmount > 0) warnings.push(fill(l['warn.dealsWithoutAmount'], { n: f.count(noAmount) }));
  return warnings;
}
