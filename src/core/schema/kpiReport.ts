/**
 * The KPI report (KPI-SPEC §5) as a zod schema: the one source of the metric
 * vocabulary. The engine's types are inferred from it, frozen snapshots are
 * validated by it, and every leaf is a metric registered in `metricMeta`
 * with how it reads (its kind) and, for a rate, what it rests on (the
 * small-number flag). A metric's label is `metric.<path>` in the site's
 * dictionaries (see metric.ts), so adding a metric is: the engine, its entry
 * here, and its label.
 */
import { z } from 'zod';
import type { CaseKind } from '../smallNumbers.ts';

/**
 * How a metric reads: a count, an amount of the report's currency, a rate
 * (a fraction shown as a percentage), a ratio (outreach per meeting), a
 * multiple (coverage, "0.85×"), a number of days, or words.
 */
export type MetricKind = 'count' | 'money' | 'rate' | 'ratio' | 'multiple' | 'days' | 'text';

/** How a text metric is worded: two stages ("Proposal → Negotiation"), KPI 4's focus, or a name shown as it is. */
export type TextWords = 'stagePair' | 'focus' | 'name';

/**
 * What a rate rests on, for its small-number flag: the sum of the counts at
 * `of` (paths of the same scope's KPIs; a `*` takes the rate's own key, or
 * every key when the rate has none), counted as `cases`; win rates use the
 * closed-deal threshold (src/core/smallNumbers.ts).
 */
export interface MetricBasis {
  of: readonly string[];
  cases: CaseKind;
  closed?: boolean;
}

export interface MetricMeta {
  kind: MetricKind;
  words?: TextWords;
  basis?: MetricBasis;
}

/** Every metric schema of the report, with its meta. */
export const metricMeta = z.registry<MetricMeta>();

// Each call makes a new schema, so each metric has its own entry in the registry.
const count = () => z.number().int().nonnegative().register(metricMeta, { kind: 'count' });
const money = () => z.number().nonnegative().register(metricMeta, { kind: 'money' });
/** Rates are fractions or null (zero denominator), never NaN. */
const rate = (basis?: MetricBasis) => z.number().nullable().register(metricMeta, { kind: 'rate', basis });
const ratio = (basis?: MetricBasis) => z.number().nullable().register(metricMeta, { kind: 'ratio', basis });
const days = () => z.number().nonnegative().nullable().register(metricMeta, { kind: 'days' });
const stageName = () => z.string().register(metricMeta, { kind: 'text', words: 'name' });
const openAmount = () => z.object({ count: count(), amount: money(), weighted: money() });

const firstMeetings = { of: ['activity.firstMeetings'], cases: 'meetings' } as const;
const closedDeals = { of: ['winRate.won', 'winRate.lost'], cases: 'deals', closed: true } as const;

export const activitySchema = z.object({
  outreach: count(),
  firstMeetings: count(),
  outreachPerFirstMeeting: ratio(firstMeetings),
  firstMeetingsWithNextStep: count(),
  nextStepRate: rate(firstMeetings),
  bySource: z.record(z.string(), z.object({ leads: count(), met: count(), rate: rate({ of: ['activity.bySource.*.leads'], cases: 'leads' }) })),
  byChannel: z.record(
    z.string(),
    z.object({ touches: count(), leads: count(), met: count(), rate: rate({ of: ['activity.byChannel.*.leads'], cases: 'leads' }) }),
  ),
});

export const stagesSchema = z.object({
  transitions: z.array(
    z.object({
      from: stageName(),
      to: stageName(),
      reached: count(),
      advanced: count(),
      rate: rate({ of: ['stages.transitions.*.reached'], cases: 'deals' }),
    }),
  ),
  overall: rate({ of: ['stages.transitions.0.reached'], cases: 'deals' }),
  leak: z.object({ from: z.string(), to: z.string() }).nullable().register(metricMeta, { kind: 'text', words: 'stagePair' }),
  forward: z.record(z.string(), count()),
  backward: z.record(z.string(), count()),
});

export const winRateSchema = z.object({
  won: count(),
  lost: count(),
  rate: rate(closedDeals),
  wonAmount: money(),
  lostAmount: money(),
  valueRate: rate(closedDeals),
  leadConversion: rate({ of: ['activity.bySource.*.leads'], cases: 'leads' }),
  avgDealSize: money().nullable().register(metricMeta, { kind: 'money' }),
  dealsNeeded: count().nullable().register(metricMeta, { kind: 'count' }),
  leadsNeeded: count().nullable().register(metricMeta, { kind: 'count' }),
});

export const pipelineSchema = z.object({
  quota: money(),
  closedWon: money(),
  gap: money(),
  attainment: rate(),
  open: openAmount(),
  openByStage: z.record(z.string(), openAmount()),
  coverage: z.number().nullable().register(metricMeta, { kind: 'multiple' }),
  overdue: z.object({ count: count(), amount: money() }),
  focus: z.enum(['create', 'close', 'done']).register(metricMeta, { kind: 'text', words: 'focus' }),
});

export const laggingSchema = z.object({ totalSales: money(), won: count(), lost: count(), customers: count(), churnRate: rate() });

/**
 * KPI-SPEC v2's outlook (§7): cycle, velocity, stale deals, forecast. Days
 * are never negative (a won deal closed before it was created counts 0
 * days); velocity per day is money a day.
 */
export const outlookSchema = z.object({
  cycle: z.object({ wonDeals: count(), medianDays: days(), meanDays: days() }),
  velocity: z.object({
    opportunities: count(),
    winRate: rate(),
    avgDealSize: money().nullable().register(metricMeta, { kind: 'money' }),
    cycleDays: days(),
    perDay: money().nullable().register(metricMeta, { kind: 'money' }),
  }),
  stale: z.object({ count: count(), amount: money() }),
  forecast: z.object({ deals: count(), expected: money(), low: money(), high: money(), attainment: rate() }),
});

/** One scope's KPIs as KPI-SPEC v1 defined them, what every version has: the four KPIs and the lagging indicators. */
export const coreKpisSchema = z.object({
  activity: activitySchema,
  stages: stagesSchema,
  winRate: winRateSchema,
  pipeline: pipelineSchema,
  lagging: laggingSchema,
});

/** One scope's KPIs (KPI-SPEC v2): v1's and the outlook. */
export const kpisSchema = coreKpisSchema.extend({ outlook: outlookSchema });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date (YYYY-MM-DD)');

/** The KPI JSON of one period with `kpis` for each scope: the whole team, every team of the config and every rep. */
function reportOf<K extends z.ZodType>(kpis: K) {
  return z.object({
    period: z.string(),
    asOf: isoDate,
    currency: z.string().regex(/^[A-Z]{3}$/, 'not an ISO 4217 currency code'),
    team: kpis,
    teams: z.record(z.string(), kpis),
    reps: z.record(z.string(), kpis),
  });
}

/** The KPI JSON the engine writes (KPI-SPEC v2). */
export const kpiReportSchema = reportOf(kpisSchema);
/** The KPI JSON of KPI-SPEC v1, as a snapshot frozen under it holds: no outlook. */
export const coreKpiReportSchema = reportOf(coreKpisSchema);

export type ActivityKpi = z.infer<typeof activitySchema>;
export type SourceRatio = ActivityKpi['bySource'][string];
export type ChannelRatio = ActivityKpi['byChannel'][string];
export type StagesKpi = z.infer<typeof stagesSchema>;
export type Transition = StagesKpi['transitions'][number];
export type WinRateKpi = z.infer<typeof winRateSchema>;
export type PipelineKpi = z.infer<typeof pipelineSchema>;
export type OpenAmount = PipelineKpi['open'];
export type LaggingKpi = z.infer<typeof laggingSchema>;
export type OutlookKpi = z.infer<typeof outlookSchema>;
export type CycleKpi = OutlookKpi['cycle'];
export type StaleKpi = OutlookKpi['stale'];
export type ForecastKpi = OutlookKpi['forecast'];
export type CoreKpis = z.infer<typeof coreKpisSchema>;
export type Kpis = z.infer<typeof kpisSchema>;
export type KpiReport = z.infer<typeof kpiReportSchema>;
export type CoreKpiReport = z.infer<typeof coreKpiReportSchema>;
