/** `npm run --silent validate -- --data DIR`: every problem in the folder; exit 1 when there is one. */
import { summarizeProblems } from '../core/ingest/problems.ts';
import { loadFolder } from './loadOrExplain.ts';
import { dataDir, runCommand } from './run.ts';

const usage = 'npm run --silent validate -- --data DIR';

await runCommand(usage, { data: { type: 'string' } }, async (flags) => {
  const dir = dataDir(flags.data);
  const { dataset, problems } = await loadFolder(dir);
  if (problems.total === 0) {
    const files = dataset.files.filter((f) => f.present).map((f) => `${f.file} (${f.rows} rows)`);
    process.stdout.write(`${dir} is valid: ${files.join(', ')}.\n`);
    return 0;
  }
  process.stdout.write(`${summarizeProblems(problems, Infinity)}\n`);
  return 1;
});
