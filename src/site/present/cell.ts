/**
 * The one way to present a number: a metric of one scope and period becomes
 * a cell of text that remembers which KPI number it shows (`data-kpi`,
 * `data-scope`, `data-period`, and `data-frozen` when it comes from a
 * frozen snapshot), with its small-number flag in words and its raw value
 * for the CSV download. Pure: values are read and worded, never computed.
 */
import type { Level } from '../../core/coaching/status.ts';
import type { CoreKpis } from '../../core/schema/kpiReport.ts';
import { metricDef, metricLabelKey, readMetric, refName, tooFewFor, type Focus, type MetricRef, type MetricValue } from '../../core/schema/metric.ts';
import { SMALL, tooFewCases, tooFewClosed, type CaseKind } from '../../core/smallNumbers.ts';
import { countLabel, fill, type Labels } from '../text/dictionary.ts';
import { MISSING, type Formatters, type NumberKind } from '../text/format.ts';
import type { Urls } from '../urls.ts';

/** What presenting needs: the words, the number formats, the locale, and the site's URLs for links. */
export interface Words {
  l: Labels;
  f: Formatters;
  locale: string;
  urls: Urls;
}

/** Where a cell's number comes from in the KPI JSON. */
export interface KpiTrace {
  /** The metric with its key: `winRate.rate`, `stages.transitions.2.rate`. */
  name: string;
  /** `team`, `team:<name>` or `rep:<name>`. */
  scope: string;
  period: string;
  /** From a frozen snapshot rather than the live data. */
  frozen?: boolean;
}

export interface Cell {
  text: string;
  kpi?: KpiTrace;
  /** "3 deals — too few to judge": shown next to the number, in words. */
  flag?: string;
  href?: string;
  /** A colour key (a rep's or a stage's colour) drawn before the text. */
  swatch?: string;
  /** Marks the funnel's leak, in words as well as style. */
  leak?: boolean;
  /** Words, not a number: aligned left. */
  word?: boolean;
  /** A class of its own for the table cell (`previous`, `status frozen`, `basis`). */
  class?: string;
  /** Muted words after the text, in brackets: "Live (month in progress)". */
  note?: string;
  /** Shown as code: a file or column name. */
  code?: boolean;
  /** The value in the table's CSV download (a number, or null for "—"); the text when absent. */
  raw?: number | string | boolean | null;
  /** Its status by the rules of src/core/coaching/status.ts: a colour, and always a word and an icon with it. */
  status?: { level: Level; word: string; icon: string };
}

/** A metric's value in words: numbers by kind, two stages as "from → to", the focus as words, a name as it is. */
export function metricText(value: MetricValue, ref: MetricRef, w: Words): string {
  const def = metricDef(ref.path);
  if (!def) throw new Error(`not a metric: ${ref.path}`);
  if (def.kind !== 'text') return w.f[def.kind](value as number | null);
  if (def.words === 'stagePair') return value && typeof value === 'object' ? `${value.from} → ${value.to}` : w.l['stages.noLeak'];
  if (def.words === 'focus') return w.l[`focus.${value as Focus}`];
  return value === null ? MISSING : String(value);
}

/**
 * The cell of metric `ref` of one scope's KPIs of any spec version (null:
 * the scope is absent from the period) in `period`, flagged when the rate rests on too few cases.
 */
export function metricCell(kpis: CoreKpis | null, ref: MetricRef, trace: Omit<KpiTrace, 'name'>, w: Words): Cell {
  const value = readMetric(kpis, ref);
  const text = metricText(value, ref, w);
  const few = tooFewFor(kpis, ref);
  const word = metricDef(ref.path)?.kind === 'text';
  return {
    text,
    kpi: { name: refName(ref), ...trace },
    flag: few ? smallFlagText(few.cases, few.n, w) : undefined,
    word: word || undefined,
    raw: word ? text : (value as number | null),
  };
}

/** The label of a metric: `metric.<path>` in the dictionary. */
export function metricLabel(ref: MetricRef, w: Words): string {
  return w.l[metricLabelKey(ref.path)];
}

/** "3 deals — too few to judge". */
export function smallFlagText(cases: CaseKind, n: number, w: Words): string {
  return countLabel(w.l, w.f.plurals, `small.${cases}`, n, w.f.count(n));
}

/** The flag of a rate over `n` cases that is not a KPI JSON number (a pooled window): win rates count closed deals. */
export function smallFlag(cases: CaseKind, n: number, w: Words, closedDeals = false): string | undefined {
  return (closedDeals ? tooFewClosed(n) : tooFewCases(n)) ? smallFlagText(cases, n, w) : undefined;
}

/** The small-number rule in words, with its thresholds. */
export function smallRule(w: Words): string {
  return fill(w.l['small.rule'], { closed: SMALL.closed, reached: SMALL.cases });
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
  const shown = kind === 'rate' ? fill(w.l['change.points'], { n: w.f.ratio(size * 100) }) : w.f[kind](size);
  return { direction: delta > 0 ? 'up' : 'down', text: fill(w.l[delta > 0 ? 'change.up' : 'change.down'], { delta: shown }), against: vs };
}

/** The `data-` attributes of a cell's number (none when it shows no KPI number). */
export function kpiAttributes(cell: Cell): Record<string, string> {
  if (!cell.kpi) return {};
  const { name, scope, period, frozen } = cell.kpi;
  return { 'data-kpi': name, 'data-scope': scope, 'data-period': period, ...(frozen ? { 'data-frozen': '' } : {}) };
}

/** True when a cell is only its text, so a table cell can carry its data attributes itself. */
export function isBare(cell: Cell): boolean {
  return !cell.href && !cell.swatch && !cell.flag && !cell.note && !cell.code && !cell.status;
}
