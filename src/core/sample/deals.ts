/**
 * One deal's life: it enters Qualify when created, then stage by stage either
 * advances (the rep's persona odds), is lost, or is still open at as-of.
 * Produces the deal row, its stage_history rows and the deal-linked activities.
 */
import { formatDay, monthEnd } from './days.ts';
import { addActivity, nextStepText, SOURCES, type Sim } from './sampleLeads.ts';
import { LOST_STAGE, SAMPLE_STAGES, WON_STAGE } from './sampleConfig.ts';
import type { Rep } from './reps.ts';

const STAGE_COUNT = SAMPLE_STAGES.length;
const WON = STAGE_COUNT;
const LOST = STAGE_COUNT + 1;
const STAGE_NAMES = [...SAMPLE_STAGES.map((s) => s.name), WON_STAGE, LOST_STAGE];

/** What the generator keeps of a deal for quotas and customers. */
export interface DealOutcome {
  status: 'won' | 'lost' | 'open';
  /** Actual close day (won/lost) or expected close day (open). */
  closeDay: number;
  amount: number;
}

/** The deal being simulated. */
export interface DealInput {
  id: string;
  rep: Rep;
  account: string;
  product: string;
  source: number;
  lead: string;
  created: number;
}

/** Chance that a lost deal leaves lost_at_stage empty (readers fall back to history). */
const BLANK_LOST_AT = 0.15;
/** Chance, on each move out of Proposal or Negotiation, of a step back first. */
const STEP_BACK = 0.07;
/** Chance that a stage drags on (a stalled deal), multiplying its days by 8. */
const STALL = 0.02;
/** Chance that an open deal whose expected close has passed was moved to a future date. */
const RESCHEDULED = 0.6;

/** Deals that are not won run 30 % larger: big deals are harder to win, and open amounts are optimistic. */
const UNWON_AMOUNT = 1.3;

function dealAmount(sim: Sim, rep: Rep, won: boolean): number {
  const { random } = sim;
  const median = rep.team.medianAmount * rep.persona.amountFactor * (won ? 1 : UNWON_AMOUNT);
  const raw = random.logNormal(median, 0.6);
  const step = raw >= 10_000 ? 500 : 50;
  const amount = Math.max(step, Math.round(raw / step) * step);
  return random.chance(0.1) ? amount + random.int(1, 99) / 100 : amount;
}

/** Plain decimal: `12500`, or `12500.50` when there are cents. */
function formatAmount(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

function stageDays(sim: Sim, rep: Rep): number {
  const [min, max] = rep.team.stageDays;
  const days = sim.random.int(min, max);
  return sim.random.chance(STALL) ? days * 8 : days;
}

/** Activities while a deal sits in a stage: 0-2 emails or calls linked to the deal. */
function addStageWork(sim: Sim, deal: DealInput, from: number, to: number): void {
  const { random } = sim;
  const count = random.int(0, 2);
  for (let i = 0; i < count; i++) {
    const day = random.int(from, Math.max(from, to - 1));
    if (day > sim.asOf) continue;
    addActivity(sim, day, deal.rep.name, random.chance(0.6) ? 'email' : 'call', deal.lead, deal.source, deal.id, '');
  }
}

/**
 * Simulates `deal` up to as-of, pushing its rows onto `sim.out` (deal row
 * last, after its history and activities). Nothing it writes is dated after
 * as-of except an open deal's expected close date.
 */
export function addDeal(sim: Sim, deal: DealInput): DealOutcome {
  const { random } = sim;
  const { rep } = deal;
  const history: [number, number][] = [[0, deal.created]];
  let stage = 0;
  let day = deal.created;
  let stepped = false;
  let outcome: 'won' | 'lost' | 'open' = 'open';
  while (outcome === 'open') {
    const next = day + stageDays(sim, rep);
    addStageWork(sim, deal, day, next);
    if (next > sim.asOf) break;
    day = next;
    if (stage >= 2 && !stepped && random.chance(STEP_BACK)) {
      // The verification questions failed: back one stage, then try again.
      stepped = true;
      stage--;
      history.push([stage, day]);
      addActivity(sim, day, rep.name, 'call', deal.lead, deal.source, deal.id, '');
      continue;
    }
    if (random.chance(rep.persona.advance[stage])) {
      stage++;
      history.push([stage, day]);
      if (stage === WON) outcome = 'won';
      else addActivity(sim, day, rep.name, 'meeting', deal.lead, deal.source, deal.id, random.chance(0.85) ? nextStepText(sim, day) : '');
    } else {
      history.push([LOST, day]);
      outcome = 'lost';
    }
  }
  if (outcome !== 'open') {
    addActivity(sim, day, rep.name, outcome === 'won' ? 'email' : 'call', deal.lead, deal.source, deal.id, '');
  }
  for (const [s, entered] of history) {
    sim.out.push({ file: 'stage_history.csv', row: [deal.id, STAGE_NAMES[s], formatDay(entered)] });
  }
  const closeDay = outcome === 'open' ? expectedClose(sim, deal) : day;
  const amount = dealAmount(sim, rep, outcome === 'won');
  const lostAt = outcome === 'lost' && !random.chance(BLANK_LOST_AT) ? STAGE_NAMES[stage] : '';
  const currentStage = outcome === 'won' ? WON : outcome === 'lost' ? LOST : stage;
  const source = random.chance(0.05) ? '' : SOURCES[deal.source];
  const name = `${deal.account || 'New inquiry'} - ${deal.product}`;
  sim.out.push({
    file: 'deals.csv',
    row: [deal.id, name, deal.account, rep.name, source, STAGE_NAMES[currentStage], formatAmount(amount),
      formatDay(deal.created), formatDay(closeDay), lostAt, deal.lead],
  });
  return { status: outcome, closeDay, amount };
}

/**
 * Expected close of an open deal: planned at creation from the team's cycle;
 * when that date has passed, usually moved 1-35 days past as-of, otherwise
 * left behind (an overdue deal, as in every real CRM). Reps like month ends:
 * a third of future dates are the last day of their month.
 */
function expectedClose(sim: Sim, deal: DealInput): number {
  const { random } = sim;
  const [min, max] = deal.rep.team.stageDays;
  const planned = deal.created + Math.round(STAGE_COUNT * ((min + max) / 2) * (0.4 + 0.9 * random.next()));
  if (planned <= sim.asOf && !random.chance(RESCHEDULED)) return planned;
  const future = planned > sim.asOf ? planned : sim.asOf + random.int(1, 35);
  return random.chance(0.35) ? monthEnd(future) : future;
}
