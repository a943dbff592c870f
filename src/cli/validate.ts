/**
 * `npm run --silent validate -- --data DIR`: every problem in the folder, and
 * the import report of every file read through a preset or a mapping; exit 1
 * when there is a problem. In English: problems are worded in English too.
 */
import { summarizeProblems } from '../core/ingest/problems.ts';
import { importReportLines } from '../site/present/importReportLines.ts';
import { labels } from '../site/text/dictionary.ts';
import { loadFolder } from './loadOrExplain.ts';
import { dataDir, runCommand } from './run.ts';

const usage = 'npm run --silent validate -- --data DIR';

await runCommand(usage, { data: { type: 'string' } }, async (flags) => {
  const dir = dataDir(flags.data);
  const { dataset, problems, imports } = await loadFolder(dir);
  const report = imports.length === 0 ? '' : `Imported:\n${imports.flatMap((r) => importReportLines(r, labels('en')).map((line) => `  ${line}`)).join('\n')}\n`;
  if (problems.total === 0) {
    // A file read as another kind (an export, HubSpot's stage history inside its deals) says which.
    const files = dataset.files
      .filter((f) => f.present)
      .map((f) => `${f.file} (${f.rows} ${f.file === `${f.kind}.csv` ? '' : `${f.kind.replace('_', ' ')} `}rows)`);
    process.stdout.write(`${dir} is valid: ${files.join(', ')}.\n${report}`);
    return 0;
  }
  process.stdout.write(`${report}${summarizeProblems(problems, Infinity)}\n`);
  return 1;
});
