/**
 * The reference's own reader of a canonical data folder (KPI-SPEC §1 and §6),
 * written without the project's loader: papaparse for the CSV grammar, then
 * the spec's value rules. It trusts the folder to be valid (the comparison
 * test checks that the real loader found no problem) and reads only the
 * canonical spellings the generator writes.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { Q } from './rational.ts';

export interface RefStage {
  name: string;
  probability: Q;
  staleDays: number | null;
}

export interface RefConfig {
  stages: RefStage[];
  wonStage: string;
  lostStage: string;
  teams: Record<string, string>;
  currency: string;
  coverageThreshold: number;
  window: number;
  staleDays: number;
}

export interface RefDeal {
  id: string;
  account: string | null;
  owner: string;
  /** As the config spells it. */
  stage: string;
  /** Exact to 1/10,000 (README: money is exact to 1/10,000 of the currency unit). */
  amount: Q;
  created: string;
  close: string;
  lostAtStage: string | null;
}

export interface RefEntry {
  deal: string;
  stage: string;
  date: string;
  /** ms since the epoch when the value carries a time (v2: same-day rows go by it), else null. */
  instant: number | null;
  /** Row number in the file: the order of same-day rows without a time. */
  line: number;
}

export interface RefActivity {
  id: string;
  date: string;
  owner: string;
  type: string;
  lead: string;
  source: string | null;
  deal: string | null;
  nextStep: string | null;
}

export interface RefQuota {
  owner: string;
  period: string;
  amount: Q;
}

export interface RefCustomer {
  account: string;
  churned: string;
}

export interface RefData {
  config: RefConfig;
  deals: RefDeal[];
  history: RefEntry[];
  activities: RefActivity[];
  quotas: RefQuota[];
  /** null without customers.csv (churn unknown). */
  customers: RefCustomer[] | null;
}

type Row = (column: string) => string | null;

/** Rows of a CSV file as lookups by lower-cased, trimmed column; null when the file is absent. */
function readRows(dir: string, file: string): Row[] | null {
  const path = join(dir, file);
  if (!existsSync(path)) return null;
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: 'greedy' });
  const [header, ...body] = parsed.data;
  const columns = header.map((h) => h.trim().toLowerCase());
  return body.map((cells) => (column: string) => {
    const i = columns.indexOf(column);
    const value = i < 0 ? '' : (cells[i] ?? '').trim();
    return value === '' ? null : value;
  });
}

function need(row: Row, column: string): string {
  const value = row(column);
  if (value === null) throw new Error(`reference reader: ${column} is empty`);
  return value;
}

/** §6: a datetime counts by the date written in it, its first 10 characters. */
const dateOf = (text: string): string => text.slice(0, 10);

/** The instant of a value that carries a time (v2 same-day order), else null. */
function instantOf(text: string): number | null {
  if (text.length <= 10) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`reference reader: unreadable datetime ${text}`);
  return ms;
}

/** README: money is exact to 1/10,000; the generator never writes more decimals. */
function money(text: string): Q {
  const q = Q.decimal(text);
  if (q.mul(Q.of(10_000)).d !== 1n) throw new Error(`reference reader: more than 4 decimals in ${text}`);
  return q;
}

const DEFAULT_STAGES: ConfigStage[] = [
  // README "Config": the sample's four stages are the default.
  { name: 'Qualify', probability: 0.1 },
  { name: 'Discovery', probability: 0.25 },
  { name: 'Proposal', probability: 0.5 },
  { name: 'Negotiation', probability: 0.75 },
];

interface ConfigStage {
  name: string;
  probability?: number;
  staleDays?: number;
}

interface ConfigFile {
  stages?: ConfigStage[];
  wonStage?: string;
  lostStage?: string;
  teams?: Record<string, string>;
  currency?: string;
  coverageThreshold?: number;
  window?: number;
  staleDays?: number;
}

export function readConfig(dir: string): RefConfig {
  const path = join(dir, 'keepscore.config.json');
  const raw = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ConfigFile) : {};
  const stages = raw.stages ?? DEFAULT_STAGES;
  return {
    // README: a stage without a probability gets i/(n+1) for the i-th of n stages.
    stages: stages.map((s, i) => ({
      name: s.name.trim(),
      probability: s.probability === undefined ? Q.of(i + 1, stages.length + 1) : Q.num(s.probability),
      staleDays: s.staleDays ?? null,
    })),
    wonStage: (raw.wonStage ?? 'Closed Won').trim(),
    lostStage: (raw.lostStage ?? 'Closed Lost').trim(),
    teams: Object.fromEntries(Object.entries(raw.teams ?? {}).map(([owner, team]) => [owner, team.trim()])),
    currency: raw.currency ?? 'USD',
    coverageThreshold: raw.coverageThreshold ?? 3,
    window: raw.window ?? 12,
    staleDays: raw.staleDays ?? 30, // §7: default 30
  };
}

/** The config's spelling of a stage named in any case (README: stage names match case-insensitively). */
function stageName(config: RefConfig, text: string): string {
  const all = [...config.stages.map((s) => s.name), config.wonStage, config.lostStage];
  const found = all.find((name) => name.toLowerCase() === text.toLowerCase());
  if (found === undefined) throw new Error(`reference reader: unknown stage ${text}`);
  return found;
}

export function readCanonical(dir: string): RefData {
  const config = readConfig(dir);
  const deals = (readRows(dir, 'deals.csv') ?? []).map((r): RefDeal => {
    const lostAt = r('lost_at_stage');
    return {
      id: need(r, 'id'),
      account: r('account'),
      owner: need(r, 'owner'),
      stage: stageName(config, need(r, 'stage')),
      amount: money(need(r, 'amount')),
      created: dateOf(need(r, 'created')),
      close: dateOf(need(r, 'close_date')),
      lostAtStage: lostAt === null ? null : stageName(config, lostAt),
    };
  });
  const history = (readRows(dir, 'stage_history.csv') ?? []).map((r, line): RefEntry => {
    const entered = need(r, 'entered');
    return { deal: need(r, 'deal'), stage: stageName(config, need(r, 'stage')), date: dateOf(entered), instant: instantOf(entered), line };
  });
  const activities = (readRows(dir, 'activities.csv') ?? []).map((r): RefActivity => ({
    id: need(r, 'id'),
    date: dateOf(need(r, 'date')),
    owner: need(r, 'owner'),
    type: need(r, 'type').toLowerCase(),
    lead: need(r, 'lead'),
    source: r('source'),
    deal: r('deal'),
    nextStep: r('next_step'),
  }));
  const quotas = (readRows(dir, 'quotas.csv') ?? []).map((r): RefQuota => ({
    owner: need(r, 'owner'),
    period: need(r, 'period').toUpperCase(),
    amount: money(need(r, 'amount')),
  }));
  const customerRows = readRows(dir, 'customers.csv');
  const customers = customerRows && customerRows.map((r) => ({ account: need(r, 'account'), churned: dateOf(need(r, 'churned')) }));
  return { config, deals, history, activities, quotas, customers };
}
