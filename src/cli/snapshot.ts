/**
 * `npm run snapshot -- --period YYYY-MM [--data DIR] [--as-of YYYY-MM-DD] [--force]`:
 * freezes that month's KPI JSON (exactly what `kpis` prints for the same
 * folder, period and as-of, with `"spec": 2` first; the as-of used is inside it) into
 * `DIR/reports/YYYY-MM.json`, so the month's report never changes when later
 * data arrives. Idempotent: the same content again leaves the file untouched.
 * A different snapshot already there is refused without --force (that is
 * the point of freezing). Exit 2 on bad arguments, 1 on bad data or folder.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { problemText } from '../site/present/problemLines.ts';
import { dayToIso, isoToDay } from '../core/ingest/values.ts';
import { writeFileAtomic } from '../node/writeFileAtomic.ts';
import { snapshotJson } from '../core/kpi/json.ts';
import { parsePeriod } from '../core/kpi/periods.ts';
import { kpiEngine } from '../core/kpi/report.ts';
import { readSnapshot, snapshotFileName } from '../core/report/snapshotFile.ts';
import { loadFolder } from './loadOrExplain.ts';
import { dataDir, runCommand, UserError } from './run.ts';

const usage = 'npm run snapshot -- --period YYYY-MM [--data DIR] [--as-of YYYY-MM-DD] [--force]';

/** What is frozen there now, in words, for the refusal message. */
function describeExisting(file: string, text: string): string {
  try {
    const snapshot = readSnapshot(file, text);
    return `a snapshot as of ${snapshot.asOf} (KPI-SPEC v${snapshot.spec})`;
  } catch {
    return 'a file that is not a valid snapshot';
  }
}

await runCommand(
  usage,
  { data: { type: 'string' }, period: { type: 'string' }, 'as-of': { type: 'string' }, force: { type: 'boolean' } },
  async (flags) => {
    if (flags.period === undefined) throw new UserError(`--period is required.\nUsage: ${usage}`, 2);
    const period = parsePeriod(flags.period);
    if (period?.kind !== 'month') {
      throw new UserError(`"${flags.period}" is not a month: a snapshot freezes one month, e.g. --period 2026-10.\nUsage: ${usage}`, 2);
    }
    const asOfFlag = flags['as-of'] === undefined ? undefined : isoToDay(flags['as-of']);
    if (asOfFlag === null) throw new UserError(`"${flags['as-of']}" is not a date: use YYYY-MM-DD.\nUsage: ${usage}`, 2);

    const dir = dataDir(flags.data);
    const { dataset, problems } = await loadFolder(dir);
    if (problems.total > 0) throw new UserError(`The data in "${dir}" is invalid, so nothing was frozen.\n${problemText(problems)}`);
    const engine = kpiEngine(dataset, asOfFlag);
    const asOf = engine.facts.asOf;
    if (period.start > asOf) {
      throw new UserError(`${period.id} has not started as of ${dayToIso(asOf)}, the data's as-of date: there is nothing to freeze yet.`);
    }
    const text = snapshotJson(engine.report(period));

    const file = join(dir, 'reports', snapshotFileName(period.id));
    const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw new UserError(`Could not read ${file}: ${error.message}`);
    });
    if (existing === text) {
      process.stdout.write(`${file} already holds this snapshot (as of ${dayToIso(asOf)}); unchanged.\n`);
      return 0;
    }
    if (existing !== null && !flags.force) {
      throw new UserError(
        `${file} already holds ${describeExisting(file, existing)}, and the data now gives different numbers ` +
          `(as of ${dayToIso(asOf)}). A frozen month is not replaced silently: pass --force to replace it.`,
      );
    }
    try {
      await writeFileAtomic(file, text);
    } catch (error) {
      throw new UserError(`Could not write ${file}: ${(error as Error).message}`);
    }
    const partial = period.end > asOf ? ` (${period.id} is not over yet: this freezes the month so far)` : '';
    process.stdout.write(`${existing === null ? 'Froze' : 'Replaced'} ${period.id} as of ${dayToIso(asOf)} in ${file}${partial}.\n`);
    return 0;
  },
);
