/**
 * What page tables and cards are made of: cells of formatted text that
 * remember which KPI number they show (`data-kpi`, `data-scope`,
 * `data-period`), so tests and readers can trace every number on a page
 * back to the KPI JSON. Pure: values are looked up and formatted, never
 * computed.
 */
import type { Formatters } from './text/format.ts';
import { countLabel, fill, type Labels } from './text/dictionary.ts';
import type { Kpis } from '../core/schema/kpiReport.ts';
import { SMALL, tooFewCases, tooFewClosed, type CaseKind } from '../core/smallNumbers.ts';

/** How a number reads: the Formatters of src/core/format.ts. */
export type NumberKind = 'count' | 'percent' | 'money' | 'decimal' | 'multiple';

export interface Cell {
  text: string;
  /** The KPI JSON number this cell shows. */
  kpi?: { path: string; scope: string; period: string };
  /** "3 deals — too few to judge": shown next to the number, in words. */
  flag?: string;
  href?: string;
  /** A colour key (a rep's or a stage's colour) drawn before the text. */
  swatch?: string;
  /** Marks the funnel's leak, in words as well as style. */
  leak?: boolean;
  /** Words, not a number: aligned left. */
  word?: boolean;
  /** The unformatted value for the table's CSV download (a number, or null for "—"); the text when absent. */
  raw?: number | string | null;
}

export interface Row {
  head: Cell;
  cells: Cell[];
  leak?: boolean;
}

export interface Table {
  /** The stem of the table's CSV download (`activity-side` -> /csv/activity-side.csv); unique on the site. */
  id?: string;
  caption: string;
  /** Column titles; the first names the row-header column. */
  columns: string[];
  rows: Row[];
}

/** The words and formats a view needs. */
export interface Words {
  l: Labels;
  f: Formatters;
  locale: string;
}

/** The value at a dotted path of one scope's KPIs (`winRate.rate`, `stages.transitions.2.rate`, `activity.bySource.Web.rate`). */
export function valueAt(kpis: Kpis, path: string): unknown {
  const [section, field, ...rest] = path.split('.');
  let value: unknown = (kpis as unknown as Record<string, Record<string, unknown>>)[section]?.[field];
  if ((field === 'bySource' || field === 'byChannel' || field === 'openByStage' || field === 'forward' || field === 'backward') && rest.length) {
    // Names (sources, stages) may hold dots: the key is everything up to the last part, or all of it.
    const map = value as Record<string, unknown>;
    const whole = rest.join('.');
    if (whole in map) return map[whole];
    const name = rest.slice(0, -1).join('.');
    return (map[name] as Record<string, unknown> | undefined)?.[rest[rest.length - 1]];
  }
  for (const key of rest) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

/** A number formatted by kind; null and undefined read "—". */
export function formatNumber(value: number | null | undefined, kind: NumberKind, f: Formatters): string {
  return f[kind](value ?? null);
}

/** The `data-kpi`, `data-scope` and `data-period` attributes of a cell (none when it shows no KPI number). */
export function kpiAttributes(cell: Cell): Record<string, string> {
  return cell.kpi ? { 'data-kpi': cell.kpi.path, 'data-scope': cell.kpi.scope, 'data-period': cell.kpi.period } : {};
}

/** True when a cell is only its number, so a table cell can carry its data attributes itself. */
export function isBare(cell: Cell): boolean {
  return !cell.href && !cell.swatch && !cell.flag;
}

/** The table with its CSV name. */
export function named(table: Table, id: string): Table {
  return { ...table, id };
}

/** A chart view's table named for CSV download. */
export function namedChart<T extends { table: Table }>(view: T, id: string): T {
  return { ...view, table: named(view.table, id) };
}

/** Maps whose zero entries the KPI JSON may omit (KPI-SPEC §6): a missing entry reads 0. */
const ZERO_WHEN_MISSING = /^(pipeline\.openByStage|stages\.forward|stages\.backward)\./;

/** A cell showing `path` of a scope's KPIs for a period, with an optional small-number flag. */
export function kpiCell(kpis: Kpis | null, path: string, kind: NumberKind, scope: string, period: string, w: Words, flag?: string): Cell {
  let value = kpis === null ? null : (valueAt(kpis, path) as number | null | undefined);
  if (value === undefined && kpis !== null && ZERO_WHEN_MISSING.test(path)) value = 0;
  return { text: formatNumber(value, kind, w.f), kpi: { path, scope, period }, flag, raw: value ?? null };
}

/** "3 deals — too few to judge" when `n` cases are too few (win rates count closed deals), else undefined. */
export function smallFlag(kind: CaseKind, n: number, w: Words, closedDeals = false): string | undefined {
  const few = closedDeals ? tooFewClosed(n) : tooFewCases(n);
  return few ? countLabel(w.l, w.locale, `small.${kind}`, n, w.f.count(n)) : undefined;
}

/** The small-number rule in words, with its thresholds. */
export function smallRule(w: Words): string {
  return fill(w.l['small.rule'], { closed: SMALL.closed, reached: SMALL.cases });
}

/** Denominators of the rates of a scope's KPIs: what each rate rests on, for small-number flags. */
export function rateFlags(kpis: Kpis | null, w: Words) {
  if (!kpis) return { nextStep: undefined, overall: undefined, winRate: undefined, leads: undefined };
  const leads = Object.values(kpis.activity.bySource).reduce((sum, s) => sum + s.leads, 0);
  return {
    nextStep: smallFlag('meetings', kpis.activity.firstMeetings, w),
    overall: smallFlag('deals', kpis.stages.transitions[0]?.reached ?? 0, w),
    winRate: smallFlag('deals', kpis.winRate.won + kpis.winRate.lost, w, true),
    leads: smallFlag('leads', leads, w),
  };
}

export interface Change {
  direction: 'up' | 'down' | 'same' | 'none';
  /** "up 4.2 pts", "down $1,200", "no change", "no earlier figure". */
  text: string;
  /** "vs October 2026". */
  against: string;
}

/** The change of a number against the previous period's, in words; rates change in percentage points. */
export function changeOf(current: number | null, previous: number | null, kind: NumberKind, against: string, w: Words): Change {
  const vs = fill(w.l['change.vs'], { period: against });
  if (current === null || previous === null) return { direction: 'none', text: fill(w.l['change.none'], { period: against }), against: '' };
  const delta = current - previous;
  if (Math.abs(delta) < 1e-9) return { direction: 'same', text: w.l['change.same'], against: vs };
  const size = Math.abs(delta);
  const shown = kind === 'percent' ? fill(w.l['change.points'], { n: w.f.decimal(size * 100) }) : formatNumber(size, kind, w.f);
  return { direction: delta > 0 ? 'up' : 'down', text: fill(w.l[delta > 0 ? 'change.up' : 'change.down'], { delta: shown }), against: vs };
}
