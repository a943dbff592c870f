/**
 * The home page: the whole team now (the current month and the quarter to
 * date as KPI cards against the period before), KPI 4's focus in words,
 * the lagging indicators, and teams and reps side by side with links.
 */
import { fill } from '../text/dictionary.ts';
import { named, rateFlags, type Cell, type Table } from '../cells.ts';
import type { ViewContext } from '../context.ts';
import { periodName, periodTitle } from '../timeline.ts';
import { kpiCards, type CardView } from './cards.ts';
import { columnCell, focusWhy, scopeTable, type Column } from './tables.ts';

export interface OverviewView {
  title: string;
  month: { title: string; cards: CardView[] };
  quarter: { title: string; cards: CardView[] };
  focus: { cell: Cell; why: string };
  lagging: Table;
  teams: Table | null;
  reps: Table;
}

/** The columns of the "who needs what" tables: one headline number per KPI, and the focus. */
export function headlineColumns(ctx: ViewContext): Column[] {
  const { l } = ctx;
  return [
    { label: l['f.activity.nextStepRate'], path: 'activity.nextStepRate', kind: 'percent', flag: (k) => rateFlags(k, ctx).nextStep },
    { label: l['f.stages.leak'], path: 'stages.leak', kind: 'leak' },
    { label: l['f.winRate.rate'], path: 'winRate.rate', kind: 'percent', flag: (k) => rateFlags(k, ctx).winRate },
    { label: l['f.pipeline.attainment'], path: 'pipeline.attainment', kind: 'percent' },
    { label: l['f.pipeline.coverage'], path: 'pipeline.coverage', kind: 'multiple' },
    { label: l['f.pipeline.focus'], path: 'pipeline.focus', kind: 'focus' },
  ];
}

export function overviewView(ctx: ViewContext): OverviewView {
  const { l, timeline: t, scopes } = ctx;
  const team = scopes.team;
  const month = periodTitle(t.month, t, ctx.locale, ctx.l);
  const kpis = ctx.kpis(team, t.month);
  const lagging: Column[] = [
    { label: l['f.lagging.totalSales'], path: 'lagging.totalSales', kind: 'money' },
    { label: l['f.lagging.won'], path: 'lagging.won', kind: 'count' },
    { label: l['f.lagging.lost'], path: 'lagging.lost', kind: 'count' },
    { label: l['f.lagging.customers'], path: 'lagging.customers', kind: 'count' },
    { label: l['f.lagging.churnRate'], path: 'lagging.churnRate', kind: 'percent' },
  ];
  return {
    title: fill(l['overview.title'], { month: periodName(t.month, ctx.locale, l) }),
    month: { title: month, cards: kpiCards(ctx, team, t.month, t.previousMonth) },
    quarter: { title: periodTitle(t.quarter, t, ctx.locale, l), cards: kpiCards(ctx, team, t.quarter, t.previousQuarter) },
    focus: {
      cell: columnCell(kpis, { label: '', path: 'pipeline.focus', kind: 'focus' }, team, t.month, ctx),
      why: focusWhy(kpis, ctx.config.coverageThreshold, ctx),
    },
    lagging: named(scopeTable(ctx, t.month, lagging, fill(l['overview.laggingCaption'], { period: month }), [team]), 'team-lagging'),
    teams: scopes.groups.length ? named(scopeTable(ctx, t.month, headlineColumns(ctx), fill(l['overview.teamsCaption'], { period: month }), scopes.groups), 'teams-headline') : null,
    reps: named(scopeTable(ctx, t.month, headlineColumns(ctx), fill(l['overview.repsCaption'], { period: month }), scopes.reps), 'reps-headline'),
  };
}
