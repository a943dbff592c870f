/**
 * Coaching notes and the plan in words: a note's numbers formatted for the
 * locale and dropped into the dictionary's sentences, with the numbers also
 * listed as facts, so every note visibly cites what it rests on.
 */
import type { Formatters } from './format.ts';
import { fill, type LabelKey, type Labels } from './dictionary.ts';
import type { Note, Severity } from '../../core/coaching/notes.ts';
import type { Plan, PlanInput } from '../../core/coaching/plan.ts';

export interface Fact {
  label: string;
  value: string;
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

export interface WordsContext {
  l: Labels;
  f: Formatters;
  /** The config's questions for a stage (empty when none). */
  questionsOf(stage: string): string[];
}

function pct(f: Formatters, value: number | null) {
  return f.percent(value);
}

/** Title, sentences and cited facts of one note. */
export function noteWords(note: Note, { l, f, questionsOf }: WordsContext): NoteWords {
  const t = (key: string, values: Record<string, string | number> = {}) => fill(l[key as LabelKey], values);
  const base = { kind: note.kind, severity: note.severity, severityLabel: t(`coach.severity.${note.severity}`), questions: null };
  switch (note.kind) {
    case 'leak': {
      const { from, to, reached, advanced, rate } = note.transition;
      const questions = questionsOf(from);
      return {
        ...base,
        title: t('coach.leak.title', { from, to }),
        body: [
          t('coach.leak.body', { from, to, reached: f.count(reached), advanced: f.count(advanced), rate: pct(f, rate), months: note.months }),
          // The weakest step of a funnel that does better than the team's is still worth a look, said as such.
          ...(note.teamRate !== null && rate !== null && rate >= note.teamRate ? [t('coach.leak.notBehind', { teamRate: pct(f, note.teamRate) })] : []),
          t(`coach.leak.${note.cause}`),
        ],
        facts: [
          { label: l['f.stages.reached'], value: f.count(reached) },
          { label: l['f.stages.advanced'], value: f.count(advanced) },
          { label: l['f.stages.rate'], value: pct(f, rate) },
          ...(note.teamRate === null ? [] : [{ label: l['coach.fact.teamRate'], value: pct(f, note.teamRate) }]),
        ],
        questions: questions.length ? { intro: t('coach.leak.questions', { stage: from }), items: questions } : null,
      };
    }
    case 'fewFirstMeetings':
      return {
        ...base,
        title: t('coach.fewFirstMeetings.title'),
        body: [t('coach.fewFirstMeetings.body', { held: f.decimal(note.heldPerMonth), needed: f.count(note.neededPerMonth), perWeek: f.count(note.neededPerWeek) })],
        facts: [
          { label: l['coach.fact.heldPerMonth'], value: f.decimal(note.heldPerMonth) },
          { label: l['coach.fact.neededPerMonth'], value: f.count(note.neededPerMonth) },
        ],
      };
    case 'lowNextStep':
      return {
        ...base,
        title: t('coach.lowNextStep.title'),
        body: [t('coach.lowNextStep.body', { withNextStep: f.count(note.withNextStep), firstMeetings: f.count(note.firstMeetings), rate: pct(f, note.rate), months: note.months })],
        facts: [
          { label: l['f.activity.nextStepRate'], value: pct(f, note.rate) },
          ...(note.teamRate === null ? [] : [{ label: l['coach.fact.teamRate'], value: pct(f, note.teamRate) }]),
        ],
      };
    case 'thinPipeline':
    case 'closeWhatYouHave': {
      const values = { open: f.money(note.open), gap: f.money(note.gap), coverage: f.multiple(note.coverage), threshold: f.multiple(note.threshold) };
      const toCreate = note.kind === 'thinPipeline' ? f.money(note.toCreate) : '';
      return {
        ...base,
        title: t(`coach.${note.kind}.title`),
        body: [t(`coach.${note.kind}.body`, { ...values, toCreate })],
        facts: [
          { label: l['f.pipeline.open.amount'], value: values.open },
          { label: l['f.pipeline.gap'], value: values.gap },
          { label: l['f.pipeline.coverage'], value: values.coverage },
          ...(note.kind === 'thinPipeline' ? [{ label: l['coach.fact.toCreate'], value: toCreate }] : []),
        ],
      };
    }
    case 'quotaReached':
      return {
        ...base,
        title: t('coach.quotaReached.title'),
        body: [t('coach.quotaReached.body', { quota: f.money(note.quota), closedWon: f.money(note.closedWon) })],
        facts: [
          { label: l['f.pipeline.quota'], value: f.money(note.quota) },
          { label: l['f.pipeline.closedWon'], value: f.money(note.closedWon) },
        ],
      };
    case 'overdue':
      return {
        ...base,
        title: t('coach.overdue.title'),
        body: [t('coach.overdue.body', { count: f.count(note.count), amount: f.money(note.amount) })],
        facts: [
          { label: l['f.pipeline.overdue.count'], value: f.count(note.count) },
          { label: l['f.pipeline.overdue.amount'], value: f.money(note.amount) },
        ],
      };
    case 'fewClosed':
      return {
        ...base,
        title: t('coach.fewClosed.title'),
        body: [t('coach.fewClosed.body', { closed: f.count(note.closed), months: note.months })],
        facts: [{ label: l['coach.fact.closed'], value: f.count(note.closed) }],
      };
    case 'noQuota':
    case 'noActivity':
      return { ...base, title: t(`coach.${note.kind}.title`), body: [t(`coach.${note.kind}.body`)], facts: [] };
  }
}

/** One row of the plan table. */
export interface PlanRow {
  key: 'deals' | 'leads' | 'opportunities' | 'firstMeetings' | 'outreach';
  label: string;
  perMonth: string;
  perWeek: string;
  basis: string;
}

/** The plan as table rows: each target a month and a week, and the ratio it rests on. */
export function planRows(plan: Plan, input: PlanInput, { l, f }: Pick<WordsContext, 'l' | 'f'>): PlanRow[] {
  const missing = l['plan.basis.missing'];
  const inverse = input.winsPerFirstMeeting ? 1 / input.winsPerFirstMeeting : null;
  const basis = {
    deals: input.avgDealSize ? fill(l['plan.basis.deals'], { avg: f.money(input.avgDealSize) }) : missing,
    leads: input.leadConversion ? fill(l['plan.basis.leads'], { rate: f.percent(input.leadConversion) }) : missing,
    opportunities: input.overall ? fill(l['plan.basis.opportunities'], { rate: f.percent(input.overall) }) : missing,
    firstMeetings: inverse ? fill(l['plan.basis.firstMeetings'], { n: f.decimal(inverse) }) : missing,
    outreach: input.outreachPerFirstMeeting ? fill(l['plan.basis.outreach'], { n: f.decimal(input.outreachPerFirstMeeting) }) : missing,
  };
  return (['deals', 'leads', 'opportunities', 'firstMeetings', 'outreach'] as const).map((key) => ({
    key,
    label: l[`plan.${key}`],
    perMonth: f.count(plan.month[key]),
    perWeek: f.count(plan.week[key]),
    basis: basis[key],
  }));
}
