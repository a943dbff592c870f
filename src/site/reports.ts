/**
 * The monthly reports of the build: which months have one, and for each
 * the KPI JSON it shows, from its frozen snapshot when there is one (so an
 * archived month never changes) and from the live data otherwise.
 * Loaded once per build, like getSiteData().
 */
import { isoToDay } from '../core/ingest/values.ts';
import { happenedSpan } from '../core/kpi/facts.ts';
import { parsePeriod, periodsBetween } from '../core/kpi/periods.ts';
import { KPI_SPEC_VERSION } from '../core/kpi/json.ts';
import type { CoreKpis, KpiReport } from '../core/kpi/report.ts';
import { reportMonths, type ReportMonth } from '../core/report/months.ts';
import type { Snapshot } from '../core/report/snapshot.ts';
import { getSiteData, type SiteData } from './siteData.ts';
import { loadSnapshots, type FrozenReport } from './snapshots.ts';

export interface ShownReport {
  month: string;
  /** A v1 snapshot has no outlook: the pages read only what every version has. */
  report: KpiReport<CoreKpis>;
  /** The KPI-SPEC version the numbers were computed under (a live report: the engine's). */
  spec: Snapshot['spec'];
  /** The snapshot it renders from; null for a live report. */
  frozen: FrozenReport | null;
  /** The month ended on or before the as-of date of the numbers shown. */
  complete: boolean;
}

export interface SiteReports {
  site: SiteData;
  /** Every report month, newest first. */
  months: ReportMonth[];
  frozen: Map<string, FrozenReport>;
  show(month: string): ShownReport;
}

let loaded: Promise<SiteReports> | undefined;

/** The reports of this build; rejects with a SnapshotError (naming the file) on a broken snapshot. */
export function getReports(): Promise<SiteReports> {
  loaded ??= (async () => {
    const site = await getSiteData();
    const frozen = await loadSnapshots(site.dir);
    const first = happenedSpan(site.dataset)?.first ?? site.engine.facts.asOf;
    const months = reportMonths(first, site.engine.facts.asOf, frozen.keys());
    return {
      site,
      months,
      frozen,
      show(month) {
        const snapshot = frozen.get(month) ?? null;
        const report = snapshot ? snapshot.snapshot : site.report(month);
        const end = parsePeriod(month)?.end ?? Infinity;
        const spec = snapshot ? snapshot.snapshot.spec : KPI_SPEC_VERSION;
        return { month, report, spec, frozen: snapshot, complete: end <= (isoToDay(report.asOf) ?? -Infinity) };
      },
    };
  })();
  return loaded;
}

/**
 * Period ids with a published KPI JSON (`/api/kpis/<id>.json`): every month
 * and quarter of the data span, oldest first. Always from live data.
 */
export function apiPeriodIds(site: SiteData): string[] {
  const span = happenedSpan(site.dataset);
  if (!span) return [site.latestMonth.id];
  const last = site.engine.facts.asOf;
  return [...periodsBetween('month', span.first, last), ...periodsBetween('quarter', span.first, last)].map((p) => p.id);
}
