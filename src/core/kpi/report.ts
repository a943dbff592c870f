/**
 * The KPI JSON of KPI-SPEC §5 for one period: the whole team, every team of
 * the config and every rep. `kpiEngine` builds the shared index once, so a
 * site asking for many periods pays for it once.
 */
import type { Dataset } from '../ingest/dataset.ts';
import { dayToIso, isoToDay, type Day } from '../ingest/values.ts';
import { activityKpi, type ActivityKpi } from './activity.ts';
import { closedBetween } from './closed.ts';
import { buildFacts, happenedSpan, type Facts } from './facts.ts';
import { laggingKpi, type LaggingKpi } from './lagging.ts';
import { parsePeriod, type Period } from './periods.ts';
import { pipelineKpi, type PipelineKpi } from './pipeline.ts';
import { quotaOf } from './quota.ts';
import { nameRecord } from './records.ts';
import { stagesKpi, type StagesKpi } from './stages.ts';
import { winRateKpi, type WinRateKpi } from './winRate.ts';

export interface Kpis {
  activity: ActivityKpi;
  stages: StagesKpi;
  winRate: WinRateKpi;
  pipeline: PipelineKpi;
  lagging: LaggingKpi;
}

export interface KpiReport {
  period: string;
  asOf: string;
  currency: string;
  team: Kpis;
  teams: Record<string, Kpis>;
  reps: Record<string, Kpis>;
}

/** The four KPIs and the lagging indicators of one scope (a set of rep numbers). */
export function scopeKpis(facts: Facts, scope: readonly number[], period: Period): Kpis {
  const closed = closedBetween(facts, scope, period.start, period.end);
  const quota = quotaOf(facts.quotas, scope, period);
  return {
    activity: activityKpi(facts, scope, period),
    stages: stagesKpi(facts, scope, period),
    winRate: winRateKpi(facts, scope, period, closed, quota),
    pipeline: pipelineKpi(facts, scope, period, closed, quota),
    lagging: laggingKpi(facts, scope, period, closed),
  };
}

export interface KpiEngine {
  facts: Facts;
  /** Rep numbers of each team of the config, in config order of first mention. */
  teams: Map<string, number[]>;
  report(period: Period): KpiReport;
}

/** Builds the shared index for a dataset and as-of date (default: KPI-SPEC §6). */
export function kpiEngine(dataset: Dataset, asOf?: Day): KpiEngine {
  const facts = buildFacts(dataset, asOf ?? happenedSpan(dataset)?.last ?? 0);
  const repNumber = new Map(facts.reps.map((r, i) => [r, i]));
  const teams = new Map<string, number[]>();
  for (const [owner, team] of Object.entries(dataset.config.teams)) {
    const members = teams.get(team) ?? [];
    const rep = repNumber.get(owner);
    if (rep !== undefined) members.push(rep);
    teams.set(team, members);
  }
  const everyone = facts.reps.map((_, i) => i);
  return {
    facts,
    teams,
    report(period) {
      const reps = nameRecord<Kpis>();
      facts.reps.forEach((name, i) => (reps[name] = scopeKpis(facts, [i], period)));
      const teamKpis = nameRecord<Kpis>();
      for (const [team, members] of teams) teamKpis[team] = scopeKpis(facts, members, period);
      return {
        period: period.id,
        asOf: dayToIso(facts.asOf),
        currency: dataset.config.currency,
        team: scopeKpis(facts, everyone, period),
        teams: teamKpis,
        reps,
      };
    },
  };
}

/** Convenience for one period given as text; throws on a malformed period or as-of (callers validate first). */
export function kpiReport(dataset: Dataset, periodId: string, asOfIso?: string): KpiReport {
  const period = parsePeriod(periodId);
  if (!period) throw new Error(`not a period: ${periodId}`);
  const asOf = asOfIso === undefined ? undefined : isoToDay(asOfIso);
  if (asOf === null) throw new Error(`not a date: ${asOfIso}`);
  return kpiEngine(dataset, asOf).report(period);
}
