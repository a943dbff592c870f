/**
 * History from successive exports. CRM exports carry where each deal stands
 * now, rarely how it got there; comparing each accepted deals export with the
 * one before gives the stage moves in between, dated by the export (or the
 * upload when the export date is unknown). A pipeline snapshot per upload
 * keeps what was open, by stage and owner, so pipeline can be charted over
 * time. Pure functions: the handler reads, these compute, the store writes.
 */
import type { Config } from '../schema/config.ts';
import type { Deal, StageEntry } from '../schema/rows.ts';
import { detectDelimiter, headerName } from '../ingest/csvReader.ts';
import { dayToIso } from '../ingest/values.ts';
import { quoteCsvField } from '../export/csvDownload.ts';
import { fromUnits, toUnits } from '../kpi/money.ts';

/** A stage history row to append, its date as `YYYY-MM-DD`. */
export interface StageMove {
  deal: string;
  stage: string;
  entered: string;
}

/**
 * One move for every deal in both exports whose stage differs, entering the
 * new stage on `date`. New deals are left out (their created date already
 * marks their start); a move already in the history (same deal, stage and
 * day, e.g. the same export uploaded twice) is not repeated. Sorted by deal id.
 */
export function stageMoves(previous: readonly Deal[], next: readonly Deal[], date: string, history: Iterable<Pick<StageEntry, 'deal' | 'stage' | 'entered'>> = []): StageMove[] {
  const before = new Map(previous.map((d) => [d.id, d.stage]));
  const known = new Set(Array.from(history, (h) => `${h.deal}\u0000${h.stage}\u0000${dayToIso(h.entered)}`));
  const moves: StageMove[] = [];
  for (const deal of next) {
    const was = before.get(deal.id);
    if (was === undefined || was === deal.stage) continue;
    if (known.has(`${deal.id}\u0000${deal.stage}\u0000${date}`)) continue;
    moves.push({ deal: deal.id, stage: deal.stage, entered: date });
  }
  return moves.sort((a, b) => (a.deal < b.deal ? -1 : a.deal > b.deal ? 1 : 0));
}

/**
 * `existing` (a stage_history.csv, or null when there is none) with `moves`
 * appended in its own delimiter, column order and line ending. A file whose
 * header is not the canonical deal/stage/entered (a CRM history export) is
 * not touched: the reason comes back instead.
 */
export function appendMoves(existing: string | null, moves: readonly StageMove[]): { text: string } | { skipped: string } {
  if (existing === null || existing.trim() === '') {
    return { text: ['deal,stage,entered', ...moves.map((m) => [m.deal, m.stage, m.entered].map((c) => quoteCsvField(c)).join(','))].join('\n') + '\n' };
  }
  const delimiter = detectDelimiter(existing);
  const end = existing.search(/\r|\n/);
  const headerLine = end < 0 ? existing : existing.slice(0, end);
  const names = headerLine.split(delimiter).map((c) => headerName(c.replace(/^"|"$/g, '')));
  const columns = ['deal', 'stage', 'entered'].map((c) => names.indexOf(c));
  if (columns.some((i) => i < 0)) return { skipped: 'stage_history.csv is not in the canonical deal,stage,entered form, so moves were not added to it' };
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const lines = moves.map((m) => {
    const cells = new Array<string>(names.length).fill('');
    cells[columns[0]] = quoteCsvField(m.deal, delimiter);
    cells[columns[1]] = quoteCsvField(m.stage, delimiter);
    cells[columns[2]] = quoteCsvField(m.entered, delimiter);
    return cells.join(delimiter);
  });
  const base = /\r?\n$/.test(existing) ? existing : existing + eol;
  return { text: base + lines.map((l) => l + eol).join('') };
}

export interface PipelineTotals {
  count: number;
  amount: number;
}

/** What was open when an export was taken: the line appended to `.history/pipeline.jsonl`. */
export interface PipelineSnapshot {
  version: string;
  /** The export's date (or the upload's), `YYYY-MM-DD`. */
  date: string;
  open: PipelineTotals;
  byStage: Record<string, PipelineTotals>;
  byOwner: Record<string, PipelineTotals>;
}

/** Open deals (neither won nor lost) counted and summed exactly, by stage (config order) and by owner (sorted). */
export function pipelineSnapshot(deals: readonly Deal[], config: Config, version: string, date: string): PipelineSnapshot {
  const closed = new Set([config.wonStage, config.lostStage]);
  const total = { count: 0, units: 0 };
  const byStage = new Map<string, { count: number; units: number }>(config.stages.map((s) => [s.name, { count: 0, units: 0 }]));
  const byOwner = new Map<string, { count: number; units: number }>();
  for (const deal of deals) {
    if (closed.has(deal.stage)) continue;
    const units = toUnits(deal.amount);
    for (const bucket of [total, get(byStage, deal.stage), get(byOwner, deal.owner)]) {
      bucket.count++;
      bucket.units += units;
    }
  }
  const out = (m: Map<string, { count: number; units: number }>, sort: boolean) => {
    const keys = [...m.keys()];
    if (sort) keys.sort();
    return Object.fromEntries(keys.map((k) => [k, { count: m.get(k)!.count, amount: fromUnits(m.get(k)!.units) }]));
  };
  return { version, date, open: { count: total.count, amount: fromUnits(total.units) }, byStage: out(byStage, false), byOwner: out(byOwner, true) };
}

function get(map: Map<string, { count: number; units: number }>, key: string) {
  let bucket = map.get(key);
  if (!bucket) map.set(key, (bucket = { count: 0, units: 0 }));
  return bucket;
}
