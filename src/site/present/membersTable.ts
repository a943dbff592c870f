/**
 * Reps (or teams) side by side with their status at a glance: each key
 * number of the period a KPI cell with its status in colour and in words
 * (the rules of src/core/coaching/status.ts, as on the status strip).
 * While the period runs: attainment against the pace, the forecast,
 * coverage, the next-step rate against the whole team, overdue and stale
 * deals, and KPI 4's focus; once it is over: closed won, attainment, win
 * rate and next-step rate.
 */
import { attainmentStatus, coverageStatus, dealsStatus, elapsedShare, forecastStatus, nextStepStatus, type Status } from '../../core/coaching/status.ts';
import type { Kpis } from '../../core/schema/kpiReport.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import type { PeriodView } from '../timeline.ts';
import { metricLabel, type Cell } from './cell.ts';
import { scopeMetricCell } from './dealLinks.ts';
import { scopeHead } from './scopeTable.ts';
import { statusWords } from './statusStrip.ts';
import { table, type Table } from './table.ts';

interface Column {
  ref: MetricRef;
  /** The status of the column's number, when it has one. */
  status?: (k: Kpis, team: Kpis | null, cell: Cell) => Status;
}

function columns(site: SiteModel, view: PeriodView): Column[] {
  const elapsed = elapsedShare(view.period, site.timeline.asOf);
  const threshold = site.config.coverageThreshold;
  const attainment: Column = { ref: { path: 'pipeline.attainment' }, status: (k) => attainmentStatus(k.pipeline.attainment, elapsed) };
  const nextStep: Column = {
    ref: { path: 'activity.nextStepRate' },
    status: (k, team, cell) => nextStepStatus(k.activity.nextStepRate, team?.activity.nextStepRate ?? null, cell.flag !== undefined),
  };
  if (!view.running) return [{ ref: { path: 'pipeline.closedWon' } }, attainment, { ref: { path: 'winRate.rate' } }, nextStep];
  const open = (k: Kpis) => k.outlook.velocity.opportunities;
  return [
    attainment,
    { ref: { path: 'outlook.forecast.expected' }, status: (k) => forecastStatus(k.outlook.forecast, k.pipeline.quota) },
    { ref: { path: 'pipeline.coverage' }, status: (k) => coverageStatus(k.pipeline, threshold) },
    nextStep,
    { ref: { path: 'pipeline.overdue.count' }, status: (k) => dealsStatus(k.pipeline.overdue.count, open(k)) },
    { ref: { path: 'outlook.stale.count' }, status: (k) => dealsStatus(k.outlook.stale.count, open(k)) },
    { ref: { path: 'pipeline.focus' } },
  ];
}

/** `scopes` in the period of `view`, one row each, the status beside each key number; `scope` pages link to the same period. */
export function membersTable(site: SiteModel, scopes: readonly Scope[], view: PeriodView, spec: { id: string; caption: string }): Table {
  const w = site.words;
  const cols = columns(site, view);
  const team = site.kpis(site.scopes.team, view.period);
  const rows = scopes.map((scope) => {
    const kpis = site.kpis(scope, view.period);
    const at = { scope: scope.key, period: view.period.id };
    const cells = cols.map(({ ref, status }) => {
      const cell = scopeMetricCell(site, scope, view.period, ref, kpis);
      return kpis && status ? { ...cell, status: statusWords(status(kpis, team, cell), w) } : cell;
    });
    return { head: scopeHead(scope, site.urls.page('scope', scope, view.period)), cells };
  });
  return table({ ...spec, columns: [w.l['scope.column'], ...cols.map((c) => metricLabel(c.ref, w))], rows }, w);
}
