/**
 * KPI 2 — stage-to-stage conversion (leading): of the deals created in the
 * period, how many reached each stage and went on to the next, where the
 * funnel leaks, and the forward/backward flow of stage moves in the period
 * (KPI-SPEC §3, §6).
 */
import type { Facts } from './facts.ts';
import { rangeOf } from './dayList.ts';
import type { Period } from './periods.ts';
import { rate } from './rate.ts';
import type { StagesKpi, Transition } from '../schema/kpiReport.ts';
import { nameRecord } from './records.ts';

/** `names[position]`: the open stages, then won. */
function flow(facts: Facts, scope: readonly number[], period: Period, names: readonly string[]) {
  const forward = nameRecord<number>();
  const backward = nameRecord<number>();
  const { moves } = facts.deals;
  for (const rep of scope) {
    const list = facts.byRep.moves[rep];
    const [from, to] = rangeOf(list, period.start, period.end);
    for (let p = from; p < to; p++) {
      const move = list.rows[p];
      const counts = moves.forward[move] ? forward : backward;
      const stage = names[moves.stage[move]];
      counts[stage] = (counts[stage] ?? 0) + 1;
    }
  }
  return { forward, backward };
}

export function stagesKpi(facts: Facts, scope: readonly number[], period: Period): StagesKpi {
  const { config } = facts.dataset;
  const names = [...config.stages.map((s) => s.name), config.wonStage];
  const won = config.stages.length;
  // reachedAt[i] = cohort deals that reached position i (won = n).
  const reachedAt = new Array<number>(won + 1).fill(0);
  for (const rep of scope) {
    const list = facts.byRep.dealsByCreated[rep];
    const [from, to] = rangeOf(list, period.start, period.end);
    for (let p = from; p < to; p++) reachedAt[facts.deals.reached[list.rows[p]]]++;
  }
  for (let i = won - 1; i >= 0; i--) reachedAt[i] += reachedAt[i + 1];

  const transitions = config.stages.map((stage, i) => ({
    from: stage.name,
    to: names[i + 1],
    reached: reachedAt[i],
    advanced: reachedAt[i + 1],
    rate: rate(reachedAt[i + 1], reachedAt[i]),
  }));
  let leak: Transition | null = null;
  for (const t of transitions) if (t.rate !== null && (leak === null || t.rate < leak.rate!)) leak = t;
  return {
    transitions,
    overall: rate(reachedAt[won], reachedAt[0]),
    leak: leak && { from: leak.from, to: leak.to },
    ...flow(facts, scope, period, names),
  };
}
