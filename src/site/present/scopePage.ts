/**
 * /reps/<slug>/ and /teams/<slug>/: the "be your own coach" page of one
 * scope. Its four KPIs this month against last, KPI 4's focus, coaching
 * notes from the rules of src/core/coaching, the plan to quota, and trends
 * against the whole team, with the scope's own pooled funnel.
 */
import { coachingNotes } from '../../core/coaching/notes.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import { fill, type LabelKey } from '../text/dictionary.ts';
import { periodTitle } from '../timeline.ts';
import { kpiCards, type CardView } from './cards.ts';
import { metricCell, metricLabel, type Cell } from './cell.ts';
import type { ChartView } from './chartView.ts';
import { noteWords, planTable, type NoteWords } from './coachNotes.ts';
import { frameOf, type Frame } from './frame.ts';
import { funnelChart, windowName } from './funnel.ts';
import { HEADLINE } from './homePage.ts';
import { focusWhy, scopeTable } from './scopeTable.ts';
import type { Table } from './table.ts';
import { scopeTrend } from './trend.ts';

export interface ScopePage {
  frame: Frame;
  scope: Scope;
  title: string;
  /** "The four KPIs, November 2026, to date". */
  kpisTitle: string;
  /** A rep's team, or a team's reps: "Team: Enterprise", "Reps: Ann, Bob". */
  links: { title: string; items: { text: string; href: string | null }[] };
  cards: CardView[];
  focus: { cell: Cell; why: string };
  notes: NoteWords[];
  coachIntro: string;
  plan: { intro: string; table: Table | null };
  charts: ChartView[];
  funnel: { intro: string; chart: ChartView };
  members: Table | null;
}

/** The metrics a scope's page sets against the whole team, with their chart titles. */
const VS_TEAM: { metric: MetricRef; label: LabelKey; id: string }[] = [
  { metric: { path: 'activity.nextStepRate' }, label: 'scope.chart.nextStep', id: 'next-step-rate' },
  { metric: { path: 'winRate.rate' }, label: 'scope.chart.winRate', id: 'win-rate' },
  { metric: { path: 'pipeline.attainment' }, label: 'scope.chart.attainment', id: 'attainment' },
];

function notesOf(site: SiteModel, scope: Scope) {
  const kpis = site.kpis(scope, site.timeline.month);
  if (!kpis) return [];
  const { config } = site;
  const questionsOf = (stage: string) => config.stages.find((s) => s.name === stage)?.questions ?? [];
  const notes = coachingNotes({ current: kpis, pooled: site.pooled(scope), team: site.pooled(site.scopes.team), plan: site.plan(scope).plan, coverageThreshold: config.coverageThreshold });
  return notes.map((note) => noteWords(note, { ...site.words, questionsOf }));
}

function planOf(site: SiteModel, scope: Scope, stem: string, period: string): ScopePage['plan'] {
  const { l, f } = site.words;
  const { plan, input } = site.plan(scope);
  if (plan.quota <= 0) return { intro: l['plan.noQuota'], table: null };
  return {
    intro: fill(l['plan.intro'], { quota: f.money(plan.quota), months: site.pooled(scope).months }),
    table: planTable(plan, input, { id: `${stem}-plan`, caption: fill(l['plan.caption'], { scope: scope.label, period }) }, site.words),
  };
}

export function scopePage(site: SiteModel, scope: Scope): ScopePage {
  const { words: w, timeline: t, scopes, config } = site;
  const { l } = w;
  const period = periodTitle(t.month, t, w.locale, l);
  const kpis = site.kpis(scope, t.month);
  const stem = `${scope.kind === 'rep' ? 'rep' : 'team'}-${scope.slug}`;
  const members = scopes.reps.filter((r) => scope.members.includes(r.name));
  const links =
    scope.kind === 'rep'
      ? { title: l['scope.inTeam'], items: scopes.groups.filter((g) => g.name === scope.team).map((g) => ({ text: g.label, href: g.href })) }
      : { title: l['scope.members'], items: members.map((r) => ({ text: r.label, href: r.href })) };
  return {
    frame: frameOf(site),
    scope,
    title: fill(l[scope.kind === 'rep' ? 'scope.repTitle' : 'scope.groupTitle'], { name: scope.kind === 'rep' ? scope.label : scope.name }),
    kpisTitle: fill(l['scope.kpisTitle'], { period }),
    links,
    cards: kpiCards(site, scope, t.month, t.previousMonth),
    focus: { cell: metricCell(kpis, { path: 'pipeline.focus' }, { scope: scope.key, period: t.month.id }, w), why: focusWhy(kpis, config.coverageThreshold, w) },
    notes: notesOf(site, scope),
    coachIntro: fill(l['coach.intro'], { months: site.pooled(scope).months }),
    plan: planOf(site, scope, stem, period),
    charts: VS_TEAM.map(({ metric, label, id }) =>
      scopeTrend(site, { id: `${stem}-${id}`, scopes: [scope], reference: scopes.team, summaryOf: scope, metric, label: fill(l[label], { scope: scope.label }), yTitle: metricLabel(metric, w) }),
    ),
    funnel: { intro: fill(l['scope.funnelIntro'], { window: windowName(site) }), chart: funnelChart(site, scope, site.pooled(scope), `${stem}-funnel`) },
    members: scope.kind === 'group' ? scopeTable(site, { id: `${stem}-reps`, caption: fill(l['overview.repsCaption'], { period }), period: t.month, metrics: HEADLINE, scopes: members }) : null,
  };
}
