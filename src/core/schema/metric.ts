/**
 * The metric vocabulary read off the KPI report's schema (kpiReport.ts):
 * every metric's path, its meta, and the one way to read a metric from a
 * scope's KPIs. A path names a leaf of the KPI JSON; `*` stands for a key
 * of a map (a lead source, a channel, a stage) or an index of a list (a
 * stage transition): `activity.bySource.*.rate`, `stages.transitions.*.rate`.
 */
import { z } from 'zod';
import { tooFewCases, tooFewClosed, type CaseKind } from '../smallNumbers.ts';
import { kpisSchema, metricMeta, type CoreKpis, type Kpis, type MetricMeta } from './kpiReport.ts';

type Join<K extends string, P extends string> = P extends '' ? K : `${K}.${P}`;
/** The paths of the leaves of T: a nullable value or a non-object is one leaf; maps and lists take a `*`. */
type PathsOf<T> = null extends T
  ? ''
  : T extends readonly (infer E)[]
    ? Join<'*', PathsOf<E>>
    : T extends object
      ? string extends keyof T
        ? Join<'*', PathsOf<T[string & keyof T]>>
        : { [K in keyof T & string]: Join<K, PathsOf<T[K]>> }[keyof T & string]
      : '';

/** Every metric of a scope's KPIs, e.g. `winRate.rate`, `pipeline.open.amount`, `activity.bySource.*.rate`. */
export type MetricPath = PathsOf<Kpis>;

type Unstarred<P extends string> = P extends `${infer A}.*.${infer B}` ? `${A}.${B}` : P extends `${infer A}.*` ? A : P;
/** A metric's label key in the site's dictionaries: `metric.` and its path without the `*`. */
export type MetricLabelKey = `metric.${Unstarred<MetricPath>}`;

/** The label key of a section of a scope's KPIs (`section.winRate`): the title of its metrics' group. */
export type SectionLabelKey = `section.${keyof Kpis & string}`;

/** One metric of one scope: its path, and the key or index its `*` stands for. */
export interface MetricRef {
  path: MetricPath;
  key?: string | number;
}

export interface MetricDef extends MetricMeta {
  path: MetricPath;
}

/** Every leaf of `schema` under `prefix`, in schema order; throws on a leaf without meta (a metric must say how it reads). */
function leavesOf(schema: z.ZodType, prefix: string): MetricDef[] {
  const meta = metricMeta.get(schema);
  if (meta) return [{ path: prefix as MetricPath, ...meta }];
  const join = (part: string) => (prefix ? `${prefix}.${part}` : part);
  if (schema instanceof z.ZodObject) return Object.entries(schema.shape).flatMap(([key, child]) => leavesOf(child as z.ZodType, join(key)));
  if (schema instanceof z.ZodRecord) return leavesOf(schema.valueType as z.ZodType, join('*'));
  if (schema instanceof z.ZodArray) return leavesOf(schema.element as z.ZodType, join('*'));
  throw new Error(`KPI schema: ${prefix} has no metric meta (kpiReport.ts)`);
}

/** Every metric, in the order of the KPI JSON. */
export const METRICS: readonly MetricDef[] = leavesOf(kpisSchema, '');
const byPath = new Map(METRICS.map((m) => [m.path as string, m]));

/** The metric at `path`, or undefined for a path that is not one. */
export function metricDef(path: string): MetricDef | undefined {
  return byPath.get(path);
}

/** The label key of a metric: `metric.winRate.rate`, `metric.activity.bySource.rate`. */
export function metricLabelKey(path: MetricPath): MetricLabelKey {
  return `metric.${path.replace(/\.\*(?=\.|$)/g, '')}` as MetricLabelKey;
}

/** The label key of the section a metric belongs to: `winRate.rate` -> `section.winRate`. */
export function sectionLabelKey(path: MetricPath): SectionLabelKey {
  return `section.${path.split('.')[0]}` as SectionLabelKey;
}

/** The metric's name as the page marks it (`data-kpi`): its path with the key in place of the `*`. */
export function refName(ref: MetricRef): string {
  return ref.key === undefined ? ref.path : ref.path.replace('*', String(ref.key));
}

/** A metric named in prose (MDX `<Kpi metric="winRate.rate">`); throws, listing the names, for one that is not a keyless metric. */
export function parseMetricName(name: string): MetricRef {
  const def = metricDef(name);
  if (!def || name.includes('*')) {
    const known = METRICS.filter((m) => !m.path.includes('*')).map((m) => m.path);
    throw new Error(`Unknown KPI metric "${name}". Known metrics: ${known.join(', ')}.`);
  }
  return { path: def.path };
}

export type TextValue = string | { from: string; to: string } | null;
/** A metric's value: a number or null (a rate over zero, a scope absent from the period), or, for text metrics, its words' data. */
export type MetricValue = number | null | TextValue;

/**
 * The value of a metric in one scope's KPIs of any spec version (null KPIs:
 * the scope is absent from the period, every metric null; a section the
 * version lacks, such as v1's outlook, reads null). A map entry the KPI JSON leaves out
 * is a zero entry (KPI-SPEC §6): its counts and amounts read 0, its rates
 * null; a list index past the end reads null. KPI 4's focus reads
 * `noQuota` where the engine says `done` without a quota: "Quota reached"
 * would be wrong for a rep who has none.
 */
export function readMetric(kpis: CoreKpis | null, ref: MetricRef): MetricValue {
  const def = metricDef(ref.path);
  if (!def) throw new Error(`not a metric: ${ref.path}`);
  if (kpis === null) return null;
  if (def.words === 'focus') return focusOf(kpis);
  const parts = ref.path.split('.');
  const at = parts.indexOf('*');
  if (at >= 0 && ref.key === undefined) throw new Error(`metric ${ref.path} needs a key`);
  const found = walk(kpis, at < 0 ? parts : parts.with(at, String(ref.key)));
  if (found !== undefined) return found as MetricValue;
  const inMap = at >= 0 && !Array.isArray(walk(kpis, parts.slice(0, at)));
  return inMap && (def.kind === 'count' || def.kind === 'money') ? 0 : null;
}

/** The value at `parts` of `kpis`, or undefined where a key is missing. */
function walk(kpis: CoreKpis, parts: readonly string[]): unknown {
  let value: unknown = kpis;
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** KPI 4's focus as a reader takes it: `create`, `close`, `done` (quota reached), or `noQuota`. */
export type Focus = CoreKpis['pipeline']['focus'] | 'noQuota';

export function focusOf(kpis: CoreKpis): Focus {
  const { focus, quota } = kpis.pipeline;
  return focus === 'done' && quota === 0 ? 'noQuota' : focus;
}

/** How many cases a rate of `kpis` rests on, when it is too few to judge; null when it is enough or the metric has no basis. */
export function tooFewFor(kpis: CoreKpis | null, ref: MetricRef): { cases: CaseKind; n: number } | null {
  const basis = metricDef(ref.path)?.basis;
  if (!basis || kpis === null) return null;
  let n = 0;
  for (const of of basis.of) n += sumAt(kpis, of, ref.key);
  return (basis.closed ? tooFewClosed(n) : tooFewCases(n)) ? { cases: basis.cases, n } : null;
}

/** The count at `path`, 0 where missing; a `*` takes `key`, or every entry of its map without one. */
function sumAt(kpis: CoreKpis, path: string, key: string | number | undefined): number {
  const parts = path.split('.');
  const at = parts.indexOf('*');
  if (at < 0 || key !== undefined) return Number(walk(kpis, at < 0 ? parts : parts.with(at, String(key))) ?? 0);
  const map = walk(kpis, parts.slice(0, at)) ?? {};
  return Object.keys(map).reduce((sum, k) => sum + sumAt(kpis, path, k), 0);
}
