/**
 * Everything the KPI, rep and team pages share, built once per build on
 * top of getSiteData(): words and formats for the config's locale and
 * currency, the timeline, the scopes, each scope's pooled trailing window
 * and plan. Pages call `getViewContext()` and hand its pieces to views.
 */
import type { ChartLocale } from '../core/charts/types.ts';
import { activityPlan, type Plan, type PlanInput } from '../core/coaching/plan.ts';
import { pool, type Pooled } from '../core/coaching/pool.ts';
import { formattersFor } from './text/format.ts';
import { labels } from './text/dictionary.ts';
import type { Period } from '../core/kpi/periods.ts';
import type { KpiReport, Kpis } from '../core/schema/kpiReport.ts';
import type { Config } from '../core/schema/config.ts';
import type { Words } from './cells.ts';
import { kpisOf, siteScopes, type Scope, type Scopes } from './scopes.ts';
import { getSiteData, type SiteData } from './siteData.ts';
import { timelineOf, type Timeline } from './timeline.ts';

export interface ViewContext extends Words {
  site: SiteData;
  config: Config;
  chartLocale: ChartLocale;
  timeline: Timeline;
  scopes: Scopes;
  base: string;
  report(period: Period): KpiReport;
  /** A scope's KPIs for a period (null when the scope is absent from it). */
  kpis(scope: Scope, period: Period): Kpis | null;
  /** The scope's trailing window, pooled (KPI-SPEC's `window` months ending with the current month). */
  pooled(scope: Scope): Pooled;
  /** The scope's plan for the current month's quota, and what it rests on. */
  plan(scope: Scope): { plan: Plan; input: PlanInput };
}

let context: Promise<ViewContext> | undefined;

/** The shared view context of this build. */
export function getViewContext(base = '/'): Promise<ViewContext> {
  context ??= getSiteData().then((site) => buildContext(site, base));
  return context;
}

function buildContext(site: SiteData, base: string): ViewContext {
  const { locale, currency } = site.config;
  const l = labels(locale);
  const timeline = timelineOf(site.engine.facts.asOf, site.config.window);
  const scopes = siteScopes(site.engine.facts.reps, site.config.teams, l, base);
  const report = (period: Period) => site.report(period.id);
  const kpis = (scope: Scope, period: Period) => kpisOf(report(period), scope);
  const pools = new Map<string, Pooled>();
  const pooled = (scope: Scope) => {
    let p = pools.get(scope.key);
    if (!p) {
      const months = timeline.window.flatMap((period) => {
        const k = kpis(scope, period);
        return k ? [{ period: period.id, kpis: k, complete: timeline.complete(period) }] : [];
      });
      pools.set(scope.key, (p = pool(months)));
    }
    return p;
  };
  const plan = (scope: Scope) => {
    const current = kpis(scope, timeline.month);
    const trailing = pooled(scope);
    const input: PlanInput = {
      quota: current?.pipeline.quota ?? 0,
      // The engine's trailing average deal (KPI 3) over the same window.
      avgDealSize: current?.winRate.avgDealSize ?? null,
      leadConversion: trailing.leadConversion,
      winsPerFirstMeeting: trailing.winsPerFirstMeeting,
      outreachPerFirstMeeting: trailing.outreachPerFirstMeeting,
      overall: trailing.overall,
    };
    return { plan: activityPlan(input), input };
  };
  return {
    site,
    config: site.config,
    l,
    f: formattersFor(locale, currency),
    locale,
    chartLocale: { locale, currency },
    timeline,
    scopes,
    base,
    report,
    kpis,
    pooled,
    plan,
  };
}
