/**
 * The page of one scope (`/` the whole team, `/teams/<slug>/`, `/reps/<slug>/`)
 * in one period, the most important thing first: the title line with the
 * period and the as-of date, the status strip (are we going to make it?),
 * the focus in words, then for a rep or a team the first coaching note and
 * this week against the plan; for the whole team or a team, the forecast
 * per rep and the reps side by side; then the four KPI cards, and the rest
 * (lagging indicators; more notes, the plan, trends against the whole team,
 * the scope's funnel). While the current month is young, the page leads
 * with the month before, final, and shows this month to date beside it.
 */
import { coachingNotes } from '../../core/coaching/notes.ts';
import { activityPlan } from '../../core/coaching/plan.ts';
import type { Period } from '../../core/kpi/periods.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import { fill, type LabelKey } from '../text/dictionary.ts';
import { leadsWithPrevious, periodName, periodTitle, type PeriodView } from '../timeline.ts';
import { kpiCards, type CardView } from './cards.ts';
import type { DealListName } from '../../core/deals/dealLists.ts';
import { metricLabel, type Cell } from './cell.ts';
import { dealHref } from './dealLinks.ts';
import { partsOf, type Part } from './parts.ts';
import type { ChartView } from './chartView.ts';
import { noteWords, planTable, type NoteWords } from './coachNotes.ts';
import { focusView, type FocusView } from './focus.ts';
import { forecastView } from './forecastView.ts';
import { frameOf, type Frame } from './frame.ts';
import { funnelChart, windowName } from './funnel.ts';
import { membersTable } from './membersTable.ts';
import { pageHead, periodLabel, trendTitle, type Link, type PageHead } from './pageHead.ts';
import { scopeTable } from './scopeTable.ts';
import { statusStrip, type StatusTile } from './statusStrip.ts';
import type { Table } from './table.ts';
import { scopeTrend } from './trend.ts';
import { weekPlan, type WeekPlan } from './weekPlan.ts';

export interface Strip {
  title: string;
  tiles: StatusTile[];
}

export interface ScopePage {
  frame: Frame;
  scope: Scope;
  /** The period of the page's URL, and its route parameter (undefined: the bookmarked page). */
  period: Period;
  head: PageHead;
  /** A rep's team, or a team's reps, in the same period. */
  links: { title: string; items: Link[] };
  lead: Strip;
  /** Deals to act on: the counts of its lists, each linked (null when the site hides deals). */
  deals: Part[] | null;
  /** This month to date, while the page leads with the month before, and the sentence that says so. */
  beside: (Strip & { href: string; why: string }) | null;
  focus: FocusView;
  /** The coaching note to act on first (a rep, a team). */
  first: NoteWords | null;
  week: WeekPlan | null;
  chart: ChartView | null;
  members: Table | null;
  teams: Table | null;
  cards: { title: string; cards: CardView[] };
  lagging: Table | null;
  notes: { intro: string; items: NoteWords[] } | null;
  plan: { intro: string; table: Table | null } | null;
  charts: ChartView[];
  trendsTitle: string;
  funnel: { intro: string; chart: ChartView } | null;
  /**
   * Whether its charts are drawn a second time for a phone (Chart.phone): on
   * the current month's pages, the bookmarked ones a team opens on a phone
   * each week; on every period's pages the second drawing made builds of
   * real exports (40 reps, 20 periods) a third slower.
   */
  phone: boolean;
}

/** The metrics a rep's or a team's page sets against the whole team, with their chart titles. */
const VS_TEAM: { metric: MetricRef; label: LabelKey; id: string }[] = [
  { metric: { path: 'activity.nextStepRate' }, label: 'scope.chart.nextStep', id: 'next-step-rate' },
  { metric: { path: 'winRate.rate' }, label: 'scope.chart.winRate', id: 'win-rate' },
  { metric: { path: 'pipeline.attainment' }, label: 'scope.chart.attainment', id: 'attainment' },
];

/** Notes that say what the focus says: the first note to work on is the first other one. */
const FOCUS_NOTES = new Set<NoteWords['kind']>(['thinPipeline', 'closeWhatYouHave', 'quotaReached', 'noQuota']);

const LAGGING: MetricRef[] = (['lagging.totalSales', 'lagging.won', 'lagging.lost', 'lagging.customers', 'lagging.churnRate'] as const).map((path) => ({ path }));

/** The coaching notes of a rep or a team for the lead period; a quarter's use its end month's plan. */
function notesOf(site: SiteModel, scope: Scope, view: PeriodView): NoteWords[] {
  const kpis = site.kpis(scope, view.period);
  if (!kpis || scope.kind === 'team') return [];
  const { config, timeline } = site;
  const questionsOf = (stage: string) => config.stages.find((s) => s.name === stage)?.questions ?? [];
  const plan = site.plan(scope, view.period.kind === 'month' ? view : timeline.view(view.endMonth)).plan;
  const notes = coachingNotes({ current: kpis, pooled: site.pooled(scope, view), team: site.pooled(site.scopes.team, view), plan, coverageThreshold: config.coverageThreshold, running: view.running });
  return notes.map((note) => {
    const words = noteWords(note, { ...site.words, questionsOf });
    // An overdue or stale note's count (its first fact) links to those deals.
    const href = (note.kind === 'overdue' || note.kind === 'stale') && dealHref(site, scope, view.period, note.kind);
    return href ? { ...words, facts: words.facts.map((fact, i) => (i === 0 ? { ...fact, href } : fact)) } : words;
  });
}

/** "3 overdue, 1 stale, 2 closing this week: the deal lists of Ann" — each count linked to its list; null when the site hides deals. */
function dealsLine(site: SiteModel, scope: Scope, period: Period): Part[] | null {
  const lists = site.deals(scope, period);
  if (!lists) return null;
  const { l, f } = site.words;
  const count = (list: DealListName): Cell => ({ text: f.count(lists[list].count), href: dealHref(site, scope, period, list) });
  const link: Cell = { text: fill(l['scope.dealsLink'], { scope: scope.label }), href: site.urls.page('deals', scope, period) };
  return partsOf(l['scope.dealsLine'], { overdue: count('overdue'), stale: count('stale'), week: count('closingThisWeek'), link });
}

/** The plan for the current month's quota, with what the month's gap still needs; only on the current month's page. */
function planOf(site: SiteModel, scope: Scope, stem: string, view: PeriodView): ScopePage['plan'] {
  const { l, f } = site.words;
  if (scope.kind === 'team' || view.period.id !== site.timeline.month.id) return null;
  const { plan, input } = site.plan(scope);
  if (plan.quota <= 0) return { intro: l['plan.noQuota'], table: null };
  const gap = site.kpis(scope, view.period)?.pipeline.gap ?? 0;
  const remaining = view.running ? activityPlan({ ...input, quota: gap }) : null;
  const caption = fill(l['plan.caption'], { scope: scope.label, period: periodTitle(view.period, site.timeline, site.words) });
  return {
    intro: fill(l[remaining ? 'plan.introRunning' : 'plan.intro'], { quota: f.money(plan.quota), gap: f.money(gap), months: site.pooled(scope).months }),
    table: planTable(plan, input, { id: `${stem}-plan-${view.period.id}`, caption }, site.words, remaining),
  };
}

/** The strip of the lead period, titled "November 2026 to date" or "October 2026 (final)". */
function stripOf(site: SiteModel, scope: Scope, view: PeriodView): Strip {
  return { title: periodLabel(site, view.period), tiles: statusStrip(site, scope, view) };
}

/**
 * The reps of a group, and for the whole team the teams of the config, side by side with their status; the forecast chart per rep.
 * Made once per scope and lead period: a young month's page shows the month before's, the same parts (and downloads) as that month's page.
 */
function groupParts(site: SiteModel, scope: Scope, view: PeriodView, stem: string): Pick<ScopePage, 'chart' | 'members' | 'teams'> {
  if (scope.kind === 'rep') return { chart: null, members: null, teams: null };
  return site.shared(`group:${scope.key}:${view.period.id}`, () => buildGroupParts(site, scope, view, stem));
}

function buildGroupParts(site: SiteModel, scope: Scope, view: PeriodView, stem: string): Pick<ScopePage, 'chart' | 'members' | 'teams'> {
  const { l, locale } = site.words;
  const id = view.period.id;
  const period = periodName(view.period, site.words);
  const reps = site.scopes.reps.filter((r) => scope.members.includes(r.name));
  const groups = site.scopes.groups;
  return {
    chart: forecastView(site, reps, view, `${stem}-forecast-${id}`, fill(l[view.running ? 'forecast.label' : 'forecast.labelFinal'], { scope: scope.label, period })),
    members: membersTable(site, reps, view, { id: `${stem}-reps-${id}`, caption: fill(l['scope.repsCaption'], { scope: scope.label, period }) }),
    teams: scope.kind === 'team' && groups.length ? membersTable(site, groups, view, { id: `teams-${id}`, caption: fill(l['scope.teamsCaption'], { period }) }) : null,
  };
}

/** The rest of a rep's or a team's page: trends against the whole team and the funnel of the window. */
function coachingParts(site: SiteModel, scope: Scope, view: PeriodView, stem: string): Pick<ScopePage, 'charts' | 'funnel'> {
  if (scope.kind === 'team') return { charts: [], funnel: null };
  const { l } = site.words;
  const team = site.scopes.team;
  return {
    charts: VS_TEAM.map(({ metric, label, id }) =>
      scopeTrend(site, { id: `${stem}-${id}`, scopes: [scope], reference: team, summaryOf: scope, metric, label: fill(l[label], { scope: scope.label }), yTitle: metricLabel(metric, site.words) }),
    ),
    funnel: { intro: fill(l['scope.funnelIntro'], { window: windowName(site, view) }), chart: funnelChart(site, scope, view, `${stem}-funnel`) },
  };
}

/** The page of `scope` in `period` (the URL's period). */
export function scopePage(site: SiteModel, scope: Scope, period: Period): ScopePage {
  const { words: w, timeline: t, scopes } = site;
  const { l } = w;
  const current = period.id === t.month.id;
  const young = current && leadsWithPrevious(t.asOf, period, closedIn(site, period));
  const view = t.view(young ? t.view(period).previous : period);
  const stem = scope.kind === 'team' ? 'team' : `${scope.kind === 'rep' ? 'rep' : 'team'}-${scope.slug}`;
  const members = scopes.reps.filter((r) => scope.members.includes(r.name));
  const links =
    scope.kind === 'rep'
      ? { title: l['scope.inTeam'], items: scopes.groups.filter((g) => g.name === scope.team).map((g) => ({ text: g.label, href: site.urls.page('scope', g, period) })) }
      : scope.kind === 'group'
        ? { title: l['scope.members'], items: members.map((r) => ({ text: r.label, href: site.urls.page('scope', r, period) })) }
        : { title: '', items: [] };
  const notes = notesOf(site, scope, view);
  const first = notes.find((n) => !FOCUS_NOTES.has(n.kind)) ?? null;
  const head = pageHead(site, 'scope', scope, period, scope.label, view.period);
  return {
    frame: frameOf(site, head.title),
    scope,
    period,
    head,
    links,
    lead: stripOf(site, scope, view),
    beside: young ? { ...stripOf(site, scope, t.view(period)), href: site.urls.page('scope', scope, period), why: fill(l['strip.young'], { previous: periodLabel(site, view.period), current: periodLabel(site, period) }) } : null,
    focus: focusView(site, scope, view.period),
    deals: dealsLine(site, scope, view.period),
    first,
    week: scope.kind === 'team' || !current ? null : weekPlan(site, scope, stem),
    phone: current,
    ...groupParts(site, scope, view, stem),
    cards: { title: fill(l['scope.kpisTitle'], { period: periodTitle(view.period, t, w) }), cards: kpiCards(site, scope, view) },
    lagging: scope.kind === 'team' ? laggingTable(site, scope, view.period) : null,
    notes: scope.kind === 'team' ? null : { intro: fill(l['coach.intro'], { months: site.pooled(scope, view).months }), items: notes.filter((n) => n !== first) },
    plan: planOf(site, scope, stem, view),
    ...coachingParts(site, scope, view, stem),
    trendsTitle: trendTitle(site, 'scope.trendsTitle'),
  };
}

/** The whole team's lagging indicators of the lead period, made once per period (as `groupParts`). */
function laggingTable(site: SiteModel, scope: Scope, period: Period): Table {
  const { words: w, timeline: t } = site;
  const caption = fill(w.l['overview.laggingCaption'], { period: periodTitle(period, t, w) });
  return site.shared(`lagging:${period.id}`, () => scopeTable(site, { id: `team-lagging-${period.id}`, caption, period, metrics: LAGGING, scopes: [scope] }));
}

/** Deals of the whole team closed (won or lost) in `period` so far. */
function closedIn(site: SiteModel, period: Period): number {
  const win = site.kpis(site.scopes.team, period)?.winRate;
  return win ? win.won + win.lost : 0;
}
