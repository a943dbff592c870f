/**
 * `npm run sample -- [--out DIR] [--as-of YYYY-MM-DD]`: writes the sample data
 * set (seed 42, 8 reps in 2 teams, 18 months; see SAMPLE_DEFAULTS) into DIR
 * (default `data/`). Only the as-of date varies; its default is the committed
 * sample's, so a plain `npm run sample` reproduces data/ byte for byte
 * (`--as-of today` moves it to the local date). Exit 2 on bad
 * arguments, 1 when writing fails; never a stack trace.
 */
import { checkSampleOptions, SAMPLE_DEFAULTS, type SampleOptions } from '../core/sample/generate.ts';
import { runCommand, UserError } from './run.ts';
import { writeSample, type WrittenFile } from './sampleWriter.ts';

/** The as-of of the committed sample in data/. */
const SAMPLE_AS_OF = '2026-11-27';

const usage = 'npm run sample -- [--out DIR] [--as-of YYYY-MM-DD] (writes deals.csv, stage_history.csv, ' +
  'activities.csv, quotas.csv, customers.csv and keepscore.config.json into DIR, default data/, ' +
  `with data up to the as-of date, default ${SAMPLE_AS_OF}; "today" for the local date)`;

/** Today's date on the local clock, as `YYYY-MM-DD` (the user's "today", not UTC's). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** One aligned line per file: path, row count (CSV only), size. */
function summary(written: readonly WrittenFile[]): string {
  const width = Math.max(...written.map((w) => w.path.length));
  return written.map(({ path, rows, bytes }) => {
    const count = path.endsWith('.json') ? '' : `${rows.toLocaleString('en-US')} rows`;
    return `${path.padEnd(width)}  ${count.padStart(14)}  ${(bytes / 1024).toFixed(1).padStart(9)} KiB\n`;
  }).join('');
}

await runCommand(usage, { out: { type: 'string' }, 'as-of': { type: 'string' } }, async (flags) => {
  const out = flags.out ?? 'data';
  if (out.trim() === '') throw new UserError(`--out needs a folder name.\nUsage: ${usage}`, 2);
  const options: SampleOptions = { ...SAMPLE_DEFAULTS, asOf: flags['as-of'] === 'today' ? today() : (flags['as-of'] ?? SAMPLE_AS_OF) };
  const problems = checkSampleOptions(options);
  if (problems.length) throw new UserError(`${problems.join('; ')}.\nUsage: ${usage}`, 2);
  const started = performance.now();
  let written: WrittenFile[];
  try {
    written = await writeSample(out, options);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UserError(`Could not write the sample to "${out}": ${code && !message.includes(code) ? `${code} ` : ''}${message}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${summary(written)}sample: as of ${options.asOf}, seed ${options.seed}, in ${seconds} s\n`);
  return 0;
});
