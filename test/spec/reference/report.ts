/**
 * The reference KPI JSON (KPI-SPEC §5) of one period: the team, every team of
 * the config, every rep. A second, deliberately simple implementation of the
 * spec, written from its text alone, to compare the engine with.
 */
import { activityKpi, leadFacts, type LeadFacts } from './activity.ts';
import { laggingKpi } from './lagging.ts';
import { cycle, cycleDays, forecast, meanOf, stageOdds, stale, velocity } from './outlook.ts';
import { parsePeriod, trailingWindow, type RefPeriod } from './periods.ts';
import { pipelineKpi } from './pipeline.ts';
import { periodQuota } from './quota.ts';
import type { RefData, RefEntry } from './readCanonical.ts';
import type { Q } from './rational.ts';
import { stagesKpi, historyByDeal } from './stages.ts';
import { amountOf, closedIn, statusOf } from './status.ts';
import { avgDealSize, winRateKpi } from './winRate.ts';

/** §6: the latest date of anything that happened: every date column but open deals' close dates. */
export function defaultAsOf(data: RefData): string {
  const dates: string[] = [];
  for (const d of data.deals) {
    dates.push(d.created);
    if (statusOf(d, data.config) !== 'open') dates.push(d.close);
  }
  for (const e of data.history) dates.push(e.date);
  for (const a of data.activities) dates.push(a.date);
  for (const c of data.customers ?? []) dates.push(c.churned);
  return dates.reduce((a, b) => (b > a ? b : a));
}

/** §5: a rep appears when it owns a deal, an activity or a quota row. */
export function repsOf(data: RefData): string[] {
  const reps = new Set<string>();
  for (const row of [...data.deals, ...data.activities, ...data.quotas]) reps.add(row.owner);
  return [...reps].sort();
}

interface Shared {
  data: RefData;
  leads: Map<string, LeadFacts>;
  byDeal: Map<string, RefEntry[]>;
  odds: Map<string, Q>;
  period: RefPeriod;
  asOf: string;
}

function scopeKpis({ data, leads, byDeal, odds, period, asOf }: Shared, scope: Set<string>) {
  const { config } = data;
  const deals = data.deals.filter((d) => scope.has(d.owner));
  const window = trailingWindow(period, config.window);
  const quota = periodQuota(data.quotas, scope, period);
  const closedWon = amountOf(closedIn(deals, config, period).won);
  const days = cycleDays(deals, config, window);
  const avg = avgDealSize(deals, config, period);
  return {
    activity: activityKpi(data.activities, leads, scope, period, asOf),
    stages: stagesKpi(deals, byDeal, config, period),
    winRate: winRateKpi(deals, leads, scope, config, period, quota),
    pipeline: pipelineKpi(deals, config, period, asOf, quota, closedWon),
    lagging: laggingKpi(deals, data.customers, config, period),
    outlook: {
      cycle: cycle(days),
      velocity: velocity(deals, config, window, asOf, avg, meanOf(days)),
      stale: stale(deals, byDeal, data.activities, config, asOf),
      forecast: forecast({ deals, odds, period, asOf, closedWon, quota }, config),
    },
  };
}

export type RefKpis = ReturnType<typeof scopeKpis>;

export function referenceReport(data: RefData, periodText: string, asOfText?: string) {
  const period = parsePeriod(periodText);
  const asOf = asOfText ?? defaultAsOf(data);
  const byDeal = historyByDeal(data.history);
  // §7: one p(s) table from every deal in the data, for every scope, so scopes add up.
  const odds = stageOdds(data.deals, byDeal, data.config, trailingWindow(period, data.config.window));
  const shared: Shared = { data, leads: leadFacts(data.activities), byDeal, odds, period, asOf };
  const reps = repsOf(data);
  const teams: Record<string, RefKpis> = {};
  for (const team of new Set(Object.values(data.config.teams))) {
    const members = Object.keys(data.config.teams).filter((owner) => data.config.teams[owner] === team);
    teams[team] = scopeKpis(shared, new Set(members));
  }
  return {
    period: period.id,
    asOf,
    currency: data.config.currency,
    team: scopeKpis(shared, new Set(reps)),
    teams,
    reps: Object.fromEntries(reps.map((rep) => [rep, scopeKpis(shared, new Set([rep]))])),
  };
}
