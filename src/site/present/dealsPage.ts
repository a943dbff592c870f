/**
 * A scope's deal page of one period (`<scope page>deals/`): the deals
 * behind every count of its pages, a section per list of
 * src/core/deals/dealLists.ts in the core's order (overdue, due by stage,
 * closing this week, stale, slipped, largest, won, lost, the forecast's),
 * each with its title, its rule, its count and amount, and a table of its
 * deals as the core sorts them. Each row carries its deal's id and amount
 * (`data-deal`, `data-amount`) so a list can be added up as it stands.
 * The tables have no CSV download: their rows are the deals of the
 * uploaded CRM export itself, thousands of small files a build need not write.
 */
import { DEAL_LIST_NAMES, type DealList, type DealListName, type DealLists, type DealRow, type ForecastRow, type SlippedRow } from '../../core/deals/dealLists.ts';
import type { Period } from '../../core/kpi/periods.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import { countLabel, fill, type LabelKey } from '../text/dictionary.ts';
import { periodTitle } from '../timeline.ts';
import { dealAnchor } from '../urls.ts';
import { metricCell, type Cell, type Words } from './cell.ts';
import { frameOf, type Frame } from './frame.ts';
import { pageHead, type Link, type PageHead } from './pageHead.ts';
import { partsOf, type Part } from './parts.ts';
import { table, type Row, type Table } from './table.ts';

export interface DealSection {
  list: DealListName;
  /** The section's id, its URL fragment: `overdue`, `closing-this-week`. */
  id: string;
  title: string;
  rule: string;
  /** Its count and amount in words, the KPI JSON's own numbers as KPI cells where the JSON has them. */
  total: Part[];
  /** Null when the list is empty (the page says so instead). */
  table: Table | null;
  /** A note before the table (the slipped list before two exports are recorded). */
  note: string | null;
}

export interface DealsPage {
  frame: Frame;
  scope: Scope;
  period: Period;
  head: PageHead;
  intro: string;
  back: Link;
  contents: { title: string; items: Link[] };
  sections: DealSection[];
}

type AnyRow = DealRow & Partial<ForecastRow & SlippedRow>;

/** A column of a deal table: its label and its cell for a row. */
interface DealColumn {
  label: LabelKey;
  cell: (row: AnyRow, w: Words) => Cell;
}

const word = (text: string | null): Cell => ({ text: text ?? '—', word: true, raw: text });
const date = (iso: string | undefined, w: Words): Cell => ({ text: iso ? w.f.shortDate(iso) : '—', raw: iso ?? null });
const money = (value: number | undefined, w: Words): Cell => ({ text: w.f.money(value ?? null), raw: value ?? null });

const COLUMNS: DealColumn[] = [
  { label: 'dealList.column.account', cell: (r) => word(r.account) },
  { label: 'dealList.column.owner', cell: (r) => word(r.owner) },
  { label: 'dealList.column.stage', cell: (r) => word(r.stage) },
  { label: 'dealList.column.amount', cell: (r, w) => money(r.amount, w) },
  { label: 'dealList.column.closeDate', cell: (r, w) => date(r.closeDate, w) },
  { label: 'dealList.column.daysInStage', cell: (r, w) => ({ text: w.f.count(r.daysInStage), raw: r.daysInStage }) },
  {
    label: 'dealList.column.lastTouch',
    cell: (r, w) => ({ ...date(r.lastTouch, w), note: r.daysSinceTouch === null ? undefined : fill(w.l['dealList.daysAgo'], { days: w.f.days(r.daysSinceTouch) }) }),
  },
];

/** The columns a list adds: the forecast's chance and expected value, a slipped deal's old close date. */
const EXTRA: Partial<Record<DealListName, DealColumn[]>> = {
  forecast: [
    { label: 'dealList.column.probability', cell: (r, w) => ({ text: w.f.rate(r.probability ?? null), raw: r.probability ?? null }) },
    { label: 'dealList.column.expected', cell: (r, w) => money(r.expected, w) },
  ],
  slipped: [{ label: 'dealList.column.slippedFrom', cell: (r, w) => date(r.slippedFrom, w) }],
};

/** The KPI JSON metrics of a list's count and amount, where it has them (closing this week, slipped and largest are the lists' own). */
const TOTALS: Partial<Record<DealListName, { count: MetricRef; amount: MetricRef }>> = {
  overdue: { count: { path: 'pipeline.overdue.count' }, amount: { path: 'pipeline.overdue.amount' } },
  due: { count: { path: 'pipeline.open.count' }, amount: { path: 'pipeline.open.amount' } },
  stale: { count: { path: 'outlook.stale.count' }, amount: { path: 'outlook.stale.amount' } },
  won: { count: { path: 'winRate.won' }, amount: { path: 'winRate.wonAmount' } },
  lost: { count: { path: 'winRate.lost' }, amount: { path: 'winRate.lostAmount' } },
  forecast: { count: { path: 'outlook.forecast.deals' }, amount: { path: 'outlook.forecast.expected' } },
};

function dealCount(n: number, w: Words): string {
  return countLabel(w.l, w.f.plurals, 'deals.count', n, w.f.count(n));
}

/** "3 deals" with the number a cell: the KPI's own cell, so it reads as on every other page. */
function countParts(n: number, cell: Cell, w: Words): Part[] {
  return partsOf(countLabel(w.l, w.f.plurals, 'deals.count', n, '{n}'), { n: cell });
}

/** A list's count and amount in words: KPI cells (their `data-kpi` marks) where the KPI JSON has the number. */
function totalOf(site: SiteModel, scope: Scope, period: Period, name: DealListName, lists: DealLists): Part[] {
  const w = site.words;
  const { l, f } = w;
  const list: DealList = lists[name];
  const kpis = site.kpis(scope, period);
  const refs = TOTALS[name];
  const at = { scope: scope.key, period: period.id };
  const count: Part[] = refs && kpis ? countParts(list.count, { ...metricCell(kpis, refs.count, at, w), flag: undefined }, w) : [dealCount(list.count, w)];
  const amount: Part = refs && kpis && name !== 'forecast' ? { ...metricCell(kpis, refs.amount, at, w), flag: undefined } : f.money(list.amount);
  if (name === 'forecast') {
    const { closedWon, weighted } = lists.forecast;
    const expected: Part = refs && kpis ? { ...metricCell(kpis, refs.amount, at, w), flag: undefined } : f.money(lists.forecast.expected);
    return partsOf(l['dealList.forecastTotal'], { count, amount, weighted: f.money(weighted), closedWon: f.money(closedWon), expected });
  }
  if (name === 'largest') return partsOf(l['dealList.largestTotal'], { count, of: f.count(lists.largest.of), amount });
  return partsOf(l['dealList.total'], { count, amount });
}

/** The rows of a list: its deals in the core's order; the due list grouped by stage (config order). */
function rowsOf(name: DealListName, lists: DealLists, columns: DealColumn[], w: Words): Row[] {
  const rowOf = (r: AnyRow, group?: string): Row => ({
    head: { text: r.name ?? r.id, word: true, raw: r.name ?? r.id },
    cells: columns.map((c) => c.cell(r, w)),
    data: { deal: r.id, amount: String(r.amount) },
    group,
  });
  if (name !== 'due') return (lists[name].rows as AnyRow[]).map((r) => rowOf(r));
  return lists.due.byStage.flatMap((s) => {
    const group = fill(w.l['dealList.stageGroup'], { stage: s.stage, count: dealCount(s.count, w), amount: w.f.money(s.amount) });
    return s.rows.map((r) => rowOf(r, group));
  });
}

function section(site: SiteModel, scope: Scope, period: Period, name: DealListName, lists: DealLists): DealSection {
  const w = site.words;
  const { l } = w;
  const id = dealAnchor(name);
  const title = l[`dealList.title.${name}`];
  const columns = [...COLUMNS, ...(EXTRA[name] ?? [])];
  const rows = rowsOf(name, lists, columns, w);
  const caption = fill(l['dealList.caption'], { list: title, scope: scope.label, period: periodTitle(period, site.timeline, w) });
  const stem = scope.kind === 'team' ? 'team' : `${scope.kind}-${scope.slug}`;
  const slippedBlind = name === 'slipped' && lists.slipped.exportsRecorded < 2;
  return {
    list: name,
    id,
    title,
    rule: l[`dealList.rule.${name}`],
    total: totalOf(site, scope, period, name, lists),
    table: rows.length ? table({ id: `deals-${stem}-${period.id}-${id}`, caption, columns: [l['dealList.column.deal'], ...columns.map((c) => l[c.label])], rows }, w, false) : null,
    note: slippedBlind ? fill(l['dealList.slippedNeedsExports'], { n: lists.slipped.exportsRecorded }) : null,
  };
}

/** The deal page of `scope` in `period`; the site must show deals (`site.deals` is null otherwise). */
export function dealsPage(site: SiteModel, scope: Scope, period: Period): DealsPage {
  const lists = site.deals(scope, period);
  if (!lists) throw new Error('deal pages are not built when the config says "deals": "hide"');
  const w = site.words;
  const { l, f } = w;
  const head = pageHead(site, 'deals', scope, period, fill(l['deals.pageName'], { scope: scope.label }));
  const sections = DEAL_LIST_NAMES.map((name) => section(site, scope, period, name, lists));
  return {
    frame: frameOf(site, head.title),
    scope,
    period,
    head,
    intro: fill(l['deals.intro'], { scope: scope.label, period: periodTitle(period, site.timeline, w), date: f.date(lists.asOf) }),
    back: { href: site.urls.page('scope', scope, period), text: fill(l['deals.back'], { scope: scope.label }) },
    contents: { title: l['deals.contents'], items: sections.map((s) => ({ href: site.urls.dealList(scope, period, s.list), text: `${s.title} (${f.count(lists[s.list].count)})` })) },
    sections,
  };
}
