/**
 * The shared index of a loaded Dataset: built once, then every KPI of every
 * scope and period reads from it. Reps are interned to integers and each
 * rep's rows are kept sorted by the day a KPI filters on, so a (scope,
 * period) touches only its own rows.
 */
import type { Dataset } from '../ingest/dataset.ts';
import type { Day } from '../ingest/values.ts';
import { OUTREACH_TYPES } from '../schema/rows.ts';
import { closedSums, type ClosedSums } from './closed.ts';
import { dealFacts, type DealFacts } from './dealFacts.ts';
import { groupByDay, type DayList } from './dayList.ts';
import { leadFacts, NO_DAY, NONE, type LeadFacts } from './leads.ts';
import { toUnits, type Fraction } from './money.ts';
import { configuredOdds } from './odds.ts';
import { quotaTable, type QuotaTable } from './quota.ts';
import { staleByRep, type StaleByRep } from './stale.ts';
import { dealTouches, type DealTouches } from './touches.ts';
import { closeDateHistory, type CloseDateHistory } from './closeDateHistory.ts';
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
    /**
     * Each rep's outreach touches by day: `rows` holds, for each, `lead * outreachTypes.length + channel`
     * rather than the activity, so KPI 1 reads a period's touches in order (activity.ts).
     */
    touches: DayList[];
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
  /** Stale deals among those open at as-of, per rep and per deal (KPI-SPEC §7). */
  stale: StaleByRep;
  /** Each deal's last touch and its entry into its current stage, as of as-of. */
  touches: DealTouches;
  /** The close dates recorded for each deal (close_dates.csv); null without that file. */
  closeDates: CloseDateHistory | null;
  outreachTypes: readonly string[];
  /** Account of each deal, interned, or NONE. */
  accountOfDeal: Int32Array;
  accountCount: number;
  /** Earliest churn day per account (NO_DAY = never); null without customers.csv. */
  churnDay: Int32Array | null;
  /** The accounts that churned, by churn day; null without customers.csv. */
  churnedAccounts: DayList | null;
  /** Running totals along each rep's `closedDeals` (closed.ts). */
  closedSums: ClosedSums[];
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

/** Outreach activities (channel >= 0) by rep and day, each as its lead and channel: `lead * channels + channel`. */
function touchesByRep(count: number, reps: number, repOf: Int32Array, channelOf: Int8Array, leadOf: Int32Array, dayOf: Int32Array): DayList[] {
  const lists = groupByDay(count, reps, (i) => (channelOf[i] >= 0 ? repOf[i] : -1), (i) => dayOf[i]);
  const channels = OUTREACH_TYPES.length;
  for (const list of lists) for (let p = 0; p < list.rows.length; p++) list.rows[p] = leadOf[list.rows[p]] * channels + channelOf[list.rows[p]];
  return lists;
}

/** Each lead's first meeting, by its rep and day (rows: the meetings' activities). */
function firstMeetingsByRep(firstMeeting: Int32Array, reps: number, repOf: Int32Array, dayOf: Int32Array): DayList[] {
  const lists = groupByDay(firstMeeting.length, reps, (l) => (firstMeeting[l] === NONE ? -1 : repOf[firstMeeting[l]]), (l) => dayOf[firstMeeting[l]]);
  for (const list of lists) for (let p = 0; p < list.rows.length; p++) list.rows[p] = firstMeeting[list.rows[p]];
  return lists;
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
  const open = (i: number) => dealsInfo.position[i] >= 0 && dealsInfo.position[i] < won && deals[i].created <= asOf;
  const n = reps.length;
  const accounts = accountFacts(dataset);
  const dealUnits = Float64Array.from(deals, (d) => toUnits(d.amount));
  const openDeals = groupByDay(deals.length, n, (i) => (open(i) ? repOfDeal[i] : -1), (i) => deals[i].close_date);
  const { moves } = dealsInfo;
  const closedDeals = groupByDay(deals.length, n, (i) => (dealsInfo.position[i] === won || dealsInfo.position[i] < 0 ? repOfDeal[i] : -1), (i) => deals[i].close_date);
  const channelOfType = activities.type.names.map((type) => OUTREACH_TYPES.indexOf(type as (typeof OUTREACH_TYPES)[number]));
  const channelOfActivity = recode(activities.type.codes, channelOfType, new Int8Array(activities.length));
  const touches = dealTouches(dataset, asOf);

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
      touches: touchesByRep(activities.length, n, repOfActivity, channelOfActivity, leads.leadOfActivity, day),
      leads: groupByDay(leads.count, n, (l) => repOfActivity[leads.firstActivity[l]], (l) => day[leads.firstActivity[l]]),
      firstMeetings: firstMeetingsByRep(leads.firstMeeting, n, repOfActivity, day),
      dealsByCreated: groupByDay(deals.length, n, (i) => repOfDeal[i], (i) => deals[i].created),
      closedDeals,
      wonDeals: groupByDay(deals.length, n, (i) => (dealsInfo.position[i] === won ? repOfDeal[i] : -1), (i) => deals[i].close_date),
      openDeals,
      moves: groupByDay(moves.length, n, (m) => repOfDeal[moves.deal[m]], (m) => moves.day[m]),
      wonWithAccount: groupByDay(deals.length, n, (i) => (dealsInfo.position[i] === won && accounts.ofDeal[i] !== NONE ? repOfDeal[i] : -1), (i) => deals[i].close_date),
    },
    quotas: quotaTable(dataset.quotas, repIndex),
    configuredOdds: configuredOdds(config),
    stale: staleByRep(dataset, openDeals, dealUnits, touches.lastTouch, asOf),
    touches,
    closeDates: closeDateHistory(dataset),
    outreachTypes: OUTREACH_TYPES,
    accountOfDeal: accounts.ofDeal,
    accountCount: accounts.count,
    churnDay: accounts.churnDay,
    churnedAccounts: accounts.churned,
    closedSums: closedSums(closedDeals, dealsInfo.position, won, dealUnits),
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
  const churned = churnDay && groupByDay(ids.size, 1, (a) => (churnDay[a] === NO_DAY ? -1 : 0), (a) => churnDay[a])[0];
  return { ofDeal, count: ids.size, churnDay, churned };
}
