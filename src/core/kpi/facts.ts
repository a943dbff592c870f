/**
 * The shared index of a loaded Dataset: built once, then every KPI of every
 * scope and period reads from it. Reps are interned to integers and each
 * rep's rows are kept sorted by the day a KPI filters on, so a (scope,
 * period) touches only its own rows.
 */
import type { Dataset } from '../ingest/dataset.ts';
import type { Day } from '../ingest/values.ts';
import { OUTREACH_TYPES } from '../schema/rows.ts';
import { dealFacts, type DealFacts } from './dealFacts.ts';
import { groupByDay, type DayList } from './dayList.ts';
import { leadFacts, NO_DAY, NONE, type LeadFacts } from './leads.ts';
import { toUnits, type Fraction } from './money.ts';
import { configuredOdds } from './odds.ts';
import { quotaTable, type QuotaTable } from './quota.ts';
import { staleByRep, type StaleByRep } from './stale.ts';
import { compareCodePoints } from './codePoints.ts';

export interface Facts {
  dataset: Dataset;
  asOf: Day;
  /** Rep names in code-point order; a rep's number is its index here. */
  reps: string[];
  repOfDeal: Int32Array;
  repOfActivity: Int32Array;
  dealUnits: Float64Array;
  /** Days from created to closed of each won deal, 0 when it closed first (KPI-SPEC §7's cycle); 0 for other deals. */
  cycleDays: Int32Array;
  leads: LeadFacts;
  deals: DealFacts;
  /** Day of each lead's first meeting, or NO_DAY. */
  firstMeetingDay: Int32Array;
  byRep: {
    activities: DayList[];
    /** Each rep's leads (by the owner of their first activity), by first-activity day. */
    leads: DayList[];
    /** First-meeting activities held by each rep, by day. */
    firstMeetings: DayList[];
    dealsByCreated: DayList[];
    /** Won or lost deals, by close date. */
    closedDeals: DayList[];
    /** Won deals, by close date. */
    wonDeals: DayList[];
    /** Deals open at as-of, by expected close date. */
    openDeals: DayList[];
    /** Stage moves, by the day of the later row. */
    moves: DayList[];
    /** Won deals with an account, by close date. */
    wonWithAccount: DayList[];
  };
  quotas: QuotaTable;
  /** The config's probability of each open stage, exact. */
  configuredOdds: Fraction[];
  /** Stale deals among those open at as-of, per rep (KPI-SPEC §7). */
  stale: StaleByRep;
  /** Outreach channel of each activity: its index in `outreachTypes`, or -1 (meetings, other). */
  channelOfActivity: Int8Array;
  outreachTypes: readonly string[];
  /** Account of each deal, interned, or NONE. */
  accountOfDeal: Int32Array;
  accountCount: number;
  /** Earliest churn day per account (NO_DAY = never); null without customers.csv. */
  churnDay: Int32Array | null;
}

/**
 * First and last date of anything that happened: every date column except
 * open deals' expected close dates (forecasts). The last is the default
 * as-of (KPI-SPEC §6). null for a data set without dates.
 */
export function happenedSpan(dataset: Dataset): { first: Day; last: Day } | null {
  const { config } = dataset;
  let first = Infinity;
  let last = -Infinity;
  const see = (day: Day) => {
    if (day < first) first = day;
    if (day > last) last = day;
  };
  for (const d of dataset.deals) {
    see(d.created);
    if (d.stage === config.wonStage || d.stage === config.lostStage) see(d.close_date);
  }
  for (const day of dataset.activities.date) see(day);
  for (const day of dataset.stageHistory.entered) see(day);
  for (const c of dataset.customers ?? []) see(c.churned);
  return Number.isFinite(last) ? { first, last } : null;
}

function repNames(dataset: Dataset): string[] {
  const names = new Set<string>();
  for (const d of dataset.deals) names.add(d.owner);
  for (const owner of dataset.activities.owner.names) names.add(owner);
  for (const q of dataset.quotas) names.add(q.owner);
  return [...names].sort(compareCodePoints);
}

/** Each row's code looked up in `byCode`, a small table per distinct code (a rep, an outreach channel). */
function recode<A extends Int32Array | Int8Array>(codes: Int32Array, byCode: ArrayLike<number>, out: A): A {
  for (let i = 0; i < codes.length; i++) out[i] = byCode[codes[i]];
  return out;
}

export function buildFacts(dataset: Dataset, asOf: Day): Facts {
  const { deals, activities, config } = dataset;
  const reps = repNames(dataset);
  const repIndex = new Map(reps.map((r, i) => [r, i]));
  const repOfDeal = Int32Array.from(deals, (d) => repIndex.get(d.owner)!);
  const repOfActivity = recode(activities.owner.codes, activities.owner.names.map((owner) => repIndex.get(owner)!), new Int32Array(activities.length));
  const day = activities.date;
  const leads = leadFacts(activities);
  const dealsInfo = dealFacts(config, deals, dataset.stageHistory);
  const won = config.stages.length;
  const firstMeetingDay = Int32Array.from(leads.firstMeeting, (a) => (a === NONE ? NO_DAY : day[a]));
  const isFirstMeeting = new Uint8Array(activities.length);
  for (const a of leads.firstMeeting) if (a !== NONE) isFirstMeeting[a] = 1;
  const open = (i: number) => dealsInfo.position[i] >= 0 && dealsInfo.position[i] < won && deals[i].created <= asOf;
  const n = reps.length;
  const accounts = accountFacts(dataset);
  const dealUnits = Float64Array.from(deals, (d) => toUnits(d.amount));
  const openDeals = groupByDay(deals.length, n, (i) => (open(i) ? repOfDeal[i] : -1), (i) => deals[i].close_date);
  const { moves } = dealsInfo;
  const channelOfType = activities.type.names.map((type) => OUTREACH_TYPES.indexOf(type as (typeof OUTREACH_TYPES)[number]));

  return {
    dataset,
    asOf,
    reps,
    repOfDeal,
    repOfActivity,
    dealUnits,
    cycleDays: Int32Array.from(deals, (d, i) => (dealsInfo.position[i] === won ? Math.max(0, d.close_date - d.created) : 0)),
    leads,
    deals: dealsInfo,
    firstMeetingDay,
    byRep: {
      activities: groupByDay(activities.length, n, (i) => repOfActivity[i], (i) => day[i]),
      leads: groupByDay(leads.count, n, (l) => repOfActivity[leads.firstActivity[l]], (l) => day[leads.firstActivity[l]]),
      firstMeetings: groupByDay(activities.length, n, (i) => (isFirstMeeting[i] ? repOfActivity[i] : -1), (i) => day[i]),
      dealsByCreated: groupByDay(deals.length, n, (i) => repOfDeal[i], (i) => deals[i].created),
      closedDeals: groupByDay(deals.length, n, (i) => (dealsInfo.position[i] === won || dealsInfo.position[i] < 0 ? repOfDeal[i] : -1), (i) => deals[i].close_date),
      wonDeals: groupByDay(deals.length, n, (i) => (dealsInfo.position[i] === won ? repOfDeal[i] : -1), (i) => deals[i].close_date),
      openDeals,
      moves: groupByDay(moves.length, n, (m) => repOfDeal[moves.deal[m]], (m) => moves.day[m]),
      wonWithAccount: groupByDay(deals.length, n, (i) => (dealsInfo.position[i] === won && accounts.ofDeal[i] !== NONE ? repOfDeal[i] : -1), (i) => deals[i].close_date),
    },
    quotas: quotaTable(dataset.quotas, repIndex),
    configuredOdds: configuredOdds(config),
    stale: staleByRep(dataset, openDeals, dealUnits, asOf),
    channelOfActivity: recode(activities.type.codes, channelOfType, new Int8Array(activities.length)),
    outreachTypes: OUTREACH_TYPES,
    accountOfDeal: accounts.ofDeal,
    accountCount: accounts.count,
    churnDay: accounts.churnDay,
  };
}

/** Interns deal accounts; an account listed twice in customers.csv churned on its earliest date. */
function accountFacts(dataset: Dataset) {
  const ids = new Map<string, number>();
  const ofDeal = Int32Array.from(dataset.deals, (d) => {
    if (d.account === undefined) return NONE;
    let id = ids.get(d.account);
    if (id === undefined) ids.set(d.account, (id = ids.size));
    return id;
  });
  let churnDay: Int32Array | null = null;
  if (dataset.customers) {
    churnDay = new Int32Array(ids.size).fill(NO_DAY);
    for (const c of dataset.customers) {
      const id = ids.get(c.account);
      if (id !== undefined && (churnDay[id] === NO_DAY || c.churned < churnDay[id])) churnDay[id] = c.churned;
    }
  }
  return { ofDeal, count: ids.size, churnDay };
}
