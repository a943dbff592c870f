/**
 * The sample's keepscore.config.json: the article's four stages, each with a
 * definition and verification questions ("if you cannot answer one of the
 * questions of a stage, the prospect does not belong there: move it back").
 */
import type { Rep } from './reps.ts';

/** One open stage of the config. */
export interface SampleStage {
  name: string;
  probability: number;
  definition: string;
  questions: string[];
}

/** Exactly the keys of KPI-SPEC §1's config, no more (unknown keys are errors). */
export interface SampleConfig {
  stages: SampleStage[];
  wonStage: string;
  lostStage: string;
  teams: Record<string, string>;
  currency: string;
  locale: string;
  coverageThreshold: number;
  window: number;
}

/** The open stages in order; the generator indexes them 0..3. */
export const SAMPLE_STAGES: readonly SampleStage[] = [
  {
    name: 'Qualify',
    probability: 0.1,
    definition: 'A first meeting took place and the prospect has a problem we solve.',
    questions: [
      'What problem did the prospect describe in their own words?',
      'Does the company fit our customer profile (size, industry, region)?',
      'Is a next step agreed and in both calendars?',
    ],
  },
  {
    name: 'Discovery',
    probability: 0.25,
    definition: 'We know the need, the people involved and how the prospect buys.',
    questions: [
      'Who makes the decision, and have we spoken to them?',
      'What does the problem cost them today?',
      'Is there a budget, and when is it available?',
    ],
  },
  {
    name: 'Proposal',
    probability: 0.5,
    definition: 'The decision maker has received a proposal that answers the need found in Discovery.',
    questions: [
      'Did the decision maker confirm that the proposal solves their problem?',
      'Which alternatives, competitors included, are they weighing?',
      'Is a date set to review the proposal together?',
    ],
  },
  {
    name: 'Negotiation',
    probability: 0.75,
    definition: 'The prospect has chosen us and is agreeing terms, price and start date.',
    questions: [
      'Which terms are still open, and who signs?',
      'Is the paperwork (legal, procurement, security) under way?',
      'Is the start date agreed?',
    ],
  },
];

/** Name of the won stage in the sample. */
export const WON_STAGE = 'Closed Won';
/** Name of the lost stage in the sample. */
export const LOST_STAGE = 'Closed Lost';

/** The config for a set of reps: `teams` maps every rep to their team's name. */
export function sampleConfig(reps: readonly Rep[]): SampleConfig {
  const teams: Record<string, string> = {};
  for (const rep of reps) teams[rep.name] = rep.team.name;
  return {
    stages: SAMPLE_STAGES.map((stage) => ({ ...stage, questions: [...stage.questions] })),
    wonStage: WON_STAGE,
    lostStage: LOST_STAGE,
    teams,
    currency: 'USD',
    locale: 'en-US',
    coverageThreshold: 3,
    window: 12,
  };
}
