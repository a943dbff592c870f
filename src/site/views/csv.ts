/**
 * CSV downloads of the KPI, rep and team pages' tables (registered in
 * src/site/csvTables.ts): the same tables the pages show, with raw numbers
 * instead of formatted text, named by their `id`.
 */
import type { CsvTable } from '../../core/export/csvDownload.ts';
import type { Table } from '../cells.ts';
import { getViewContext } from '../context.ts';
import { activityView } from './activityPage.ts';
import { overviewView } from './overview.ts';
import { pipelineView } from './pipelinePage.ts';
import { scopeView } from './scopePage.ts';
import { stagesView } from './stagesPage.ts';
import { winRateView } from './winRatePage.ts';

/** A page table as a CSV table: header row from its columns, each cell's raw value (its text when it has none). */
export function csvOf(table: Table): CsvTable {
  if (!table.id) throw new Error(`table "${table.caption}" has no id to name its CSV file`);
  const value = (cell: { text: string; raw?: number | string | null }) => (cell.raw === undefined ? cell.text : cell.raw);
  return {
    filename: `${table.id}.csv`,
    columns: table.columns,
    rows: table.rows.map((row) => [value(row.head), ...row.cells.map(value)]),
  };
}

/** Every named table of the home, KPI, rep and team pages. */
export async function kpiCsvTables(): Promise<CsvTable[]> {
  const ctx = await getViewContext(import.meta.env.BASE_URL);
  const overview = overviewView(ctx);
  const activity = activityView(ctx);
  const stages = stagesView(ctx);
  const winRate = winRateView(ctx);
  const pipeline = pipelineView(ctx);
  const scopes = [...ctx.scopes.groups, ...ctx.scopes.reps].map((scope) => scopeView(ctx, scope));
  const tables: (Table | null | undefined)[] = [
    overview.lagging,
    overview.teams,
    overview.reps,
    activity.side,
    ...activity.charts.map((c) => c.table),
    activity.bySource,
    activity.byChannel,
    stages.side,
    stages.funnel.table,
    stages.steps.table,
    stages.flow?.table,
    winRate.side,
    winRate.trend.table,
    winRate.pooled.table,
    winRate.amounts.table,
    pipeline.side,
    ...pipeline.quota.map((c) => c.table),
    pipeline.coverage.table,
    pipeline.ahead.table,
    pipeline.trend.table,
    ...scopes.flatMap((s) => [s.members, s.plan.table, ...s.charts.map((c) => c.table), s.funnel.table]),
  ];
  return tables.filter((t): t is Table => !!t?.id).map(csvOf);
}
