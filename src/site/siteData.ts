/**
 * The one build-time data module: the dataset is loaded once, the KPI
 * engine built once, and each period's report computed once, for every
 * page of the build. Pages call `getSiteData()` and hand numbers on.
 */
import type { Dataset } from '../core/ingest/dataset.ts';
import { dayToIso } from '../core/ingest/values.ts';
import { parsePeriod, periodOf, type Period } from '../core/kpi/periods.ts';
import { kpiEngine, type KpiEngine } from '../core/kpi/report.ts';
import type { KpiReport } from '../core/schema/kpiReport.ts';
import type { Config } from '../core/schema/config.ts';
import { currentDataFolder } from '../node/dataFolder.ts';
import { exportDates, newestExport } from '../node/exportDates.ts';

export interface SiteData {
  /** The data folder the site was built from. */
  dir: string;
  dataset: Dataset;
  config: Config;
  engine: KpiEngine;
  /** The as-of date, `YYYY-MM-DD` (KPI-SPEC §6's default: the latest date of anything that happened). */
  asOf: string;
  /** The month that holds the as-of date. */
  latestMonth: Period;
  /**
   * The data's export date, `YYYY-MM-DD`, stated on every page: the newest
   * modification date (UTC) of the data folder's CSV files (exportDates.ts),
   * since a CRM export carries no date of its own; the as-of date when no
   * file has one (`exportedFromFiles` is then false).
   */
  exported: string;
  exportedFromFiles: boolean;
  /** The KPI JSON (KPI-SPEC §5) of a period id, computed once per id; throws on an id that is not a period. */
  report(periodId: string): KpiReport;
}

let site: Promise<SiteData> | undefined;

/** The site's data, loaded on first call; rejects when the data has problems (the integration normally stops the build first). */
export function getSiteData(): Promise<SiteData> {
  site ??= buildSiteData();
  return site;
}

async function buildSiteData(): Promise<SiteData> {
  const { dir, result } = currentDataFolder();
  const { dataset, problems } = await result;
  if (problems.total > 0) throw new Error(`${problems.total} problems in the data in ${dir}; run \`npm run validate -- --data ${dir}\``);
  const engine = kpiEngine(dataset);
  const reports = new Map<string, KpiReport>();
  const asOf = dayToIso(engine.facts.asOf);
  const newest = newestExport(await exportDates(dir));
  return {
    dir,
    dataset,
    config: dataset.config,
    engine,
    asOf,
    latestMonth: periodOf('month', engine.facts.asOf),
    exported: newest ?? asOf,
    exportedFromFiles: newest !== null,
    report(periodId) {
      let report = reports.get(periodId);
      if (!report) {
        const period = parsePeriod(periodId);
        if (!period) throw new Error(`not a period: ${periodId}`);
        reports.set(periodId, (report = engine.report(period)));
      }
      return report;
    },
  };
}
