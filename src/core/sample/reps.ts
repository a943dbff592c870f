/**
 * The sales team of the sample: teams with their deal sizes and cycle speed,
 * and rep personas that plant the stories a sales manager should spot in the
 * KPIs (a star, a rep who books meetings without next steps, a rep whose deals
 * leak at Proposal, and one team behind quota with a thin pipeline).
 */
import { repName } from './names.ts';

/** Which story a rep tells. */
export type PersonaKind = 'star' | 'solid' | 'leaky' | 'lowNextStep';

/** A rep's behaviour, as probabilities and relative weights. */
export interface Persona {
  kind: PersonaKind;
  /** Relative share of the deals. */
  dealWeight: number;
  /** Relative share of the prospecting leads that never become a deal. */
  prospectWeight: number;
  /** Chance that a prospecting lead gets a first meeting (before the source factor). */
  meetingRate: number;
  /** Chance that the first meeting of a lead that became a deal logs a next step. */
  nextStepOnDeal: number;
  /** Same for a first meeting that led nowhere. */
  nextStepOnMeeting: number;
  /** Chance to advance out of each open stage (the rest is lost there). */
  advance: readonly number[];
  /** Multiplies the team's median deal size. */
  amountFactor: number;
}

const SOLID: Persona = {
  kind: 'solid', dealWeight: 1, prospectWeight: 1, meetingRate: 0.3,
  nextStepOnDeal: 0.93, nextStepOnMeeting: 0.45, advance: [0.6, 0.66, 0.7, 0.75], amountFactor: 1,
};
const PERSONAS: Record<PersonaKind, Persona> = {
  solid: SOLID,
  star: {
    ...SOLID, kind: 'star', dealWeight: 1.25, prospectWeight: 1.1, meetingRate: 0.36,
    nextStepOnDeal: 0.97, nextStepOnMeeting: 0.6, advance: [0.72, 0.8, 0.8, 0.82], amountFactor: 1.25,
  },
  // Gets deals to Proposal like everyone else, then loses most of them there.
  leaky: { ...SOLID, kind: 'leaky', dealWeight: 1.05, advance: [0.6, 0.66, 0.28, 0.75] },
  // Books plenty of first meetings, rarely leaves with an agreed next step.
  lowNextStep: {
    ...SOLID, kind: 'lowNextStep', dealWeight: 0.8, prospectWeight: 1.8, meetingRate: 0.55,
    nextStepOnDeal: 0.45, nextStepOnMeeting: 0.08, advance: [0.5, 0.6, 0.65, 0.72], amountFactor: 0.9,
  },
};

/** Persona by rep index, cycling: 0 star, 2 leaky, 4 low next step, the rest solid. */
const CAST: readonly PersonaKind[] = ['star', 'solid', 'leaky', 'solid', 'lowNextStep', 'solid', 'solid', 'solid'];

/** A team's market: deal size, days per stage, relative deal volume. */
export interface TeamProfile {
  name: string;
  medianAmount: number;
  stageDays: readonly [number, number];
  volume: number;
}

const TEAMS: readonly TeamProfile[] = [
  { name: 'Enterprise', medianAmount: 38_000, stageDays: [7, 30], volume: 0.75 },
  { name: 'Mid-Market', medianAmount: 12_000, stageDays: [4, 18], volume: 1.25 },
  { name: 'SMB', medianAmount: 4_500, stageDays: [2, 10], volume: 1.5 },
  { name: 'Strategic', medianAmount: 90_000, stageDays: [10, 40], volume: 0.4 },
  { name: 'Public Sector', medianAmount: 30_000, stageDays: [10, 35], volume: 0.6 },
  { name: 'Channel', medianAmount: 15_000, stageDays: [5, 20], volume: 1 },
];

/** Team profile `index`; past the named six, Mid-Market-like "Team N". */
export function teamProfile(index: number): TeamProfile {
  return index < TEAMS.length ? TEAMS[index] : { ...TEAMS[1], name: `Team ${index + 1}` };
}

/** A rep of the sample with everything the generator needs about them. */
export interface Rep {
  index: number;
  name: string;
  team: TeamProfile;
  teamIndex: number;
  persona: Persona;
  /** In the team behind quota: quotas set high and few new deals lately. */
  behind: boolean;
  /** Gets quarter quota rows (`YYYY-Qn`) instead of month rows. */
  quarterly: boolean;
}

/** Index of the team that is behind quota (the second team), -1 with one team. */
export const BEHIND_TEAM = 1;
/** Index of the team whose quotas are set per quarter. */
export const QUARTERLY_TEAM = 0;

/**
 * `reps` reps in `teams` contiguous blocks (8 reps in 2 teams: reps 0-3 in
 * Enterprise, 4-7 in Mid-Market). Assumes 1 <= teams <= reps (checked by the
 * caller); every team gets at least one rep.
 */
export function buildReps(reps: number, teams: number): Rep[] {
  const result: Rep[] = [];
  for (let index = 0; index < reps; index++) {
    const teamIndex = Math.floor((index * teams) / reps);
    result.push({
      index,
      name: repName(index),
      team: teamProfile(teamIndex),
      teamIndex,
      persona: PERSONAS[CAST[index % CAST.length]],
      behind: teams > 1 && teamIndex === BEHIND_TEAM,
      quarterly: teamIndex === QUARTERLY_TEAM,
    });
  }
  return result;
}
