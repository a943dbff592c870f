/**
 * The one serializer of the KPI JSON (KPI-SPEC §5). The `kpis` command, the
 * site's `/api/kpis/<period>.json` endpoints and the frozen monthly
 * snapshots all write through it, so the three are byte-for-byte the same.
 */
import type { KpiReport } from '../schema/kpiReport.ts';

/** Two-space indented JSON with a final newline: exactly what `npm run --silent kpis` prints. */
export function kpiJson(report: KpiReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
