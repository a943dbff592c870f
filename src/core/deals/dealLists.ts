/**
 * Deals you can act on: for a scope and a period, the deals behind each
 * count of the KPI JSON — overdue, due in the period (by stage), closing
 * this week, stale, slipped, the largest due, won and lost, the forecast's —
 * each row with how long the deal has sat. Read from the KPI engine's own
 * index with the engine's own rules, so each list's count and amount are
 * the KPI JSON's numbers exactly (dealLists.agree.test.ts holds them to it).
 * Activity rows, leads and contacts are never in a list (DESIGN.md).
 */
import type { Config } from '../schema/config.ts';
import { dayToIso } from '../ingest/values.ts';
import { rangeOf, type DayList } from '../kpi/dayList.ts';
import type { Facts } from '../kpi/facts.ts';
import { add, fraction, fractionValue, fromUnits, quotient, UNITS_PER_CURRENCY } from '../kpi/money.ts';
import { periodOf } from '../kpi/periods.ts';
import { weightedUnits, type StageTally } from '../kpi/pipeline.ts';
import type { PeriodFacts } from '../kpi/report.ts';
import { dealRows, type DealRow, type ForecastRow, type SlippedRow } from './dealRow.ts';
import { BY_AMOUNT, BY_CLOSE_DATE, BY_EXPECTED, BY_LAST_TOUCH, listOf, sortDeals, unitsOf, type DealList } from './dealList.ts';
import { exportsRecorded, slippedDeals } from './slipped.ts';

export type { DealList } from './dealList.ts';
export type { DealRow, ForecastRow, SlippedRow } from './dealRow.ts';

/** One open stage's share of the deals due in the period (KPI 4's `openByStage`), every stage in config order. */
export interface StageDeals extends DealList {
  stage: string;
  weighted: number;
}

export interface DealLists {
  period: string;
  asOf: string;
  /** pipeline.overdue: open at as-of, close date before as-of, whatever the period. Largest first, then most overdue. */
  overdue: DealList;
  /** pipeline.open: open at as-of, close date in P and on or after as-of; `byStage` = openByStage. Largest first. */
  due: DealList & { weighted: number; byStage: StageDeals[] };
  /** Open at as-of, close date from as-of to the end of as-of's ISO week (whatever P). Soonest first. */
  closingThisWeek: DealList & { week: { id: string; start: string; end: string } };
  /** outlook.stale: open at as-of, untouched for longer than the stage's staleDays. Longest untouched first. */
  stale: DealList;
  /** Open at as-of, close date now after P, a close date recorded in P (slipped.ts); `exportsRecorded` < 2: none can be seen yet. Largest first. */
  slipped: DealList<SlippedRow> & { exportsRecorded: number };
  /** The `largest` (default 10) largest deals of `due`; `of` = how many are due. */
  largest: DealList & { of: number };
  /** winRate.won / wonAmount and winRate.lost / lostAmount: closed in P. Largest first. */
  won: DealList;
  lost: DealList;
  /** outlook.forecast: the deals of `due`, each with p(stage) and amount x p; `expected` = closedWon + their sum. Largest expected first. */
  forecast: DealList<ForecastRow> & { closedWon: number; weighted: number; expected: number };
}

/** Every list, in the order a page shows them (and its section anchors: closingThisWeek is `#closing-this-week`). */
export const DEAL_LIST_NAMES = ['overdue', 'due', 'closingThisWeek', 'stale', 'slipped', 'largest', 'won', 'lost', 'forecast'] as const satisfies readonly (keyof DealLists)[];
export type DealListName = (typeof DEAL_LIST_NAMES)[number];

export interface DealListOptions {
  /** How many deals `largest` holds (default 10). */
  largest?: number;
}

/** Whether the site shows deal lists: not when the config says `"deals": "hide"` (aggregates only; DESIGN.md). */
export function dealListsShown(config: Config): boolean {
  return config.deals !== 'hide';
}

/** The deals of the scope's lists within [start, end] of their days (rows only). */
function dealsBetween(lists: readonly DayList[], scope: readonly number[], start: number, end: number): number[] {
  const deals: number[] = [];
  for (const rep of scope) {
    const list = lists[rep];
    const [from, to] = rangeOf(list, start, end);
    for (let p = from; p < to; p++) deals.push(list.rows[p]);
  }
  return deals;
}

/** Per open stage (config order): the due deals' tally, as pipeline.ts tallies them. */
function stageTallies(facts: Facts, deals: readonly number[]): StageTally[] {
  const tallies = facts.dataset.config.stages.map(() => ({ count: 0, units: 0, squares: 0n }));
  for (const deal of deals) {
    const tally = tallies[facts.deals.position[deal]];
    tally.count++;
    tally.units += facts.dealUnits[deal];
  }
  return tallies;
}

/**
 * Every deal list of a scope (rep numbers of `facts.reps`) for a period
 * (`periodFacts(facts, period)`, whose p(s) table the forecast uses). The
 * lists are data: the site words them and links each count to its list;
 * ask `dealListsShown(config)` first.
 */
export function dealLists(facts: Facts, scope: readonly number[], period: PeriodFacts, options: DealListOptions = {}): DealLists {
  const { asOf } = facts;
  const { stages } = facts.dataset.config;
  const row = dealRows(facts);
  const open = (deal: number) => row(deal, true);
  const closed = (deal: number) => row(deal, false);
  const openDeals = facts.byRep.openDeals;
  const due = dealsBetween(openDeals, scope, Math.max(period.start, asOf), period.end);
  const tallies = stageTallies(facts, due);
  const week = periodOf('week', asOf);
  const closedInP = dealsBetween(facts.byRep.closedDeals, scope, period.start, period.end);
  const isWon = (deal: number) => facts.deals.position[deal] === stages.length;
  const won = closedInP.filter(isWon);
  const slipped = new Map(slippedDeals(facts, scope, period).map((s): [number, SlippedRow] => [s.deal, { ...open(s.deal), slippedFrom: dayToIso(s.from), recorded: dayToIso(s.recorded) }]));
  const largest = sortDeals(due, open, BY_AMOUNT).slice(0, options.largest ?? 10);
  return {
    period: period.id,
    asOf: dayToIso(asOf),
    overdue: listOf(facts, dealsBetween(openDeals, scope, -Infinity, asOf - 1), open, BY_AMOUNT),
    due: {
      ...listOf(facts, due, open, BY_AMOUNT),
      weighted: fractionValue(weightedUnits(tallies, facts.configuredOdds)),
      byStage: stages.map((s, i) => ({
        stage: s.name,
        ...listOf(facts, due.filter((deal) => facts.deals.position[deal] === i), open, BY_AMOUNT),
        weighted: fractionValue(weightedUnits([tallies[i]], [facts.configuredOdds[i]])),
      })),
    },
    closingThisWeek: { ...listOf(facts, dealsBetween(openDeals, scope, asOf, week.end), open, BY_CLOSE_DATE), week: { id: week.id, start: dayToIso(week.start), end: dayToIso(week.end) } },
    stale: listOf(facts, dealsBetween(openDeals, scope, -Infinity, Infinity).filter((deal) => facts.stale.isStale[deal]), open, BY_LAST_TOUCH),
    slipped: { ...listOf(facts, [...slipped.keys()], (deal) => slipped.get(deal)!, BY_AMOUNT), exportsRecorded: exportsRecorded(facts) },
    largest: { ...listOf(facts, largest, open, BY_AMOUNT), of: due.length },
    won: listOf(facts, won, closed, BY_AMOUNT),
    lost: listOf(facts, closedInP.filter((deal) => !isWon(deal)), closed, BY_AMOUNT),
    forecast: forecastList(facts, due, tallies, unitsOf(facts, won), period, open),
  };
}

/**
 * The forecast's deals (the due ones), each with p(stage) from the period's
 * table and amount x p; the totals exactly as forecast.ts adds them.
 */
function forecastList(facts: Facts, due: readonly number[], tallies: readonly StageTally[], wonUnits: number, period: PeriodFacts, open: (deal: number) => DealRow): DealLists['forecast'] {
  const { odds } = period;
  const rowOf = (deal: number): ForecastRow => {
    const { num, den } = odds[facts.deals.position[deal]];
    return { ...open(deal), probability: quotient(num, den), expected: quotient(BigInt(facts.dealUnits[deal]) * num, den * BigInt(UNITS_PER_CURRENCY)) };
  };
  const made = new Map(due.map((deal) => [deal, rowOf(deal)]));
  const weighted = weightedUnits(tallies, odds);
  return {
    ...listOf(facts, due, (deal) => made.get(deal)!, BY_EXPECTED),
    closedWon: fromUnits(wonUnits),
    weighted: fractionValue(weighted),
    expected: fractionValue(add(fraction(wonUnits), weighted)),
  };
}
