/**
 * /reps/<slug>/ and /teams/<slug>/: the "be your own coach" page of one
 * scope. Its four KPIs this month against last, KPI 4's focus, coaching
 * notes from the rules of src/core/coaching, the plan to quota, and trends
 * against the whole team, with the scope's own pooled funnel.
 */
import { coachingNotes } from '../../core/coaching/notes.ts';
import { noteWords, planRows, type NoteWords, type PlanRow } from '../text/coachingWords.ts';
import { fill } from '../text/dictionary.ts';
import { named, namedChart, rateFlags, type Cell, type Table } from '../cells.ts';
import type { ViewContext } from '../context.ts';
import type { Scope } from '../scopes.ts';
import { periodTitle } from '../timeline.ts';
import { kpiCards, type CardView } from './cards.ts';
import { funnelChart, windowName } from './funnel.ts';
import { headlineColumns } from './overview.ts';
import { columnCell, focusWhy, scopeTable } from './tables.ts';
import { scopeTrend, type ChartView } from './trends.ts';

export interface ScopeView {
  scope: Scope;
  period: string;
  /** A rep's team, or a team's reps. */
  links: { text: string; href: string | null }[];
  cards: CardView[];
  focus: { cell: Cell; why: string };
  notes: NoteWords[];
  coachIntro: string;
  /** `rows` for the page, `table` (the same with raw numbers) for its CSV download. */
  plan: { intro: string; rows: PlanRow[] | null; caption: string; table: Table | null };
  charts: ChartView[];
  funnel: ChartView;
  members: Table | null;
}

export function scopeView(ctx: ViewContext, scope: Scope): ScopeView {
  const { l, f, timeline: t, scopes, config } = ctx;
  const team = scopes.team;
  const period = periodTitle(t.month, t, ctx.locale, l);
  const kpis = ctx.kpis(scope, t.month);
  const pooled = ctx.pooled(scope);
  const { plan, input } = ctx.plan(scope);
  const notes = kpis
    ? coachingNotes({ current: kpis, pooled, team: ctx.pooled(team), plan, coverageThreshold: config.coverageThreshold })
    : [];
  const questionsOf = (stage: string) => config.stages.find((s) => s.name === stage)?.questions ?? [];
  const flags = (k: Parameters<typeof rateFlags>[0]) => rateFlags(k, ctx);
  const vsTeam = (path: string, kind: 'percent', label: string, yTitle: string, flag?: (k: NonNullable<typeof kpis>) => string | undefined) =>
    scopeTrend(ctx, { scopes: [scope], reference: team, summaryOf: scope, path, kind, label: fill(label, { scope: scope.label }), yTitle, flag });
  const stem = `${scope.kind === 'rep' ? 'rep' : 'team'}-${scope.slug}`;
  const rows = plan.quota > 0 ? planRows(plan, input, { l, f }) : null;
  const planCaption = fill(l['plan.caption'], { scope: scope.label, period });
  const links =
    scope.kind === 'rep'
      ? scopes.groups.filter((g) => g.name === scope.team).map((g) => ({ text: g.label, href: g.href }))
      : scopes.reps.filter((r) => scope.members.includes(r.name)).map((r) => ({ text: r.label, href: r.href }));
  return {
    scope,
    period,
    links,
    cards: kpiCards(ctx, scope, t.month, t.previousMonth),
    focus: {
      cell: columnCell(kpis, { label: '', path: 'pipeline.focus', kind: 'focus' }, scope, t.month, ctx),
      why: focusWhy(kpis, config.coverageThreshold, ctx),
    },
    notes: notes.map((note) => noteWords(note, { l, f, questionsOf })),
    coachIntro: fill(l['coach.intro'], { months: pooled.months }),
    plan: {
      intro: plan.quota > 0 ? fill(l['plan.intro'], { quota: f.money(plan.quota), months: pooled.months }) : l['plan.noQuota'],
      rows: rows,
      caption: planCaption,
      table: rows && {
        id: `${stem}-plan`,
        caption: planCaption,
        columns: [l['plan.target'], l['plan.perMonth'], l['plan.perWeek'], l['plan.basis']],
        rows: rows.map((r) => ({
          head: { text: r.label },
          cells: [{ text: r.perMonth, raw: plan.month[r.key] }, { text: r.perWeek, raw: plan.week[r.key] }, { text: r.basis, word: true }],
        })),
      },
    },
    charts: [
      namedChart(vsTeam('activity.nextStepRate', 'percent', l['scope.chart.nextStep'], l['f.activity.nextStepRate'], (k) => flags(k).nextStep), `${stem}-next-step-rate`),
      namedChart(vsTeam('winRate.rate', 'percent', l['scope.chart.winRate'], l['f.winRate.rate'], (k) => flags(k).winRate), `${stem}-win-rate`),
      namedChart(vsTeam('pipeline.attainment', 'percent', l['scope.chart.attainment'], l['f.pipeline.attainment']), `${stem}-attainment`),
    ],
    funnel: namedChart(funnelChart(ctx, scope, pooled), `${stem}-funnel`),
    members:
      scope.kind === 'group'
        ? named(scopeTable(ctx, t.month, headlineColumns(ctx), fill(l['overview.repsCaption'], { period }), scopes.reps.filter((r) => scope.members.includes(r.name))), `${stem}-reps`)
        : null,
  };
}

/** The words of the funnel section: the window it pools. */
export function funnelIntro(ctx: ViewContext): string {
  return fill(ctx.l['scope.funnelIntro'], { window: windowName(ctx) });
}
