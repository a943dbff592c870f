/**
 * Leads and their activities: outreach touches, then maybe a first meeting
 * with or without an agreed next step. Rows are pushed onto `sim.out`, which
 * the generator drains after every deal, so memory stays flat.
 */
import { toWeekday, formatDay } from './days.ts';
import { NEXT_STEPS } from './names.ts';
import type { Random } from './random.ts';
import type { Rep } from './reps.ts';

/** A file of the sample. */
export type SampleFile = 'deals.csv' | 'stage_history.csv' | 'activities.csv' | 'quotas.csv' | 'customers.csv';

/** One CSV row and the file it belongs to, fields in SAMPLE_HEADERS order. */
export interface SampleRow {
  file: SampleFile;
  row: string[];
}

/** Shared generator state: the random source, the date window, id counters. */
export interface Sim {
  random: Random;
  /** First day of the window (a month start) and the as-of day, as day numbers. */
  start: number;
  asOf: number;
  out: SampleRow[];
  activityCount: number;
  leadCount: number;
  activityIdWidth: number;
}

/** Lead sources, how often they occur, and how readily their leads meet us. */
export const SOURCES = ['Referral', 'Inbound', 'Outbound', 'Event', 'Partner'] as const;
const SOURCE_WEIGHTS = [0.14, 0.28, 0.38, 0.1, 0.1];
const MEETING_FACTOR = [1.7, 1.2, 0.6, 1.0, 1.3];
/** Deals come more often from the sources whose leads meet more often. */
const DEAL_SOURCE_WEIGHTS = SOURCE_WEIGHTS.map((w, i) => w * MEETING_FACTOR[i]);

const OUTREACH = ['call', 'email', 'event', 'social'] as const;
/** Outreach channel mix per source (call, email, event, social). */
const CHANNEL_WEIGHTS: readonly (readonly number[])[] = [
  [0.4, 0.5, 0, 0.1], // Referral
  [0.3, 0.65, 0, 0.05], // Inbound
  [0.45, 0.35, 0, 0.2], // Outbound
  [0.25, 0.4, 0.3, 0.05], // Event
  [0.3, 0.6, 0.05, 0.05], // Partner
];
const SOURCE_INDEXES = SOURCES.map((_, i) => i);

/** Chance that an activity row leaves the source column empty. */
const BLANK_SOURCE = 0.05;

/** A new lead id, `L-000001` upwards. */
export function newLeadId(sim: Sim): string {
  sim.leadCount++;
  return `L-${String(sim.leadCount).padStart(6, '0')}`;
}

/** A source index for a lead that will become a deal (or a prospect when `prospect`). */
export function pickSource(random: Random, prospect: boolean): number {
  return random.weighted(SOURCE_INDEXES, prospect ? SOURCE_WEIGHTS : DEAL_SOURCE_WEIGHTS);
}

/** Appends an activity row; `day` is moved off weekends within the window. */
export function addActivity(
  sim: Sim, day: number, owner: string, type: string, lead: string,
  source: number, deal: string, nextStep: string,
): void {
  sim.activityCount++;
  const id = `A-${String(sim.activityCount).padStart(sim.activityIdWidth, '0')}`;
  const date = formatDay(toWeekday(day, sim.start, sim.asOf));
  const sourceText = sim.random.chance(BLANK_SOURCE) ? '' : SOURCES[source];
  sim.out.push({ file: 'activities.csv', row: [id, date, owner, type, lead, sourceText, deal, nextStep] });
}

/** A next step as reps log it: text, or the scheduled date when that is not after as-of. */
export function nextStepText(sim: Sim, meetingDay: number): string {
  const { random } = sim;
  const scheduled = meetingDay + random.int(2, 14);
  // A date after as-of would look like a future event in the data; use text then.
  if (scheduled <= sim.asOf && random.chance(0.4)) return formatDay(scheduled);
  return random.pick(NEXT_STEPS);
}

function outreachType(random: Random, source: number, first: boolean): string {
  if (first && source === 3) return 'event'; // Event leads start at the event
  if (random.chance(0.02)) return 'other';
  return random.weighted(OUTREACH, CHANNEL_WEIGHTS[source]);
}

/**
 * `touches` outreach activities on sorted random days in [from, to] (clamped
 * to the window), the first one shaped by the source.
 */
function addOutreach(sim: Sim, rep: Rep, lead: string, source: number, from: number, to: number, touches: number): void {
  const { random } = sim;
  const low = Math.max(from, sim.start);
  const high = Math.min(Math.max(to, low), sim.asOf);
  const days: number[] = [];
  for (let i = 0; i < touches; i++) days.push(random.int(low, high));
  days.sort((a, b) => a - b);
  for (let i = 0; i < days.length; i++) {
    addActivity(sim, days[i], rep.name, outreachType(random, source, i === 0), lead, source, '', '');
  }
}

/**
 * The lead behind a deal created on `created`: a few outreach touches, then
 * its first meeting a few days before the deal. Returns the lead id.
 */
export function addDealLead(sim: Sim, rep: Rep, source: number, created: number): string {
  const { random } = sim;
  const lead = newLeadId(sim);
  const meetingDay = Math.max(sim.start, created - random.int(0, 5));
  const span = Math.min(random.int(5, 40), meetingDay - sim.start);
  if (span > 0) addOutreach(sim, rep, lead, source, meetingDay - span, meetingDay - 1, random.int(1, 5));
  const nextStep = random.chance(rep.persona.nextStepOnDeal) ? nextStepText(sim, meetingDay) : '';
  addActivity(sim, meetingDay, rep.name, 'meeting', lead, source, '', nextStep);
  return lead;
}

/**
 * A prospecting lead that never becomes a deal, first touched around `day`:
 * outreach, and maybe a first meeting (the rep's meeting rate times the
 * source's factor) with the rep's next-step rate. Nothing after as-of.
 */
export function addProspectLead(sim: Sim, rep: Rep, day: number): void {
  const { random } = sim;
  const { persona } = rep;
  const lead = newLeadId(sim);
  const source = pickSource(random, true);
  const first = Math.min(sim.asOf, Math.max(sim.start, day - random.int(0, 20)));
  const last = Math.min(sim.asOf, first + random.int(0, 30));
  addOutreach(sim, rep, lead, source, first, last, random.int(1, 6));
  const meetingDay = last + random.int(1, 7);
  if (meetingDay > sim.asOf || !random.chance(Math.min(0.9, persona.meetingRate * MEETING_FACTOR[source]))) return;
  const agreed = random.chance(persona.nextStepOnMeeting);
  addActivity(sim, meetingDay, rep.name, 'meeting', lead, source, '', agreed ? nextStepText(sim, meetingDay) : '');
  const followUp = meetingDay + random.int(2, 10);
  if (agreed && followUp <= sim.asOf && random.chance(0.6)) {
    addActivity(sim, followUp, rep.name, random.chance(0.5) ? 'email' : 'call', lead, source, '', '');
  }
}
