/**
 * The shape of one generated data set: its size profile, timeline, stages,
 * reps and accounts, and the config file that goes with them.
 */
import { addDays } from '../periods.ts';
import type { Rand } from './rand.ts';

export type ProfileName = 'young' | 'mature' | 'unknownLoss';

export interface Profile {
  name: ProfileName;
  deals: [number, number];
  leads: [number, number];
  /** Share of lost deals written with a lost_at_stage. */
  lostAtShare: number;
  /** Share of deals with stage history (lost deals get none in `unknownLoss`). */
  historyShare: number;
}

const PROFILES: Record<ProfileName, Profile> = {
  // < 10 closed deals per stage: the forecast keeps the configured probabilities.
  young: { name: 'young', deals: [8, 25], leads: [5, 20], lostAtShare: 0.5, historyShare: 0.6 },
  mature: { name: 'mature', deals: [150, 260], leads: [40, 90], lostAtShare: 0.5, historyShare: 0.6 },
  // Many closed deals, hardly any loss stage known: v2.1's fallback.
  unknownLoss: { name: 'unknownLoss', deals: [60, 120], leads: [20, 50], lostAtShare: 0.04, historyShare: 0.5 },
};

export interface GenerateOptions {
  /** Write what only a v2 engine reads: staleDays keys. */
  v2Data: boolean;
  /** Write same-day timed stage history out of file order (KPI-SPEC 2.1 §6: ordered by instant). */
  timedHistory: boolean;
  /** Tie two first meetings on ids that sort differently by code point and by UTF-16 unit. */
  astralIdTies: boolean;
}

export interface World extends GenerateOptions {
  r: Rand;
  profile: Profile;
  /** The last day things happen on (about); the data starts 18 months before. */
  anchor: string;
  start: string;
  /** An explicit as-of (before the last data, or after it), or undefined for the default. */
  asOf: string | undefined;
  /** The as-of date the data is built around: the explicit one, else the anchor. */
  today: string;
  stages: string[];
  wonStage: string;
  lostStage: string;
  dealReps: string[];
  activityReps: string[];
  /** A rep that owns only quota rows, or null. */
  quotaOnly: string | null;
  accounts: string[];
  /** Amounts and quotas in multiples of 5000.15, so exact ceilings matter (15000.45 / 5000.15 is 3). */
  round: boolean;
  /** Every won deal is worth 0: the average deal is 0 and dealsNeeded null. */
  freeWins: boolean;
}

const STAGE_POOL = ['Qualify', 'Discovery', 'Demo', 'Proposal', 'Negotiation', 'Contract'];
const DEFAULT_STAGES = ['Qualify', 'Discovery', 'Proposal', 'Negotiation'];
const REP_POOL = ['Ann Lee', 'Bo Chen', 'Cy Diaz', 'Di Ek', 'Lee, Ann', 'Zoë Ångström'];
const ACCOUNT_POOL = ['Acme', 'Globex', 'Initech, Inc.', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Soylent', 'Tyrell', 'Vandelay'];
const NAMES: [string, string][] = [['Closed Won', 'Closed Lost'], ['Won', 'Lost'], ['Signed', 'Dropped']];

export function makeWorld(r: Rand, seed: number, options: GenerateOptions): World {
  const profile = PROFILES[(['young', 'mature', 'unknownLoss', 'mature'] as const)[seed % 4]];
  const anchor = addDays('2026-10-31', -r.int(0, 150));
  const defaults = r.chance(0.3);
  const stages = defaults ? DEFAULT_STAGES : STAGE_POOL.filter(() => r.chance(0.6));
  if (stages.length === 0) stages.push('Qualify', 'Proposal');
  const [wonStage, lostStage] = defaults ? NAMES[0] : r.pick(NAMES);
  const reps = r.shuffle([...REP_POOL]).slice(0, r.int(2, 5));
  const activityReps = r.chance(0.3) ? [...reps, 'Al Active'] : reps; // a rep with activities only
  const asOf = r.chance(0.6) ? undefined : addDays(anchor, r.chance(0.8) ? -r.int(0, 60) : r.int(1, 30));
  return {
    ...options,
    r,
    profile,
    anchor,
    start: addDays(anchor, -540),
    asOf,
    today: asOf ?? anchor,
    stages,
    wonStage,
    lostStage,
    dealReps: reps,
    activityReps,
    quotaOnly: r.chance(0.6) ? 'Quinn Quota' : null,
    accounts: ACCOUNT_POOL.slice(0, r.int(3, ACCOUNT_POOL.length)),
    round: r.chance(0.25),
    freeWins: r.chance(0.06),
  };
}

/** keepscore.config.json, or null for a folder without one (all defaults). */
export function configText(w: World): string | null {
  const { r } = w;
  const isDefault = w.stages === DEFAULT_STAGES;
  const config: Record<string, unknown> = {};
  if (!isDefault || r.chance(0.5)) {
    config.stages = w.stages.map((name) => {
      const stage: Record<string, unknown> = { name };
      if (r.chance(0.75)) stage.probability = r.pick([0, 1, 0.1, 0.25, 0.3, 0.5, 0.75, 0.9, 0.33, 0.05]);
      if (w.v2Data && r.chance(0.3)) stage.staleDays = r.int(1, 40);
      return stage;
    });
  }
  if (!isDefault || r.chance(0.5)) Object.assign(config, { wonStage: w.wonStage, lostStage: w.lostStage });
  const teams: Record<string, string> = {};
  for (const rep of [...w.dealReps, ...(w.quotaOnly ? [w.quotaOnly] : [])]) if (r.chance(0.6)) teams[rep] = r.pick(['East', 'West']);
  if (r.chance(0.5)) teams['Nobody Here'] = 'Ghost'; // a team without data
  if (Object.keys(teams).length > 0) config.teams = teams;
  if (r.chance(0.5)) config.currency = r.pick(['USD', 'EUR']);
  if (r.chance(0.5)) config.window = r.pick([12, 6, 3, 24, 1]);
  if (r.chance(0.5)) config.coverageThreshold = r.pick([3, 2, 2.5, 4, 0.5]);
  if (w.v2Data && r.chance(0.5)) config.staleDays = r.int(5, 60);
  if (Object.keys(config).length === 0 && r.chance(0.5)) return null;
  return `${JSON.stringify(config, null, 2)}\n`;
}
