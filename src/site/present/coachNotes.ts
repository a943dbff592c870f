/**
 * Coaching notes and the plan in words: a note's numbers (src/core/coaching
 * returns data) formatted for the locale and dropped into the dictionary's
 * sentences, with the numbers also listed as facts, so every note visibly
 * cites what it rests on. One small wording per kind of note.
 */
import type { Note, Severity } from '../../core/coaching/notes.ts';
import type { Plan, PlanInput } from '../../core/coaching/plan.ts';
import { fill, type LabelKey } from '../text/dictionary.ts';
import type { Words } from './cell.ts';
import { table, type Table } from './table.ts';

export interface Fact {
  label: string;
  value: string;
  /** The list of the deals a count of deals stands for (an overdue or stale note's count). */
  href?: string;
}

export interface NoteWords {
  kind: Note['kind'];
  severity: Severity;
  severityLabel: string;
  title: string;
  body: string[];
  facts: Fact[];
  /** The stage's questions from the config, for a leak. */
  questions: { intro: string; items: string[] } | null;
}

export interface NoteContext extends Words {
  /** The config's questions for a stage (empty when none). */
  questionsOf(stage: string): string[];
}

type Worded = Pick<NoteWords, 'title' | 'body' | 'facts'> & Partial<Pick<NoteWords, 'questions'>>;
type NoteOf<K extends Note['kind']> = Extract<Note, { kind: K }>;

const say = (c: NoteContext, key: LabelKey, values: Record<string, string | number> = {}) => fill(c.l[key], values);

function leakWords(note: NoteOf<'leak'>, c: NoteContext): Worded {
  const { l, f } = c;
  const { from, to, reached, advanced, rate } = note.transition;
  const questions = c.questionsOf(from);
  // The weakest step of a funnel that does better than the team's is still worth a look, said as such.
  const notBehind = note.teamRate !== null && rate !== null && rate >= note.teamRate;
  return {
    title: say(c, 'coach.leak.title', { from, to }),
    body: [
      say(c, 'coach.leak.body', { from, to, reached: f.count(reached), advanced: f.count(advanced), rate: f.rate(rate), months: note.months }),
      ...(notBehind ? [say(c, 'coach.leak.notBehind', { teamRate: f.rate(note.teamRate) })] : []),
      say(c, `coach.leak.${note.cause}`),
    ],
    facts: [
      { label: l['metric.stages.transitions.reached'], value: f.count(reached) },
      { label: l['metric.stages.transitions.advanced'], value: f.count(advanced) },
      { label: l['metric.stages.transitions.rate'], value: f.rate(rate) },
      ...(note.teamRate === null ? [] : [{ label: l['coach.fact.teamRate'], value: f.rate(note.teamRate) }]),
    ],
    questions: questions.length ? { intro: say(c, 'coach.leak.questions', { stage: from }), items: questions } : null,
  };
}

function pipelineWords(note: NoteOf<'thinPipeline' | 'closeWhatYouHave'>, c: NoteContext): Worded {
  const { l, f } = c;
  const values = { open: f.money(note.open), gap: f.money(note.gap), coverage: f.multiple(note.coverage), threshold: f.multiple(note.threshold) };
  const toCreate = note.kind === 'thinPipeline' ? f.money(note.toCreate) : '';
  return {
    title: say(c, `coach.${note.kind}.title`),
    body: [say(c, `coach.${note.kind}.body`, { ...values, toCreate })],
    facts: [
      { label: l['metric.pipeline.open.amount'], value: values.open },
      { label: l['metric.pipeline.gap'], value: values.gap },
      { label: l['metric.pipeline.coverage'], value: values.coverage },
      ...(note.kind === 'thinPipeline' ? [{ label: l['coach.fact.toCreate'], value: toCreate }] : []),
    ],
  };
}

/** Overdue or stale deals: how many of the open deals, and their amount. */
function dealsWords(note: NoteOf<'overdue' | 'stale'>, c: NoteContext, metric: 'pipeline.overdue' | 'outlook.stale'): Worded {
  const values = { count: c.f.count(note.count), open: c.f.count(note.open), amount: c.f.money(note.amount) };
  return {
    title: say(c, `coach.${note.kind}.title`),
    body: [say(c, `coach.${note.kind}.body`, values)],
    facts: [
      { label: c.l[`metric.${metric}.count`], value: values.count },
      { label: c.l['coach.fact.openDeals'], value: values.open },
      { label: c.l[`metric.${metric}.amount`], value: values.amount },
    ],
  };
}

const WORDINGS: { [K in Note['kind']]: (note: NoteOf<K>, c: NoteContext) => Worded } = {
  leak: leakWords,
  fewFirstMeetings: (note, c) => ({
    title: say(c, 'coach.fewFirstMeetings.title'),
    body: [say(c, 'coach.fewFirstMeetings.body', { held: c.f.ratio(note.heldPerMonth), needed: c.f.count(note.neededPerMonth), perWeek: c.f.count(note.neededPerWeek) })],
    facts: [
      { label: c.l['coach.fact.heldPerMonth'], value: c.f.ratio(note.heldPerMonth) },
      { label: c.l['coach.fact.neededPerMonth'], value: c.f.count(note.neededPerMonth) },
    ],
  }),
  lowNextStep: (note, c) => ({
    title: say(c, 'coach.lowNextStep.title'),
    body: [say(c, 'coach.lowNextStep.body', { withNextStep: c.f.count(note.withNextStep), firstMeetings: c.f.count(note.firstMeetings), rate: c.f.rate(note.rate), months: note.months })],
    facts: [
      { label: c.l['metric.activity.nextStepRate'], value: c.f.rate(note.rate) },
      ...(note.teamRate === null ? [] : [{ label: c.l['coach.fact.teamRate'], value: c.f.rate(note.teamRate) }]),
    ],
  }),
  thinPipeline: pipelineWords,
  closeWhatYouHave: pipelineWords,
  quotaReached: (note, c) => ({
    title: say(c, 'coach.quotaReached.title'),
    body: [say(c, 'coach.quotaReached.body', { quota: c.f.money(note.quota), closedWon: c.f.money(note.closedWon) })],
    facts: [
      { label: c.l['metric.pipeline.quota'], value: c.f.money(note.quota) },
      { label: c.l['metric.pipeline.closedWon'], value: c.f.money(note.closedWon) },
    ],
  }),
  overdue: (note, c) => dealsWords(note, c, 'pipeline.overdue'),
  stale: (note, c) => dealsWords(note, c, 'outlook.stale'),
  fewClosed: (note, c) => ({
    title: say(c, 'coach.fewClosed.title'),
    body: [say(c, 'coach.fewClosed.body', { closed: c.f.count(note.closed), months: note.months })],
    facts: [{ label: c.l['coach.fact.closed'], value: c.f.count(note.closed) }],
  }),
  noQuota: (_, c) => ({ title: say(c, 'coach.noQuota.title'), body: [say(c, 'coach.noQuota.body')], facts: [] }),
  noActivity: (_, c) => ({ title: say(c, 'coach.noActivity.title'), body: [say(c, 'coach.noActivity.body')], facts: [] }),
};

/** Title, sentences and cited facts of one note. */
export function noteWords(note: Note, c: NoteContext): NoteWords {
  // The table holds one wording per kind; TypeScript cannot pair a union's member with its entry by itself.
  const word = WORDINGS[note.kind] as (n: Note, c: NoteContext) => Worded;
  return { kind: note.kind, severity: note.severity, severityLabel: say(c, `coach.severity.${note.severity}`), questions: null, ...word(note, c) };
}

const TARGETS = ['deals', 'leads', 'opportunities', 'firstMeetings', 'outreach'] as const;

/**
 * The plan as a table: each target a month and a week (rows marked
 * `data-plan`), while the month runs what its gap still needs (`remaining`,
 * the same arithmetic on the gap instead of the quota), and the ratio it rests on.
 */
export function planTable(plan: Plan, input: PlanInput, spec: { id: string; caption: string }, w: Words, remaining: Plan | null = null): Table {
  const { l, f } = w;
  const missing = l['plan.basis.missing'];
  const inverse = input.winsPerFirstMeeting ? 1 / input.winsPerFirstMeeting : null;
  const basis = {
    deals: input.avgDealSize ? fill(l['plan.basis.deals'], { avg: f.money(input.avgDealSize) }) : missing,
    leads: input.leadConversion ? fill(l['plan.basis.leads'], { rate: f.rate(input.leadConversion) }) : missing,
    opportunities: input.overall ? fill(l['plan.basis.opportunities'], { rate: f.rate(input.overall) }) : missing,
    firstMeetings: inverse ? fill(l['plan.basis.firstMeetings'], { n: f.ratio(inverse) }) : missing,
    outreach: input.outreachPerFirstMeeting ? fill(l['plan.basis.outreach'], { n: f.ratio(input.outreachPerFirstMeeting) }) : missing,
  };
  const rows = TARGETS.map((key) => ({
    head: { text: l[`plan.${key}`] },
    data: { plan: key },
    cells: [
      { text: f.count(plan.month[key]), raw: plan.month[key] },
      { text: f.count(plan.week[key]), raw: plan.week[key] },
      ...(remaining ? [{ text: f.count(remaining.month[key]), raw: remaining.month[key] }] : []),
      { text: basis[key], class: 'basis' },
    ],
  }));
  const columns = [l['plan.target'], l['plan.perMonth'], l['plan.perWeek'], ...(remaining ? [l['plan.remaining']] : []), l['plan.basis']];
  return table({ ...spec, columns, rows, style: 'data plan' }, w);
}
