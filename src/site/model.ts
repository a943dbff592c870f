/**
 * The site model: everything a page of one build is made from, built once
 * by `buildSiteModel(dataDir, base, env)` — the dataset and the KPI engine,
 * the words and formats of the config's locale and currency, who may read
 * the site (the build environment's access mode), the periods a page
 * shows, the scopes and URLs, the monthly reports (frozen or live), each
 * scope's pooled trailing window and plan, and the charts. Reports, pools,
 * parts shared by several pages and rendered charts are made on first use
 * and kept in the model, never in a module.
 */
import { accessNotice, offersLogout, type AccessNotice } from '../core/access/notice.ts';
import { chartRenderer, type ChartRenderer } from '../core/charts/render.ts';
import type { Chart, ChartLocale } from '../core/charts/types.ts';
import { activityPlan, planInputOf, type Plan, type PlanInput } from '../core/coaching/plan.ts';
import { pool, type Pooled } from '../core/coaching/pool.ts';
import { dealLists, dealListsShown, type DealLists } from '../core/deals/dealLists.ts';
import type { Dataset } from '../core/ingest/dataset.ts';
import { dayToIso, isoToDay } from '../core/ingest/values.ts';
import { happenedSpan } from '../core/kpi/facts.ts';
import { KPI_SPEC_VERSION } from '../core/kpi/json.ts';
import { parsePeriod, type Period } from '../core/kpi/periods.ts';
import { kpiEngine, periodFacts, type KpiEngine } from '../core/kpi/report.ts';
import { reportMonths, type ReportMonth } from '../core/report/months.ts';
import type { Snapshot } from '../core/report/snapshotFile.ts';
import type { Config } from '../core/schema/config.ts';
import type { CoreKpiReport, KpiReport, Kpis } from '../core/schema/kpiReport.ts';
import type { Env } from '../core/upload/env.ts';
import { exportDates, newestExport } from '../node/exportDates.ts';
import { loadDataset } from '../node/loadDataset.ts';
import { loadSnapshots, type FrozenReport } from '../node/readSnapshots.ts';
import type { Words } from './present/cell.ts';
import { kpisOf, siteScopes, type Scope, type Scopes } from './scopes.ts';
import { labels } from './text/dictionary.ts';
import { formattersFor } from './text/format.ts';
import { timelineOf, type PeriodView, type Timeline } from './timeline.ts';
import { siteUrls, type Urls } from './urls.ts';

/** A month's report as a page shows it: from its snapshot when frozen, else live. */
export interface ShownReport {
  month: string;
  /** A v1 snapshot has no outlook: a page reads what every version has, and v1's outlook metrics read "—". */
  report: CoreKpiReport;
  /** The KPI-SPEC version the numbers were computed under (a live report: the engine's). */
  spec: Snapshot['spec'];
  /** The snapshot it renders from; null for a live report. */
  frozen: FrozenReport | null;
  /** The month ended on or before the as-of date of the numbers shown. */
  complete: boolean;
}

export interface SiteModel {
  /** The data folder the site was built from. */
  dir: string;
  dataset: Dataset;
  config: Config;
  engine: KpiEngine;
  /** The words, formats, locale and URLs of the site. */
  words: Words;
  urls: Urls;
  /** Who may read the site, as its build was told (KEEPSCORE_ACCESS; issue 15), and whether its pages offer a logout link. */
  access: AccessNotice;
  logout: boolean;
  /** The as-of date, `YYYY-MM-DD` (KPI-SPEC §6's default: the latest date of anything that happened). */
  asOf: string;
  /**
   * Each data file's export date (its modification date, UTC; a CRM export
   * carries no date of its own), and the newest of the CSV files' — null
   * when no file has one.
   */
  exportDates: ReadonlyMap<string, string>;
  exported: string | null;
  timeline: Timeline;
  scopes: Scopes;
  /** Every report month, newest first, and the snapshots by month. */
  months: ReportMonth[];
  frozen: ReadonlyMap<string, FrozenReport>;
  /** The KPI JSON of a period (live data), computed once per period; throws on an id that is not a period. */
  report(period: Period | string): KpiReport;
  /** A scope's KPIs for a period (null when the scope is absent from it). */
  kpis(scope: Scope, period: Period): Kpis | null;
  /** A report month as shown: frozen or live. */
  shown(month: string): ShownReport;
  /** The shown report of the month before `month` that has one, or null. */
  previous(month: string): ShownReport | null;
  /** The scope's trailing window, pooled: the config's `window` months ending with the view's end month (default: the current month's). */
  pooled(scope: Scope, view?: PeriodView): Pooled;
  /** The scope's plan for the quota of the view's period (default: the current month), and what it rests on. */
  plan(scope: Scope, view?: PeriodView): { plan: Plan; input: PlanInput };
  /** The site lists deals: false when the config says `"deals": "hide"` (then no deal page, link or name is built). */
  dealsShown: boolean;
  /** A scope's deal lists for a period, made once per scope and period; null when the site hides deals. */
  deals(scope: Scope, period: Period): DealLists | null;
  /** A part several pages show (a chart and its table), made once by `build` and kept under `key`. */
  shared<T>(key: string, build: () => T): T;
  /** A chart as inline SVG, rendered once however many pages show it; money in `where`'s currency (default: the site's). */
  svg(chart: Chart, where?: ChartLocale): Promise<string>;
  /** The chart's phone layout (Chart.phone) as inline SVG, the same way; null when it has none. */
  phoneSvg(chart: Chart, where?: ChartLocale): Promise<string | null>;
}

/** A function computed once per key; the model keeps its caches, no module does. */
function once<V>(compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = compute(key)));
    return value;
  };
}

/** A scope's months of a window, pooled: the months it is present in, each marked complete or not. */
function pooledWindow(timeline: Timeline, window: readonly Period[], kpis: (period: Period) => Kpis | null): Pooled {
  return pool(
    window.flatMap((period) => {
      const k = kpis(period);
      return k ? [{ period: period.id, kpis: k, complete: timeline.complete(period) }] : [];
    }),
  );
}

/**
 * Loads `dataDir` and builds the model of a site served under `base`, its
 * access mode read from `env` (the build's environment); throws when the
 * data has problems (the build's integration stops first).
 */
export async function buildSiteModel(dataDir: string, base: string, env: Env = {}): Promise<SiteModel> {
  const { dataset, problems } = await loadDataset(dataDir);
  if (problems.total > 0) throw new Error(`${problems.total} problems in the data in ${dataDir}; run \`npm run validate -- --data ${dataDir}\``);
  const engine = kpiEngine(dataset);
  const { locale, currency, window, teams } = dataset.config;
  const asOf = engine.facts.asOf;
  const first = happenedSpan(dataset)?.first ?? asOf;
  const timeline = timelineOf(asOf, window, first);
  const urls = siteUrls(base, timeline.month);
  const words: Words = { l: labels(locale), f: formattersFor(locale, currency), locale, urls };
  const dates = await exportDates(dataDir);
  const frozen = await loadSnapshots(dataDir);
  const scopes = siteScopes(engine.facts.reps, teams, words.l, urls);
  const months = reportMonths(first, asOf, frozen.keys());
  const reportOf = once((id) => {
    const period = parsePeriod(id);
    if (!period) throw new Error(`not a period: ${id}`);
    return engine.report(period);
  });
  const report = (period: Period | string) => reportOf(typeof period === 'string' ? period : period.id);
  const kpis = (scope: Scope, period: Period) => kpisOf(report(period), scope);
  const shown = (month: string): ShownReport => {
    const snapshot = frozen.get(month) ?? null;
    const shownReport = snapshot ? snapshot.snapshot : report(month);
    const end = parsePeriod(month)?.end ?? Infinity;
    const spec = snapshot ? snapshot.snapshot.spec : KPI_SPEC_VERSION;
    return { month, report: shownReport, spec, frozen: snapshot, complete: end <= (isoToDay(shownReport.asOf) ?? -Infinity) };
  };
  const current = timeline.view(timeline.month);
  const pools = new Map<string, Pooled>();
  const pooled = (scope: Scope, view: PeriodView = current) => {
    const key = `${scope.key}\n${view.endMonth.id}`;
    let pooledScope = pools.get(key);
    if (!pooledScope) pools.set(key, (pooledScope = pooledWindow(timeline, view.window, (period) => kpis(scope, period))));
    return pooledScope;
  };
  const dealsShown = dealListsShown(dataset.config);
  const everyone = engine.facts.reps.map((_, i) => i);
  const repsOf = (scope: Scope): number[] =>
    scope.kind === 'team' ? everyone : scope.kind === 'group' ? (engine.teams.get(scope.name) ?? []) : [engine.facts.reps.indexOf(scope.name)];
  const factsOf = once((id) => periodFacts(engine.facts, parsePeriod(id) as Period));
  const lists = new Map<string, DealLists>();
  const deals = (scope: Scope, period: Period): DealLists | null => {
    if (!dealsShown) return null;
    const key = `${scope.key}\n${period.id}`;
    let found = lists.get(key);
    if (!found) lists.set(key, (found = dealLists(engine.facts, repsOf(scope), factsOf(period.id))));
    return found;
  };
  const parts = new Map<string, unknown>();
  const renderers = new Map<string, ChartRenderer>();
  // Keyed by the spec drawn: a chart's wide and phone layouts are two entries.
  const rendered = new WeakMap<object, Promise<string>>();
  const draw = (chart: Chart, spec: Chart['spec'], where: ChartLocale = { locale, currency }): Promise<string> => {
    let svg = rendered.get(spec);
    if (!svg) {
      const key = `${where.locale} ${where.currency}`;
      let renderer = renderers.get(key);
      if (!renderer) renderers.set(key, (renderer = chartRenderer(where)));
      rendered.set(spec, (svg = renderer.render({ ...chart, spec })));
    }
    return svg;
  };
  return {
    dir: dataDir,
    dataset,
    config: dataset.config,
    engine,
    words,
    urls,
    access: accessNotice(env, dataset.config.deals),
    logout: offersLogout(env),
    asOf: dayToIso(asOf),
    exportDates: dates,
    exported: newestExport(dates),
    timeline,
    scopes,
    months,
    frozen,
    report,
    kpis,
    shown,
    previous(month) {
      const before = months.map((m) => m.id).filter((id) => id < month).sort().pop();
      return before ? shown(before) : null;
    },
    pooled,
    dealsShown,
    deals,
    plan(scope, view = current) {
      const input = planInputOf(kpis(scope, view.period), pooled(scope, view));
      return { plan: activityPlan(input), input };
    },
    shared<T>(key: string, build: () => T): T {
      if (!parts.has(key)) parts.set(key, build());
      return parts.get(key) as T;
    },
    svg(chart, where) {
      return draw(chart, chart.spec, where);
    },
    phoneSvg(chart, where) {
      return chart.phone ? draw(chart, chart.phone, where) : Promise.resolve(null);
    },
  };
}
