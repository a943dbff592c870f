/**
 * The four KPI cards of a scope and period, compact: the headline number
 * with its change against the period before, two or three numbers around
 * it, and a link to the KPI's page of the same period. KPI 2's card is the
 * pooled window's funnel and its leak (the same leak as the coaching note
 * and the funnel table of the page), since the period's own cohort is
 * still young while it runs.
 */
import type { Pooled } from '../../core/coaching/pool.ts';
import { metricDef, readMetric, type MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import type { NumberKind } from '../text/format.ts';
import { periodName, type PeriodView } from '../timeline.ts';
import { changeOf, metricCell, metricLabel, smallFlag, type Cell, type Change } from './cell.ts';
import { scopeMetricCell } from './dealLinks.ts';
import { windowName } from './funnel.ts';

export type KpiId = 'activity' | 'stages' | 'winRate' | 'pipeline';

export interface CardFact {
  label: string;
  cell: Cell;
}

export interface CardView {
  id: KpiId;
  title: string;
  href: string;
  main: CardFact;
  /** Against the period before; for the pooled funnel, the window it pools instead. */
  change: Change | { direction: 'none'; text: string; against: string };
  facts: CardFact[];
}

/** Each card's headline metric (a number, for its change) and the metrics under it. */
const CARDS: { id: Exclude<KpiId, 'stages'>; main: MetricRef; facts: MetricRef[] }[] = [
  { id: 'activity', main: { path: 'activity.nextStepRate' }, facts: [{ path: 'activity.firstMeetings' }, { path: 'activity.outreachPerFirstMeeting' }] },
  { id: 'winRate', main: { path: 'winRate.rate' }, facts: [{ path: 'winRate.won' }, { path: 'winRate.lost' }, { path: 'winRate.wonAmount' }] },
  { id: 'pipeline', main: { path: 'pipeline.attainment' }, facts: [{ path: 'pipeline.gap' }, { path: 'pipeline.coverage' }, { path: 'pipeline.focus' }] },
];

/** KPI 2 over the pooled window: deals created, the share won, and the leak. */
function funnelCard(site: SiteModel, view: PeriodView, pooled: Pooled): CardView {
  const w = site.words;
  const { l, f } = w;
  const created = pooled.transitions[0]?.reached ?? 0;
  const leak = pooled.leak;
  return {
    id: 'stages',
    title: l['kpi.stages.card'],
    href: site.urls.page('stages', site.scopes.team, view.period),
    main: { label: metricLabel({ path: 'stages.overall' }, w), cell: { text: f.rate(pooled.overall), flag: smallFlag('deals', created, w), raw: pooled.overall } },
    change: { direction: 'none', text: windowName(site, view), against: '' },
    facts: [
      { label: l['stages.created'], cell: { text: f.count(created), raw: created } },
      { label: metricLabel({ path: 'stages.leak' }, w), cell: { text: leak ? `${leak.from} → ${leak.to}` : l['stages.noLeak'], word: true } },
    ],
  };
}

/** The four cards of `scope` for the period of `view`, each compared with the period before. */
export function kpiCards(site: SiteModel, scope: Scope, view: PeriodView): CardView[] {
  const w = site.words;
  const { period, previous } = view;
  const kpis = site.kpis(scope, period);
  const before = site.kpis(scope, previous);
  const against = periodName(previous, w);
  const fact = (ref: MetricRef): CardFact => ({ label: metricLabel(ref, w), cell: scopeMetricCell(site, scope, period, ref, kpis) });
  const cards = CARDS.map(({ id, main, facts }): CardView => ({
    id,
    title: w.l[`kpi.${id}.card`],
    href: site.urls.page(id, site.scopes.team, period),
    main: fact(main),
    change: changeOf(readMetric(kpis, main) as number | null, readMetric(before, main) as number | null, metricDef(main.path)?.kind as NumberKind, against, w),
    facts: facts.map(fact),
  }));
  return [cards[0], funnelCard(site, view, site.pooled(scope, view)), cards[1], cards[2]];
}
