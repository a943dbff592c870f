/**
 * The KPI JSON of KPI-SPEC §5 for one period: the whole team, every team of
 * the config and every rep. `kpiEngine` builds the shared index once, so a
 * site asking for many periods pays for it once.
 */
import type { Dataset } from '../ingest/dataset.ts';
import { dayToIso, isoToDay, type Day } from '../ingest/values.ts';
import type { KpiReport, Kpis } from '../schema/kpiReport.ts';
import { activityKpi } from './activity.ts';
import { closedBetween } from './closed.ts';
import { buildFacts, happenedSpan, type Facts } from './facts.ts';
import { winOdds } from './forecast.ts';
import { laggingKpi } from './lagging.ts';
import type { Fraction } from './money.ts';
import { outlookKpi } from './outlook.ts';
import { parsePeriod, type Period } from './periods.ts';
import { openDueIn, pipelineKpi } from './pipeline.ts';
import { quotaOf } from './quota.ts';
import { nameRecord } from './records.ts';
import { stagesKpi } from './stages.ts';
import { trailingWindow, winRateKpi } from './winRate.ts';

/** A period with what its scopes share: the trailing window and the p(s) table learned over it (KPI-SPEC §7). */
export interface PeriodFacts extends Period {
  window: { start: number; end: number };
  odds: Fraction[];
}

export function periodFacts(facts: Facts, period: Period): PeriodFacts {
  const window = trailingWindow(facts, period);
  return { ...period, window, odds: winOdds(facts, window) };
}

/** The four KPIs, the lagging indicators and the outlook of one scope (a set of rep numbers). */
export function scopeKpis(facts: Facts, scope: readonly number[], period: PeriodFacts): Kpis {
  const { window, odds } = period;
  const closed = closedBetween(facts, scope, period.start, period.end);
  const trailing = closedBetween(facts, scope, window.start, window.end);
  const quota = quotaOf(facts.quotas, scope, period);
  const due = openDueIn(facts, scope, period);
  const winRate = winRateKpi(facts, scope, period, closed, trailing, quota);
  return {
    activity: activityKpi(facts, scope, period),
    stages: stagesKpi(facts, scope, period),
    winRate,
    pipeline: pipelineKpi(facts, scope, due, closed, quota),
    lagging: laggingKpi(facts, scope, period, closed),
    outlook: outlookKpi(facts, scope, { window, closed, trailing, avgDealSize: winRate.avgDealSize, due, odds, quota }),
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
    report(asked) {
      const period = periodFacts(facts, asked);
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
