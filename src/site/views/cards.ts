/**
 * The four KPI cards of a scope and period: the headline number with its
 * change against the period before, the numbers around it, and the
 * small-number flag, each number marked with its KPI JSON path.
 */
import type { Period } from '../../core/kpi/periods.ts';
import type { Kpis } from '../../core/schema/kpiReport.ts';
import { changeOf, rateFlags, valueAt, type Cell, type Change, type NumberKind } from '../cells.ts';
import type { ViewContext } from '../context.ts';
import type { Scope } from '../scopes.ts';
import { periodName } from '../timeline.ts';
import { columnCell, type Column } from './tables.ts';

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

interface CardSpec {
  id: KpiId;
  main: Column & { kind: NumberKind };
  facts: Column[];
}

function specs(ctx: ViewContext): CardSpec[] {
  const { l } = ctx;
  const flags = (k: Kpis) => rateFlags(k, ctx);
  return [
    {
      id: 'activity',
      main: { label: l['f.activity.nextStepRate'], path: 'activity.nextStepRate', kind: 'percent', flag: (k) => flags(k).nextStep },
      facts: [
        { label: l['f.activity.firstMeetings'], path: 'activity.firstMeetings', kind: 'count' },
        { label: l['f.activity.outreachPerFirstMeeting'], path: 'activity.outreachPerFirstMeeting', kind: 'decimal' },
      ],
    },
    {
      id: 'stages',
      main: { label: l['f.stages.overall'], path: 'stages.overall', kind: 'percent', flag: (k) => flags(k).overall },
      facts: [
        { label: l['f.stages.reached'], path: 'stages.transitions.0.reached', kind: 'count' },
        { label: l['f.stages.leak'], path: 'stages.leak', kind: 'leak' },
      ],
    },
    {
      id: 'winRate',
      main: { label: l['f.winRate.rate'], path: 'winRate.rate', kind: 'percent', flag: (k) => flags(k).winRate },
      facts: [
        { label: l['f.winRate.won'], path: 'winRate.won', kind: 'count' },
        { label: l['f.winRate.lost'], path: 'winRate.lost', kind: 'count' },
        { label: l['f.winRate.wonAmount'], path: 'winRate.wonAmount', kind: 'money' },
      ],
    },
    {
      id: 'pipeline',
      main: { label: l['f.pipeline.attainment'], path: 'pipeline.attainment', kind: 'percent' },
      facts: [
        { label: l['f.pipeline.gap'], path: 'pipeline.gap', kind: 'money' },
        { label: l['f.pipeline.coverage'], path: 'pipeline.coverage', kind: 'multiple' },
        { label: l['f.pipeline.focus'], path: 'pipeline.focus', kind: 'focus' },
      ],
    },
  ];
}

/** The four cards of `scope` for `period`, each compared with `previous`. */
export function kpiCards(ctx: ViewContext, scope: Scope, period: Period, previous: Period): CardView[] {
  const kpis = ctx.kpis(scope, period);
  const before = ctx.kpis(scope, previous);
  const against = periodName(previous, ctx.locale, ctx.l);
  return specs(ctx).map(({ id, main, facts }) => {
    const value = (k: Kpis | null) => (k === null ? null : ((valueAt(k, main.path) as number | null) ?? null));
    return {
      id,
      title: ctx.l[`kpi.${id}.short`],
      href: kpiHref(ctx.base, id),
      indicator: ctx.l[id === 'winRate' ? 'indicator.lagging' : 'indicator.leading'],
      main: { label: main.label, cell: columnCell(kpis, main, scope, period, ctx) },
      change: changeOf(value(kpis), value(before), main.kind, against, ctx),
      facts: facts.map((c) => ({ label: c.label, cell: columnCell(kpis, c, scope, period, ctx) })),
      note: id === 'stages' && !ctx.timeline.complete(period) ? ctx.l['kpi.stages.young'] : undefined,
    };
  });
}
