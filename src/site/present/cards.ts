/**
 * The four KPI cards of a scope and period: the headline metric with its
 * change against the period before, the metrics around it, and their
 * small-number flags, each a metric cell.
 */
import type { Period } from '../../core/kpi/periods.ts';
import { metricDef, readMetric, type MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import type { NumberKind } from '../text/format.ts';
import { periodName } from '../timeline.ts';
import { changeOf, metricCell, metricLabel, type Cell, type Change } from './cell.ts';

export type KpiId = 'activity' | 'stages' | 'winRate' | 'pipeline';

export interface CardFact {
  label: string;
  cell: Cell;
}

export interface CardView {
  id: KpiId;
  title: string;
  href: string;
  indicator: string;
  main: CardFact;
  change: Change;
  facts: CardFact[];
  /** A caveat under the numbers, e.g. that this period's deals are still young. */
  note?: string;
}

/** The URL of a KPI's page. */
export function kpiHref(base: string, id: KpiId): string {
  return `${base}kpi/${id === 'winRate' ? 'win-rate' : id}/`;
}

/** Each card's headline metric (a number, for its change) and the metrics under it. */
const CARDS: { id: KpiId; main: MetricRef; facts: MetricRef[] }[] = [
  { id: 'activity', main: { path: 'activity.nextStepRate' }, facts: [{ path: 'activity.firstMeetings' }, { path: 'activity.outreachPerFirstMeeting' }] },
  { id: 'stages', main: { path: 'stages.overall' }, facts: [{ path: 'stages.transitions.*.reached', key: 0 }, { path: 'stages.leak' }] },
  { id: 'winRate', main: { path: 'winRate.rate' }, facts: [{ path: 'winRate.won' }, { path: 'winRate.lost' }, { path: 'winRate.wonAmount' }] },
  { id: 'pipeline', main: { path: 'pipeline.attainment' }, facts: [{ path: 'pipeline.gap' }, { path: 'pipeline.coverage' }, { path: 'pipeline.focus' }] },
];

/** The four cards of `scope` for `period`, each compared with `previous`. */
export function kpiCards(site: SiteModel, scope: Scope, period: Period, previous: Period): CardView[] {
  const w = site.words;
  const kpis = site.kpis(scope, period);
  const before = site.kpis(scope, previous);
  const against = periodName(previous, w.locale, w.l);
  const fact = (ref: MetricRef): CardFact => ({ label: metricLabel(ref, w), cell: metricCell(kpis, ref, { scope: scope.key, period: period.id }, w) });
  return CARDS.map(({ id, main, facts }) => ({
    id,
    title: w.l[`kpi.${id}.short`],
    href: kpiHref(w.base, id),
    indicator: w.l[id === 'winRate' ? 'indicator.lagging' : 'indicator.leading'],
    main: fact(main),
    change: changeOf(readMetric(kpis, main) as number | null, readMetric(before, main) as number | null, metricDef(main.path)?.kind as NumberKind, against, w),
    facts: facts.map(fact),
    note: id === 'stages' && !site.timeline.complete(period) ? w.l['kpi.stages.young'] : undefined,
  }));
}
