/** KPI 2, stage-to-stage conversion, with §6's reach and move rules. */
import { inSpan, type Span } from './periods.ts';
import type { RefConfig, RefDeal, RefEntry } from './readCanonical.ts';
import { stageIndex, statusOf } from './status.ts';

/**
 * A deal's stage history in move order: by entered date; rows of one date by
 * instant when they all carry a time (v2), else in file order.
 */
export function orderedHistory(entries: RefEntry[]): RefEntry[] {
  const byDate = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
  const out: RefEntry[] = [];
  for (let i = 0; i < byDate.length; ) {
    let j = i;
    while (j < byDate.length && byDate[j].date === byDate[i].date) j++;
    const group = byDate.slice(i, j);
    // Spec: "in time order, by instant, when the values carry a time". With some rows untimed
    // the instant order is undefined, so the group keeps file order (our reading; see the report).
    if (group.every((e) => e.instant !== null)) group.sort((a, b) => a.instant! - b.instant! || a.line - b.line);
    out.push(...group);
    i = j;
  }
  return out;
}

export function historyByDeal(history: RefEntry[]): Map<string, RefEntry[]> {
  const map = new Map<string, RefEntry[]>();
  for (const e of history) map.set(e.deal, [...(map.get(e.deal) ?? []), e]);
  for (const [deal, entries] of map) map.set(deal, orderedHistory(entries));
  return map;
}

/** The last open stage a lost deal's history shows, or null. */
export function lastOpenStageInHistory(entries: RefEntry[], config: RefConfig): string | null {
  const open = entries.filter((e) => config.stages.some((s) => s.name === e.stage));
  return open.length === 0 ? null : open[open.length - 1].stage;
}

/**
 * The furthest stage (1..n, n+1 = won) a deal reached by §3 KPI 2's rule.
 * Only a won deal reaches won (§6); a history row entering won for a deal not
 * won counts as the last open stage (README "Choices where the spec is silent").
 */
export function reachLevel(deal: RefDeal, entries: RefEntry[], config: RefConfig): number {
  const n = config.stages.length;
  const status = statusOf(deal, config);
  if (status === 'won') return n + 1;
  let level = 1;
  if (status === 'open') level = stageIndex(deal.stage, config)!;
  else {
    const lostAt = deal.lostAtStage ?? lastOpenStageInHistory(entries, config);
    if (lostAt !== null) level = Math.min(stageIndex(lostAt, config) ?? 1, n); // an open stage (the loader refuses others)
  }
  for (const e of entries) {
    const i = stageIndex(e.stage, config);
    if (i !== null) level = Math.max(level, Math.min(i, n));
  }
  return level;
}

export interface Transition {
  from: string;
  to: string;
  reached: number;
  advanced: number;
  rate: number | null;
}

function transitions(levels: number[], config: RefConfig): Transition[] {
  const names = [...config.stages.map((s) => s.name), config.wonStage];
  return config.stages.map((s, k) => {
    const i = k + 1;
    const reached = levels.filter((l) => l >= i).length;
    const advanced = levels.filter((l) => l >= i + 1).length;
    return { from: s.name, to: names[i], reached, advanced, rate: reached === 0 ? null : advanced / reached };
  });
}

/** Forward and backward moves in P of the given deals (§6: into or out of the lost stage are neither). */
export function moves(deals: RefDeal[], byDeal: Map<string, RefEntry[]>, config: RefConfig, period: Span) {
  const forward: Record<string, number> = {};
  const backward: Record<string, number> = {};
  for (const deal of deals) {
    const entries = byDeal.get(deal.id) ?? [];
    for (let k = 1; k < entries.length; k++) {
      const from = stageIndex(entries[k - 1].stage, config);
      const to = stageIndex(entries[k].stage, config);
      if (from === null || to === null || !inSpan(entries[k].date, period)) continue;
      const target = to > from ? forward : to < from ? backward : null;
      if (target) target[entries[k].stage] = (target[entries[k].stage] ?? 0) + 1;
    }
  }
  return { forward, backward };
}

export function stagesKpi(deals: RefDeal[], byDeal: Map<string, RefEntry[]>, config: RefConfig, period: Span) {
  const cohort = deals.filter((d) => inSpan(d.created, period));
  const levels = cohort.map((d) => reachLevel(d, byDeal.get(d.id) ?? [], config));
  const list = transitions(levels, config);
  const won = levels.filter((l) => l === config.stages.length + 1).length;
  let leak: Transition | null = null;
  for (const t of list) if (t.rate !== null && (leak === null || t.rate < leak.rate!)) leak = t;
  return {
    transitions: list,
    overall: cohort.length === 0 ? null : won / cohort.length,
    leak: leak && { from: leak.from, to: leak.to },
    ...moves(deals, byDeal, config, period),
  };
}
