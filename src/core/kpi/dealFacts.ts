/**
 * Per-deal facts for the funnel (KPI-SPEC §3 KPI 2, §6): how far each deal
 * got, and every stage move in its history. Positions: the open stages are
 * 0..n-1 in config order, won is n; the lost stage has no position.
 */
import type { StageHistoryTable } from '../ingest/tables.ts';
import type { Config } from '../schema/config.ts';
import type { Deal } from '../schema/rows.ts';

export const LOST = -1;

/** Every stage move as columns: move m took deal `deal[m]` to the stage at position `stage[m]` on `day[m]`. */
export interface Moves {
  length: number;
  deal: Int32Array;
  day: Int32Array;
  stage: Int32Array;
  /** 1 for a move to a later stage. */
  forward: Uint8Array;
}

export interface DealFacts {
  /** Position of each deal's current stage (LOST for lost deals). */
  position: Int32Array;
  /** Highest position each deal reached; n only for won deals. */
  reached: Int32Array;
  /** 1 when the deal names a loss stage or its history has an open stage (KPI-SPEC §7: where a lost deal was lost is known). */
  lossStageKnown: Uint8Array;
  moves: Moves;
}

/** Maps a stage name to its position. */
export function stagePositions(config: Config): Map<string, number> {
  const positions = new Map(config.stages.map((s, i) => [s.name, i]));
  positions.set(config.wonStage, config.stages.length);
  positions.set(config.lostStage, LOST);
  return positions;
}

/** Sorts `rows[from..to)` by `key`, keeping the order of equal keys (as Array#sort does); a deal's few rows by insertion. */
function sortSlice(rows: Int32Array, from: number, to: number, key: (row: number) => number): void {
  if (to - from > 16) {
    rows.set(Array.from(rows.subarray(from, to)).sort((a, b) => key(a) - key(b)), from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const row = rows[i];
    let j = i;
    for (; j > from && key(rows[j - 1]) > key(row); j--) rows[j] = rows[j - 1];
    rows[j] = row;
  }
}

/**
 * History rows grouped by deal: deal d's rows are `rows[starts[d]..starts[d+1])`,
 * ordered by day; rows of one day in time order when every one of them
 * carries a time (by instant), else in file order (KPI-SPEC §6 v2).
 */
function historyByDeal(dealCount: number, history: StageHistoryTable): { starts: Int32Array; rows: Int32Array } {
  const { deal, entered, enteredAt } = history;
  const starts = new Int32Array(dealCount + 1);
  for (let r = 0; r < history.length; r++) starts[deal[r] + 1]++;
  for (let d = 0; d < dealCount; d++) starts[d + 1] += starts[d];
  const rows = new Int32Array(history.length);
  const filled = starts.slice(0, dealCount);
  for (let r = 0; r < history.length; r++) rows[filled[deal[r]]++] = r;
  for (let d = 0; d < dealCount; d++) {
    const end = starts[d + 1];
    sortSlice(rows, starts[d], end, (r) => entered[r]);
    for (let from = starts[d], to = from + 1; from < end; from = to, to = from + 1) {
      while (to < end && entered[rows[to]] === entered[rows[from]]) to++;
      let timed = true;
      for (let p = from; p < to && timed; p++) timed = !Number.isNaN(enteredAt[rows[p]]);
      if (timed) sortSlice(rows, from, to, (r) => enteredAt[r]);
    }
  }
  return { starts, rows };
}

function movesOf(deals: readonly Deal[], history: StageHistoryTable, byDeal: { starts: Int32Array; rows: Int32Array }, positionOf: Int32Array): Moves {
  const move = { deal: [] as number[], day: [] as number[], stage: [] as number[], forward: [] as number[] };
  const { starts, rows } = byDeal;
  for (let i = 0; i < deals.length; i++) {
    for (let p = starts[i] + 1; p < starts[i + 1]; p++) {
      const from = positionOf[history.stage.codes[rows[p - 1]]];
      const to = positionOf[history.stage.codes[rows[p]]];
      if (from === LOST || to === LOST || from === to) continue;
      move.deal.push(i);
      move.day.push(history.entered[rows[p]]);
      move.stage.push(to);
      move.forward.push(to > from ? 1 : 0);
    }
  }
  return { length: move.deal.length, deal: Int32Array.from(move.deal), day: Int32Array.from(move.day), stage: Int32Array.from(move.stage), forward: Uint8Array.from(move.forward) };
}

export function dealFacts(config: Config, deals: readonly Deal[], history: StageHistoryTable): DealFacts {
  const positions = stagePositions(config);
  const won = config.stages.length;
  const position = Int32Array.from(deals, (d) => positions.get(d.stage)!);
  const positionOf = Int32Array.from(history.stage.names, (name) => positions.get(name)!);
  const reached = new Int32Array(deals.length);
  const lossStageKnown = new Uint8Array(deals.length);
  const byDeal = historyByDeal(deals.length, history);
  const { starts, rows } = byDeal;

  for (let i = 0; i < deals.length; i++) {
    // History counts up to the last open stage: only a deal that is won now reaches won.
    let highest = 0;
    let lastOpen: number | undefined;
    for (let p = starts[i]; p < starts[i + 1]; p++) {
      const at = positionOf[history.stage.codes[rows[p]]];
      if (at === LOST) continue;
      highest = Math.max(highest, Math.min(at, won - 1));
      if (at < won) lastOpen = at;
    }
    const current = position[i];
    if (current === won) reached[i] = won;
    else if (current !== LOST) reached[i] = Math.max(current, highest);
    else {
      const lostAt = deals[i].lost_at_stage;
      reached[i] = Math.max(lostAt !== undefined ? positions.get(lostAt)! : (lastOpen ?? 0), highest);
      lossStageKnown[i] = lostAt !== undefined || lastOpen !== undefined ? 1 : 0;
    }
  }
  return { position, reached, lossStageKnown, moves: movesOf(deals, history, byDeal, positionOf) };
}
