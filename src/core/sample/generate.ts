/**
 * The deterministic sample data set (KPI-SPEC §1): deals with stage history,
 * activities, quotas, churned customers and the config. Pure: rows are yielded
 * one at a time, interleaved across files, so a caller can stream a million
 * activities to disk with flat memory. Same options -> the same rows, in the
 * same order.
 */
import { createRandom, cumulative, pickIndex } from './random.ts';
import { isoToDay } from '../ingest/values.ts';
import { monthIndexOf, monthStart } from '../kpi/periods.ts';
import { formatDay, formatMonth, formatQuarter } from './days.ts';
import { accountName, PRODUCTS } from './names.ts';
import { buildReps, type Rep } from './reps.ts';
import { sampleConfig, type SampleConfig } from './sampleConfig.ts';
import { addDealLead, addProspectLead, pickSource, type SampleFile, type SampleRow, type Sim } from './sampleLeads.ts';
import { addDeal } from './deals.ts';

export type { SampleFile, SampleRow } from './sampleLeads.ts';
export type { SampleConfig } from './sampleConfig.ts';

/** What to generate. `asOf` is the last day with data (`YYYY-MM-DD`). */
export interface SampleOptions {
  seed: number;
  asOf: string;
  /** Calendar months of data, ending with the as-of month (which may be partial). */
  months: number;
  /** Exact number of deals. */
  deals: number;
  /** Target number of activities; the result is within about one deal's activities of it. */
  activities: number;
  reps: number;
  teams: number;
}

/** The committed sample (`npm run sample`): 8 reps in 2 teams over 18 months. */
export const SAMPLE_DEFAULTS: Omit<SampleOptions, 'asOf'> = {
  seed: 42, months: 18, deals: 3_000, activities: 50_000, reps: 8, teams: 2,
};

/** The benchmark's large data set: 100k deals and 1M activities over 24 months. */
export const BENCH_DEFAULTS: Omit<SampleOptions, 'asOf'> = {
  seed: 42, months: 24, deals: 100_000, activities: 1_000_000, reps: 60, teams: 6,
};

/** The CSV files in write order, and their header rows. */
export const SAMPLE_FILES: readonly SampleFile[] = [
  'deals.csv', 'stage_history.csv', 'activities.csv', 'quotas.csv', 'customers.csv',
];
export const SAMPLE_HEADERS: Readonly<Record<SampleFile, readonly string[]>> = {
  'deals.csv': ['id', 'name', 'account', 'owner', 'source', 'stage', 'amount', 'created', 'close_date', 'lost_at_stage', 'lead'],
  'stage_history.csv': ['deal', 'stage', 'entered'],
  'activities.csv': ['id', 'date', 'owner', 'type', 'lead', 'source', 'deal', 'next_step'],
  'quotas.csv': ['owner', 'period', 'amount'],
  'customers.csv': ['account', 'churned'],
};

/** Days before as-of in which the team behind quota creates few deals (thin pipeline). */
const THIN_PIPELINE_DAYS = 75;
/** Quota as a multiple of a rep's steady monthly closed-won. */
const QUOTA_FACTOR = { behind: 1.6, star: 0.85, other: 0.95 };
/** Share of won accounts that churn later. */
const CHURN = 0.1;

/**
 * Problems with `opts`, as sentences (empty when fine): counts must be whole
 * numbers in range, 1 <= teams <= reps, asOf a real `YYYY-MM-DD` date.
 */
export function checkSampleOptions(opts: SampleOptions): string[] {
  const problems: string[] = [];
  if (isoToDay(opts.asOf) === null) problems.push(`as-of "${opts.asOf}" is not a date in the form YYYY-MM-DD`);
  const ranges: [keyof SampleOptions, number, number][] = [
    ['seed', 0, 2 ** 32 - 1], ['months', 1, 240], ['deals', 0, 10_000_000],
    ['activities', 0, 100_000_000], ['reps', 1, 10_000], ['teams', 1, 1_000],
  ];
  for (const [key, min, max] of ranges) {
    const value = opts[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems.push(`${key} must be a whole number from ${min} to ${max} (got ${String(value)})`);
    }
  }
  if (opts.teams > opts.reps) problems.push(`teams (${opts.teams}) cannot exceed reps (${opts.reps})`);
  return problems;
}

function assertOptions(opts: SampleOptions): void {
  const problems = checkSampleOptions(opts);
  if (problems.length) throw new RangeError(`Invalid sample options: ${problems.join('; ')}.`);
}

/** The keepscore.config.json object for `opts` (throws RangeError on bad options). */
export function generateConfig(opts: SampleOptions): SampleConfig {
  assertOptions(opts);
  return sampleConfig(buildReps(opts.reps, opts.teams));
}

/**
 * Every CSV row of the sample (headers not included: see SAMPLE_HEADERS),
 * tagged with its file. Deals come in creation order, each followed by its
 * lead's and its own activities, with prospecting leads mixed in to reach the
 * activity target; quotas and customers come last. Throws RangeError on bad
 * options before yielding anything.
 */
export function* generateRows(opts: SampleOptions): Generator<SampleRow, void, undefined> {
  assertOptions(opts);
  const asOf = isoToDay(opts.asOf) as number;
  const lastMonth = monthIndexOf(asOf);
  const firstMonth = lastMonth - opts.months + 1;
  const sim: Sim = {
    random: createRandom(opts.seed), start: monthStart(firstMonth), asOf, out: [],
    activityCount: 0, leadCount: 0, activityIdWidth: Math.max(6, String(opts.activities).length),
  };
  const { random } = sim;
  const reps = buildReps(opts.reps, opts.teams);
  const span = asOf - sim.start + 1;
  const thinFrom = Math.max(sim.start - 1, asOf - THIN_PIPELINE_DAYS);
  const weights = (thinning: number, pick: (rep: Rep) => number) =>
    cumulative(reps.map((rep) => pick(rep) * (rep.behind ? thinning : 1)));
  // The team behind prospects less lately, and few of its leads turn into deals.
  const dealWeights = [1, 0.3].map((thinning) => weights(thinning, (r) => r.persona.dealWeight * r.team.volume));
  const prospectWeights = [1, 0.6].map((thinning) => weights(thinning, (r) => r.persona.prospectWeight));
  const dealDay = creationDays(sim.start, thinFrom, asOf, dealWeights);
  const prospect = (day: number) => {
    const rep = reps[pickIndex(random, prospectWeights[day > thinFrom ? 1 : 0])];
    addProspectLead(sim, rep, day);
  };

  const wonByRepMonth = new Float64Array(opts.reps * opts.months);
  const firstWonByAccount = new Map<number, number>();
  const accountPool = Math.max(20, Math.round(opts.deals / 3));
  const dealIdWidth = Math.max(5, String(opts.deals).length);
  let dealActivities = 9; // running mean of activities per deal, for the activity budget

  for (let i = 0; i < opts.deals; i++) {
    const created = dealDay((i + random.next()) / opts.deals);
    const target = (opts.activities * (i + 1)) / opts.deals;
    while (sim.activityCount + dealActivities < target) prospect(created);
    yield* drain(sim);

    const before = sim.activityCount;
    const rep = reps[pickIndex(random, dealWeights[created > thinFrom ? 1 : 0])];
    const source = pickSource(random, false);
    const accountIndex = random.chance(0.03) ? -1 : random.int(0, accountPool - 1);
    const lead = addDealLead(sim, rep, source, created);
    const outcome = addDeal(sim, {
      id: `D-${String(i + 1).padStart(dealIdWidth, '0')}`, rep, source, lead, created,
      account: accountIndex < 0 ? '' : accountName(accountIndex), product: random.pick(PRODUCTS),
    });
    dealActivities += (sim.activityCount - before - dealActivities) / (i + 1);
    if (outcome.status === 'won') {
      wonByRepMonth[rep.index * opts.months + monthIndexOf(outcome.closeDay) - firstMonth] += outcome.amount;
      if (accountIndex >= 0 && !firstWonByAccount.has(accountIndex)) firstWonByAccount.set(accountIndex, outcome.closeDay);
    }
    yield* drain(sim);
  }
  while (sim.activityCount < opts.activities) {
    prospect(sim.start + Math.floor((sim.activityCount / opts.activities) * span));
    yield* drain(sim);
  }
  yield* quotaRows(reps, wonByRepMonth, opts.months, firstMonth);
  yield* customerRows(sim, firstWonByAccount);
}

/** Churns CHURN of the won accounts, 30 days or more after their first win and by as-of. */
function* customerRows(sim: Sim, firstWonByAccount: Map<number, number>): Generator<SampleRow, void, undefined> {
  for (const [accountIndex, firstWon] of firstWonByAccount) {
    if (!sim.random.chance(CHURN) || firstWon + 30 > sim.asOf) continue;
    yield { file: 'customers.csv', row: [accountName(accountIndex), formatDay(sim.random.int(firstWon + 30, sim.asOf))] };
  }
}

/**
 * Maps a fraction in [0, 1) to a creation day so that deals come at an even
 * rate, except after `thinFrom`, where the rate drops by exactly what the
 * thinned team no longer creates: the other reps keep their usual rate rather
 * than absorbing the missing deals.
 */
function creationDays(start: number, thinFrom: number, asOf: number, weights: readonly Float64Array[]) {
  const total = (sums: Float64Array) => sums[sums.length - 1];
  const thinRate = total(weights[1]) / total(weights[0]);
  const normalDays = thinFrom - start + 1;
  const mass = normalDays + (asOf - thinFrom) * thinRate;
  return (fraction: number): number => {
    const x = fraction * mass;
    const day = x < normalDays ? start + Math.floor(x) : thinFrom + 1 + Math.floor((x - normalDays) / thinRate);
    return Math.min(asOf, day);
  };
}

function* drain(sim: Sim): Generator<SampleRow, void, undefined> {
  const rows = sim.out;
  for (let i = 0; i < rows.length; i++) yield rows[i];
  rows.length = 0;
}

/**
 * Quotas from each rep's steady-state monthly closed-won (ramp-up and the
 * partial last month left out) times their factor, rounded to 5,000: the team
 * behind gets 1.6x, the star 0.85x, the others 0.95x. The window starts with the team's launch,
 * so the first three months ramp (25 %, 50 %, 75 %). Quarterly reps get one
 * `YYYY-Qn` row (the sum of its months) per quarter that starts in the window,
 * and always one for the as-of quarter (months before the window count as
 * ramp month one); others one `YYYY-MM` row per month. Both run to the end of the as-of
 * quarter, so the months just ahead have a quota too.
 */
function* quotaRows(reps: readonly Rep[], won: Float64Array, months: number, firstMonth: number): Generator<SampleRow, void, undefined> {
  const lastMonth = firstMonth + months - 1;
  const quarterEnd = lastMonth - (lastMonth % 3) + 2;
  const from = months >= 6 ? 3 : 0;
  const to = months >= 6 ? months - 1 : months;
  for (const rep of reps) {
    let sum = 0;
    for (let m = from; m < to; m++) sum += won[rep.index * months + m];
    const factor = rep.behind ? QUOTA_FACTOR.behind : rep.persona.kind === 'star' ? QUOTA_FACTOR.star : QUOTA_FACTOR.other;
    const full = Math.max(5_000, Math.round((sum / Math.max(1, to - from)) * factor / 5_000) * 5_000);
    const quota = (m: number) => (m - firstMonth < 3 ? (full * Math.max(1, m - firstMonth + 1)) / 4 : full);
    for (let m = firstMonth; m <= quarterEnd; m++) {
      if (!rep.quarterly) {
        yield { file: 'quotas.csv', row: [rep.name, formatMonth(m), String(quota(m))] };
      } else if (m % 3 === 0 || (m === firstMonth && quarterEnd - m < 3)) {
        const q0 = m - (m % 3);
        yield { file: 'quotas.csv', row: [rep.name, formatQuarter(m), String(quota(q0) + quota(q0 + 1) + quota(q0 + 2))] };
      }
    }
  }
}
