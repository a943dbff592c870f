/**
 * Per-deal facts for the funnel (KPI-SPEC §3 KPI 2, §6): how far each deal
 * got, and every stage move in its history. Positions: the open stages are
 * 0..n-1 in config order, won is n; the lost stage has no position.
 */
import type { Config } from '../schema/config.ts';
import type { Deal, StageEntry } from '../schema/rows.ts';

export const LOST = -1;

export interface Move {
  deal: number;
  day: number;
  /** The stage the deal landed in. */
  stage: string;
  forward: boolean;
}

export interface DealFacts {
  /** Position of each deal's current stage (LOST for lost deals). */
  position: Int32Array;
  /** Highest position each deal reached; n only for won deals. */
  reached: Int32Array;
  /** 1 when the deal names a loss stage or its history has an open stage (KPI-SPEC §7: where a lost deal was lost is known). */
  lossStageKnown: Uint8Array;
  moves: Move[];
}

/** Maps a stage name to its position. */
export function stagePositions(config: Config): Map<string, number> {
  const positions = new Map(config.stages.map((s, i) => [s.name, i]));
  positions.set(config.wonStage, config.stages.length);
  positions.set(config.lostStage, LOST);
  return positions;
}

/**
 * Groups history rows by deal index, each deal's rows ordered by day; rows
 * of one day in time order when every one of them carries a time (by
 * instant), else in file order (KPI-SPEC §6 v2).
 */
function historyByDeal(deals: readonly Deal[], history: readonly StageEntry[]): Map<number, StageEntry[]> {
  const dealIndex = new Map(deals.map((d, i) => [d.id, i]));
  const byDeal = new Map<number, StageEntry[]>();
  for (const entry of history) {
    const deal = dealIndex.get(entry.deal);
    if (deal === undefined) continue;
    const rows = byDeal.get(deal);
    if (rows) rows.push(entry);
    else byDeal.set(deal, [entry]);
  }
  for (const rows of byDeal.values()) {
    rows.sort((a, b) => a.entered - b.entered); // Array#sort is stable: file order within a day
    for (let start = 0, end = 1; start < rows.length; start = end, end = start + 1) {
      while (end < rows.length && rows[end].entered === rows[start].entered) end++;
      if (end - start < 2) continue;
      const day = rows.slice(start, end);
      if (day.every((r) => r.enteredAt !== undefined)) rows.splice(start, day.length, ...day.sort((a, b) => a.enteredAt! - b.enteredAt!));
    }
  }
  return byDeal;
}

export function dealFacts(config: Config, deals: readonly Deal[], history: readonly StageEntry[]): DealFacts {
  const positions = stagePositions(config);
  const won = config.stages.length;
  const position = Int32Array.from(deals, (d) => positions.get(d.stage)!);
  const reached = new Int32Array(deals.length);
  const lossStageKnown = new Uint8Array(deals.length);
  const moves: Move[] = [];
  const byDeal = historyByDeal(deals, history);

  for (let i = 0; i < deals.length; i++) {
    const rows = byDeal.get(i) ?? [];
    // History counts up to the last open stage: only a deal that is won now reaches won.
    let highest = 0;
    let lastOpen: number | undefined;
    for (const row of rows) {
      const p = positions.get(row.stage)!;
      if (p === LOST) continue;
      highest = Math.max(highest, Math.min(p, won - 1));
      if (p < won) lastOpen = p;
    }
    const current = position[i];
    if (current === won) reached[i] = won;
    else if (current !== LOST) reached[i] = Math.max(current, highest);
    else {
      const lostAt = deals[i].lost_at_stage;
      reached[i] = Math.max(lostAt !== undefined ? positions.get(lostAt)! : (lastOpen ?? 0), highest);
      lossStageKnown[i] = lostAt !== undefined || lastOpen !== undefined ? 1 : 0;
    }
    for (let r = 1; r < rows.length; r++) {
      const from = positions.get(rows[r - 1].stage)!;
      const to = positions.get(rows[r].stage)!;
      if (from === LOST || to === LOST || from === to) continue;
      moves.push({ deal: i, day: rows[r].entered, stage: rows[r].stage, forward: to > from });
    }
  }
  return { position, reached, lossStageKnown, moves };
}
