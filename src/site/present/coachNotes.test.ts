import { siteUrls } from '../urls.ts';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../core/coaching/notes.ts';
import { activityPlan } from '../../core/coaching/plan.ts';
import { labels } from '../text/dictionary.ts';
import { formattersFor } from '../text/format.ts';
import { noteWords, planTable } from './coachNotes.ts';

const en = { l: labels('en-US'), f: formattersFor('en-US', 'USD'), locale: 'en-US', urls: siteUrls('/'), questionsOf: (s: string) => (s === 'Discovery' ? ['Who decides?'] : []) };
const ru = { l: labels('ru-RU'), f: formattersFor('ru-RU', 'RUB'), locale: 'ru-RU', urls: siteUrls('/'), questionsOf: () => [] };

const leak: Note = {
  kind: 'leak',
  severity: 'act',
  cause: 'nextStep',
  months: 12,
  transition: { from: 'Discovery', to: 'Proposal', reached: 72, advanced: 24, rate: 1 / 3 },
  teamRate: 2 / 3,
};

describe('noteWords', () => {
  it('words a leak with its cause, its numbers and the stage questions', () => {
    const words = noteWords(leak, en);
    expect(words.title).toBe('The funnel leaks at Discovery → Proposal');
    expect(words.body[0]).toBe('24 of 72 deals (33.3%) moved on from Discovery to Proposal over the last 12 months.');
    expect(words.body[1]).toMatch(/^Deals stall in the middle of the funnel\. That usually means the right next step is not being proposed/);
    expect(words.facts).toEqual([
      { label: 'Reached', value: '72' },
      { label: 'Moved on', value: '24' },
      { label: 'Conversion', value: '33.3%' },
      { label: 'Whole team', value: '66.7%' },
    ]);
    expect(words.questions).toEqual({ intro: 'Questions to check at Discovery:', items: ['Who decides?'] });
    expect(words.body).toHaveLength(2); // 33.3 % is behind the team's 66.7 %: no "no worse than the team"
    expect(words.severityLabel).toBe('Act on this');
  });

  it('says so when the weakest step is no worse than the whole team', () => {
    const words = noteWords({ ...leak, severity: 'watch', teamRate: 0.3 }, en);
    expect(words.body[1]).toBe('It is the weakest step of this funnel, though no worse than the whole team’s (30.0%).');
    expect(words.severityLabel).toBe('Keep an eye on');
  });

  it('words the pipeline note in Russian with the locale’s money', () => {
    const words = noteWords({ kind: 'thinPipeline', severity: 'act', open: 30_000, gap: 20_000, coverage: 1.5, threshold: 3, toCreate: 30_000 }, ru);
    expect(words.title).toBe('Наращивайте воронку: она слишком тонкая для разрыва');
    expect(words.body[0]).toContain('покрытие 1,5×, ниже порога 3×');
    expect(words.body[0]).toContain('30\u00a0000\u00a0₽');
    expect(words.facts.map((x) => x.label)).toEqual(['Открытая воронка', 'Разрыв до квоты', 'Покрытие', 'Нужно добавить в воронку']);
  });

  it('leaves no placeholder unfilled in any note, in either language', () => {
    const notes: Note[] = [
      leak,
      { kind: 'fewFirstMeetings', severity: 'act', heldPerMonth: 10, neededPerMonth: 25, neededPerWeek: 6 },
      { kind: 'lowNextStep', severity: 'act', withNextStep: 48, firstMeetings: 120, rate: 0.4, teamRate: 0.7, months: 12 },
      { kind: 'thinPipeline', severity: 'act', open: 1, gap: 2, coverage: 0.5, threshold: 3, toCreate: 5 },
      { kind: 'closeWhatYouHave', severity: 'good', open: 9, gap: 2, coverage: 4.5, threshold: 3 },
      { kind: 'quotaReached', severity: 'good', quota: 1, closedWon: 2 },
      { kind: 'noQuota', severity: 'watch' },
      { kind: 'overdue', severity: 'watch', count: 2, amount: 7, open: 30 },
      { kind: 'stale', severity: 'act', count: 5, amount: 9, open: 30 },
      { kind: 'fewClosed', severity: 'watch', closed: 3, months: 12 },
      { kind: 'noActivity', severity: 'watch' },
    ];
    for (const ctx of [en, ru]) for (const note of notes) {
      const words = noteWords(note, ctx);
      expect(`${words.title} ${words.body.join(' ')}`, note.kind).not.toMatch(/\{\w+\}|undefined|NaN/);
    }
  });
});

describe('planTable', () => {
  it('lists the article example with the ratio behind each target', () => {
    const input = { quota: 100_000, avgDealSize: 5_000, leadConversion: 0.1, winsPerFirstMeeting: 0.25, outreachPerFirstMeeting: 8, overall: 0.2 };
    const plan = planTable(activityPlan(input), input, { id: 'rep-ann-plan', caption: 'The plan' }, en);
    expect(plan.rows.map((r) => [r.head.text, ...r.cells.map((c) => c.text)])).toEqual([
      ['Deals to win', '20', '5', 'quota / average won deal of $5,000'],
      ['New leads', '200', '47', 'lead conversion 10.0%'],
      ['Opportunities created', '100', '24', 'funnel conversion (won / created) 20.0%'],
      ['First meetings', '80', '19', '4 first meetings per win'],
      ['Outreach touches', '640', '148', '8 outreach touches per first meeting'],
    ]);
    expect(plan.rows[0].cells.map((c) => c.raw)).toEqual([20, 5, undefined]);
    expect(plan.csv?.href).toBe('/csv/rep-ann-plan.csv');
  });
});
