/**
 * History from successive exports. CRM exports carry where each deal stands
 * now, rarely how it got there; comparing each accepted deals export with the
 * one before gives the stage moves in between, dated by the export (or the
 * upload when the export date is unknown); the open deals' close dates,
 * recorded export by export, show which deals slipped. A pipeline snapshot
 * per upload keeps what was open, by stage and owner, so pipeline can be
 * charted over time. Pure functions: the handler reads, these compute, the
 * store writes.
 */
import type { Config } from '../schema/config.ts';
import { CLOSE_DATE_COLUMNS, CLOSE_DATES_FILE, type CloseDateEntry, type Deal, type StageEntry } from '../schema/rows.ts';
import { detectDelimiter, headerName } from '../ingest/csvReader.ts';
import { dayToIso, isoToDay } from '../ingest/values.ts';
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
 * `existing` (or a new file with `columns` as its header, when it is null or
 * blank) with `rows` (cells in `columns` order) appended in its own
 * delimiter, column order and line ending; null when its header lacks one
 * of `columns` (a file that is not ours to extend).
 */
function appendRows(existing: string | null, columns: readonly string[], rows: readonly (readonly string[])[]): string | null {
  if (existing === null || existing.trim() === '') {
    return [columns.join(','), ...rows.map((cells) => cells.map((c) => quoteCsvField(c)).join(','))].join('\n') + '\n';
  }
  const delimiter = detectDelimiter(existing);
  const end = existing.search(/\r|\n/);
  const headerLine = end < 0 ? existing : existing.slice(0, end);
  const names = headerLine.split(delimiter).map((c) => headerName(c.replace(/^"|"$/g, '')));
  const at = columns.map((c) => names.indexOf(c));
  if (at.some((i) => i < 0)) return null;
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const lines = rows.map((row) => {
    const cells = new Array<string>(names.length).fill('');
    row.forEach((value, i) => (cells[at[i]] = quoteCsvField(value, delimiter)));
    return cells.join(delimiter) + eol;
  });
  const base = /\r?\n$/.test(existing) ? existing : existing + eol;
  return base + lines.join('');
}

/**
 * `existing` (a stage_history.csv, or null when there is none) with `moves`
 * appended in its own delimiter, column order and line ending. A file whose
 * header is not the canonical deal/stage/entered (a CRM history export) is
 * not touched: the reason comes back instead.
 */
export function appendMoves(existing: string | null, moves: readonly StageMove[]): { text: string } | { skipped: string } {
  const text = appendRows(existing, ['deal', 'stage', 'entered'], moves.map((m) => [m.deal, m.stage, m.entered]));
  return text === null ? { skipped: 'stage_history.csv is not in the canonical deal,stage,entered form, so moves were not added to it' } : { text };
}

/** A close_dates.csv row to append, its dates as `YYYY-MM-DD`. */
export interface CloseDateRecord {
  deal: string;
  close_date: string;
  recorded: string;
}

/**
 * One row, recorded on `date`, for every open deal of the export whose close
 * date is not the one last recorded for it on or before `date` (or that has
 * none yet): so the first export recorded notes every open deal's close
 * date, and each later one only the changes. Won and lost deals are left out
 * (their close date is the day they closed). Sorted by deal id.
 */
export function closeDateChanges(deals: readonly Deal[], config: Config, recorded: readonly CloseDateEntry[] | null, date: string): CloseDateRecord[] {
  const day = isoToDay(date)!;
  const latest = new Map<string, { close: number; recorded: number }>();
  for (const e of recorded ?? []) {
    const seen = latest.get(e.deal);
    if (e.recorded <= day && (seen === undefined || e.recorded >= seen.recorded)) latest.set(e.deal, { close: e.close_date, recorded: e.recorded });
  }
  const records: CloseDateRecord[] = [];
  for (const deal of deals) {
    if (deal.stage === config.wonStage || deal.stage === config.lostStage) continue;
    if (latest.get(deal.id)?.close === deal.close_date) continue;
    records.push({ deal: deal.id, close_date: dayToIso(deal.close_date), recorded: date });
  }
  return records.sort((a, b) => (a.deal < b.deal ? -1 : a.deal > b.deal ? 1 : 0));
}

/** `existing` close_dates.csv (or null) with `records` appended, like `appendMoves`. */
export function appendCloseDates(existing: string | null, records: readonly CloseDateRecord[]): { text: string } | { skipped: string } {
  const text = appendRows(existing, CLOSE_DATE_COLUMNS, records.map((r) => [r.deal, r.close_date, r.recorded]));
  return text === null ? { skipped: `${CLOSE_DATES_FILE} is not in the canonical deal,close_date,recorded form, so close dates were not added to it` } : { text };
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
