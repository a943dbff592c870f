/**
 * Every page of the site, built once from the site model: each route takes
 * its page from here (through getStaticPaths props where it has params),
 * and the CSV route writes the download of every table these pages hold.
 */
import { happenedSpan } from '../core/kpi/facts.ts';
import { kpiJson } from '../core/kpi/json.ts';
import { periodsBetween } from '../core/kpi/periods.ts';
import { activityPage, type ActivityPage } from './present/activityPage.ts';
import { dataPage, type DataPage } from './present/dataPage.ts';
import { homePage, type HomePage } from './present/homePage.ts';
import { pipelinePage, type PipelinePage } from './present/pipelinePage.ts';
import { reportListPage, reportPage, type ReportListPage, type ReportPage } from './present/reportPage.ts';
import { scopePage, type ScopePage } from './present/scopePage.ts';
import { stagesPage, type StagesPage } from './present/stagesPage.ts';
import { downloads, type Table } from './present/table.ts';
import { notFoundPage, uploadPage, type NotFoundPage, type UploadPage } from './present/uploadPage.ts';
import { winRatePage, type WinRatePage } from './present/winRatePage.ts';
import type { SiteModel } from './model.ts';

export interface SitePages {
  home: HomePage;
  activity: ActivityPage;
  stages: StagesPage;
  winRate: WinRatePage;
  pipeline: PipelinePage;
  reps: ScopePage[];
  teams: ScopePage[];
  reportList: ReportListPage;
  reports: ReportPage[];
  data: DataPage;
  upload: UploadPage;
  notFound: NotFoundPage;
}

/** The pages of `site`; `narratives` = the months with an MDX narrative (src/content/reports). */
export function sitePages(site: SiteModel, narratives: ReadonlySet<string>): SitePages {
  return {
    home: homePage(site),
    activity: activityPage(site),
    stages: stagesPage(site),
    winRate: winRatePage(site),
    pipeline: pipelinePage(site),
    reps: site.scopes.reps.map((scope) => scopePage(site, scope)),
    teams: site.scopes.groups.map((scope) => scopePage(site, scope)),
    reportList: reportListPage(site, narratives),
    reports: site.months.map((m) => reportPage(site, m.id)),
    data: dataPage(site),
    upload: uploadPage(site),
    notFound: notFoundPage(site),
  };
}

/** The CSV download of every table on every page. */
export function siteDownloads(pages: SitePages): Table[] {
  return downloads(pages);
}

/**
 * The published KPI JSON (`/api/kpis/<id>.json`): every month and quarter of
 * the data span, oldest first, always from live data, byte-for-byte what
 * `npm run --silent kpis` prints.
 */
export function kpiJsonFiles(site: SiteModel): { period: string; json: string }[] {
  const span = happenedSpan(site.dataset);
  const last = site.engine.facts.asOf;
  const ids = span ? [...periodsBetween('month', span.first, last), ...periodsBetween('quarter', span.first, last)].map((p) => p.id) : [site.timeline.month.id];
  return ids.map((period) => ({ period, json: kpiJson(site.report(period)) }));
}
