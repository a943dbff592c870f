/**
 * `npm run --silent validate -- --data DIR`: every problem in the folder, and
 * the import report of every file read through a preset or a mapping (or
 * with something to say: its encoding, currencies, a repeated header); for a
 * valid folder also where the as-of date comes from, and what to check
 * before trusting the numbers. Exit 1 when there is a problem. In English:
 * problems are worded in English too.
 */
import { dayToIso } from '../core/ingest/values.ts';
import { happenedSpan } from '../core/kpi/facts.ts';
import { importReportLines } from '../site/present/importReportLines.ts';
import { problemText } from '../site/present/problemLines.ts';
import { asOfSentence, importWarningLines, type WarningFormat } from '../site/present/importWarningLines.ts';
import { labels } from '../site/text/dictionary.ts';
import { formatCount } from '../site/text/format.ts';
import { loadFolder } from './loadOrExplain.ts';
import { dataDir, runCommand } from './run.ts';

const usage = 'npm run --silent validate -- --data DIR';
const l = labels('en');
const format: WarningFormat = { date: dayToIso, count: (n) => formatCount(n, 'en-US') };

await runCommand(usage, { data: { type: 'string' } }, async (flags) => {
  const dir = dataDir(flags.data);
  const { dataset, problems, imports } = await loadFolder(dir);
  const report = imports.length === 0 ? '' : `Imported:\n${imports.flatMap((r) => importReportLines(r, l).map((line) => `  ${line}`)).join('\n')}\n`;
  if (problems.total === 0) {
    // A file read as another kind (an export, HubSpot's stage history inside its deals) says which.
    const files = dataset.files
      .filter((f) => f.present)
      .map((f) => `${f.file} (${f.rows} ${f.file === `${f.kind}.csv` ? '' : `${f.kind.replace('_', ' ')} `}rows)`);
    const span = happenedSpan(dataset);
    const asOf = span === null ? '' : `As of ${dayToIso(span.last)}: ${asOfSentence(dataset, l)}\n`;
    const warnings = importWarningLines(dataset, l, format);
    const warned = warnings.length === 0 ? '' : `Warnings:\n${warnings.map((w) => `  ${w}`).join('\n')}\n`;
    process.stdout.write(`${dir} is valid: ${files.join(', ')}.\n${report}${asOf}${warned}`);
    return 0;
  }
  process.stdout.write(`${report}${problemText(problems, Infinity)}\n`);
  return 1;
});
