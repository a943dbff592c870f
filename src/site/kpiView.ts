/**
 * Turns a scope's stage conversion (KPI-SPEC §5, KPI 2) into formatted rows
 * for the stage table. Pure: no KPI is computed here, only formatted.
 */
import type { Formatters } from '../core/format.ts';
import type { CoreKpis } from '../core/kpi/report.ts';

/** One row of the stage conversion table; `leak` marks the transition with the lowest rate. */
export interface StageRow {
  from: string;
  to: string;
  reached: string;
  advanced: string;
  rate: string;
  leak: boolean;
}

/** KPI 2: one row per transition of the cohort, the leak marked. */
export function stageRows(kpis: CoreKpis, f: Formatters): StageRow[] {
  const leak = kpis.stages.leak;
  return kpis.stages.transitions.map((t) => ({
    from: t.from,
    to: t.to,
    reached: f.count(t.reached),
    advanced: f.count(t.advanced),
    rate: f.percent(t.rate),
    leak: leak !== null && leak.from === t.from && leak.to === t.to,
  }));
}
