/**
 * The home page: the whole team now (the current month and the quarter to
 * date as KPI cards against the period before), KPI 4's focus in words,
 * the lagging indicators, and teams and reps side by side with links.
 */
import type { MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import { fill } from '../text/dictionary.ts';
import { periodName, periodTitle } from '../timeline.ts';
import { kpiCards, type CardView } from './cards.ts';
import { metricCell, type Cell } from './cell.ts';
import { frameOf, type Frame } from './frame.ts';
import { focusWhy, scopeTable } from './scopeTable.ts';
import type { Table } from './table.ts';

/** The "who needs what" columns: one headline number per KPI, and the focus. */
export const HEADLINE: MetricRef[] = [
  { path: 'activity.nextStepRate' },
  { path: 'stages.leak' },
  { path: 'winRate.rate' },
  { path: 'pipeline.attainment' },
  { path: 'pipeline.coverage' },
  { path: 'pipeline.focus' },
];

const LAGGING: MetricRef[] = [
  { path: 'lagging.totalSales' },
  { path: 'lagging.won' },
  { path: 'lagging.lost' },
  { path: 'lagging.customers' },
  { path: 'lagging.churnRate' },
];

export interface HomePage {
  frame: Frame;
  title: string;
  month: { title: string; cards: CardView[] };
  quarter: { title: string; cards: CardView[] };
  focus: { cell: Cell; why: string };
  lagging: Table;
  teams: Table | null;
  reps: Table;
}

export function homePage(site: SiteModel): HomePage {
  const { words: w, timeline: t, scopes } = site;
  const team = scopes.team;
  const month = periodTitle(t.month, t, w.locale, w.l);
  const kpis = site.kpis(team, t.month);
  return {
    frame: frameOf(site),
    title: fill(w.l['overview.title'], { month: periodName(t.month, w.locale, w.l) }),
    month: { title: month, cards: kpiCards(site, team, t.month, t.previousMonth) },
    quarter: { title: periodTitle(t.quarter, t, w.locale, w.l), cards: kpiCards(site, team, t.quarter, t.previousQuarter) },
    focus: {
      cell: metricCell(kpis, { path: 'pipeline.focus' }, { scope: team.key, period: t.month.id }, w),
      why: focusWhy(kpis, site.config.coverageThreshold, w),
    },
    lagging: scopeTable(site, { id: 'team-lagging', caption: fill(w.l['overview.laggingCaption'], { period: month }), period: t.month, metrics: LAGGING, scopes: [team] }),
    teams: scopes.groups.length
      ? scopeTable(site, { id: 'teams-headline', caption: fill(w.l['overview.teamsCaption'], { period: month }), period: t.month, metrics: HEADLINE, scopes: scopes.groups })
      : null,
    reps: scopeTable(site, { id: 'reps-headline', caption: fill(w.l['overview.repsCaption'], { period: month }), period: t.month, metrics: HEADLINE, scopes: scopes.reps }),
  };
}
