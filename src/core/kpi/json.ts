/**
 * The one serializer of the KPI JSON (KPI-SPEC §5). The `kpis` command, the
 * site's `/api/kpis/<period>.json` endpoints and the frozen monthly
 * snapshots all write through it, so the three are byte-for-byte the same
 * (a snapshot adds its spec version as the first key).
 */
import type { KpiReport } from '../schema/kpiReport.ts';

/** The KPI-SPEC version the engine computes; a frozen snapshot records it. */
export const KPI_SPEC_VERSION = 2;

/** Two-space indented JSON with a final newline: exactly what `npm run --silent kpis` prints. */
export function kpiJson(report: KpiReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A frozen monthly snapshot: the same JSON, with the spec version first (`"spec": 2`). */
export function snapshotJson(report: KpiReport): string {
  return kpiJson({ spec: KPI_SPEC_VERSION, ...report } as KpiReport);
}
