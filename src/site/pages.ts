/**
 * Every page of the site, built once from the site model: each route takes
 * its pages from here as getStaticPaths props, and the CSV route writes the
 * download of every table these pages hold. The cockpit's pages (each
 * scope's page, its deal lists and the four KPI pages) exist for every month and quarter of
 * the data under `/p/<period>/`, and the bookmarked URLs show the current
 * month: one page object serves both its URLs. Deal pages are made as
 * their route renders them (Deferred), not all at once.
 */
import { kpiJson } from '../core/kpi/json.ts';
import type { Period } from '../core/kpi/periods.ts';
import { activityPage, type ActivityPage } from './present/activityPage.ts';
import { dataPage, type DataPage } from './present/dataPage.ts';
import { dealsPage, type DealsPage } from './present/dealsPage.ts';
import { pipelinePage, type PipelinePage } from './present/pipelinePage.ts';
import { reportListPage, reportPage, type ReportListPage, type ReportPage } from './present/reportPage.ts';
import { scopePage, type ScopePage } from './present/scopePage.ts';
import { stagesPage, type StagesPage } from './present/stagesPage.ts';
import { downloads, type Table } from './present/table.ts';
import { notFoundPage, uploadPage, type NotFoundPage, type UploadPage } from './present/uploadPage.ts';
import { winRatePage, type WinRatePage } from './present/winRatePage.ts';
import type { SiteModel } from './model.ts';
import type { Scope } from './scopes.ts';

/** A page and the route parameter of one of its URLs (`[...at]`: undefined for the bookmarked one, `p/<period>` otherwise). */
export interface Routed<P> {
  at: string | undefined;
  page: P;
}

/**
 * A page made only when its route renders it, and let go after: a site's
 * deal pages hold a row per deal, list and period (547 MB of the bench
 * data's 902 MB of page objects), and have no table to download.
 */
export interface Deferred<P> {
  scope: Scope;
  period: Period;
  make(): P;
}

export interface SitePages {
  /** Every scope's page (the whole team's is `/`), for every period. */
  scopes: Routed<ScopePage>[];
  activity: Routed<ActivityPage>[];
  stages: Routed<StagesPage>[];
  winRate: Routed<WinRatePage>[];
  pipeline: Routed<PipelinePage>[];
  /** Every scope's deal lists, for every period, each made as it renders; none when the config says `"deals": "hide"`. */
  deals: Routed<Deferred<DealsPage>>[];
  reportList: ReportListPage;
  reports: ReportPage[];
  data: DataPage;
  upload: UploadPage;
  notFound: NotFoundPage;
}

/** The period's pages of one kind under both URLs of the current month, once under every other period's. */
function everyPeriod<P>(site: SiteModel, build: (period: Period) => P[]): Routed<P>[] {
  const { timeline: t, urls } = site;
  return [...t.months, ...t.quarters].flatMap((period) => {
    const pages = build(period);
    const ats = period.id === t.month.id ? [undefined, urls.at(period)] : [urls.at(period)];
    return ats.flatMap((at) => pages.map((page) => ({ at, page })));
  });
}

/** The pages of `site`; `narratives` = the months with an MDX narrative (src/content/reports). */
export function sitePages(site: SiteModel, narratives: ReadonlySet<string>): SitePages {
  return {
    scopes: everyPeriod(site, (period) => site.scopes.all.map((scope) => scopePage(site, scope, period))),
    activity: everyPeriod(site, (period) => [activityPage(site, period)]),
    stages: everyPeriod(site, (period) => [stagesPage(site, period)]),
    winRate: everyPeriod(site, (period) => [winRatePage(site, period)]),
    pipeline: everyPeriod(site, (period) => [pipelinePage(site, period)]),
    deals: site.dealsShown ? everyPeriod(site, (period) => site.scopes.all.map((scope) => ({ scope, period, make: () => dealsPage(site, scope, period) }))) : [],
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
 * the data span (each one's pages link to it), oldest first, always from live data, byte-for-byte what
 * `npm run --silent kpis` prints.
 */
export function kpiJsonFiles(site: SiteModel): { period: string; json: string }[] {
  const { months, quarters } = site.timeline;
  return [...months, ...quarters].map((period) => ({ period: period.id, json: kpiJson(site.report(period)) }));
}
