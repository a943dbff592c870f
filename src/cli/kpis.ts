/** `npm run --silent kpis -- --data DIR --period P [--as-of YYYY-MM-DD]`: the KPI JSON of KPI-SPEC §5 on stdout. */
import { isoToDay } from '../core/ingest/values.ts';
import { kpiJson } from '../core/kpi/json.ts';
import { parsePeriod } from '../core/kpi/periods.ts';
import { kpiEngine } from '../core/kpi/report.ts';
import { problemText } from '../site/present/problemLines.ts';
import { loadFolder } from './loadOrExplain.ts';
import { dataDir, runCommand, UserError } from './run.ts';

const usage = 'npm run --silent kpis -- --data DIR --period 2026-10|2026-Q4|2026-W44|2026 [--as-of YYYY-MM-DD]';

await runCommand(usage, { data: { type: 'string' }, period: { type: 'string' }, 'as-of': { type: 'string' } }, async (flags) => {
  if (flags.period === undefined) throw new UserError(`--period is required.\nUsage: ${usage}`, 2);
  const period = parsePeriod(flags.period);
  if (!period) throw new UserError(`"${flags.period}" is not a period: use a month (2026-10), quarter (2026-Q4), ISO week (2026-W44) or year (2026).`, 2);
  const asOf = flags['as-of'] === undefined ? undefined : isoToDay(flags['as-of']);
  if (asOf === null) throw new UserError(`"${flags['as-of']}" is not a date: use YYYY-MM-DD.`, 2);
  const dir = dataDir(flags.data);
  const { dataset, problems } = await loadFolder(dir);
  if (problems.total > 0) throw new UserError(`The data in "${dir}" is invalid, so no KPIs were computed.\n${problemText(problems)}`);
  process.stdout.write(kpiJson(kpiEngine(dataset, asOf).report(period)));
});
