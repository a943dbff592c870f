/**
 * Random canonical data folders for the reference comparison: seeded and
 * deterministic, small, and dense in the edge cases KPI-SPEC §6 and §7 name.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { addDays, isoWeekOf } from '../periods.ts';
import { makeActivities, makeCustomers, makeQuotas } from './activities.ts';
import { makeDeals, makeHistory, type Row } from './deals.ts';
import { Rand } from './rand.ts';
import { configText, makeWorld, type GenerateOptions, type ProfileName } from './world.ts';

export interface GeneratedCase {
  seed: number;
  profile: ProfileName;
  /** File name -> content. */
  files: Record<string, string>;
  periods: string[];
  /** An explicit as-of, or undefined for the default. */
  asOf: string | undefined;
}

const COLUMNS = {
  deals: { required: ['id', 'owner', 'stage', 'amount', 'created', 'close_date'], optional: ['name', 'account', 'source', 'lost_at_stage', 'lead'] },
  stage_history: { required: ['deal', 'stage', 'entered'], optional: [] },
  activities: { required: ['id', 'date', 'owner', 'type', 'lead'], optional: ['source', 'deal', 'next_step'] },
  quotas: { required: ['owner', 'period', 'amount'], optional: [] },
  customers: { required: ['account', 'churned'], optional: [] },
};

/** §1: headers in any case with spaces around; an unknown column; optional columns left out; values padded. */
function csv(r: Rand, kind: keyof typeof COLUMNS, rows: Row[], keep: (column: string) => boolean = () => true): string {
  const { required, optional } = COLUMNS[kind];
  const columns = r.shuffle([...required, ...optional.filter((c) => keep(c) && r.chance(0.9))]);
  const header = columns.map((c) => r.pick([c, c.toUpperCase(), ` ${c} `, c[0].toUpperCase() + c.slice(1)]));
  const extra = r.chance(0.3);
  // §6: values are trimmed, and an optional value of spaces only is absent.
  const pad = (v: string) => (r.chance(0.03) ? ` ${v}  ` : v);
  const data = rows.map((row) => [...columns.map((c) => pad(row[c] ?? '')), ...(extra ? ['ignored'] : [])]);
  const newline = r.pick(['\n', '\r\n']);
  return Papa.unparse({ fields: [...header, ...(extra ? ['Notes'] : [])], data }, { newline }) + newline;
}

const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;

/** An ISO week, now and then one across two months or years, now and then spelled `2026W44` (README reads both). */
function weekOf(r: Rand, day: string): string {
  const week = isoWeekOf(r.chance(0.15) ? r.pick(['2026-01-01', '2026-12-31']) : r.chance(0.4) ? `${day.slice(0, 7)}-01` : day);
  return r.chance(0.3) ? week.replace('-W', 'W') : week;
}

/** The as-of month, one period of the kind this seed stands for, and the as-of quarter or week. */
function periodsFor(r: Rand, seed: number, day: string): string[] {
  const earlier = addDays(day, -r.int(20, 400));
  const other = [quarterOf(earlier), weekOf(r, addDays(day, -r.int(0, 45))), day.slice(0, 4), earlier.slice(0, 7)][seed % 4];
  return [day.slice(0, 7), other, r.chance(0.5) ? quarterOf(day) : weekOf(r, day)];
}


export function generateCase(seed: number, options: GenerateOptions): GeneratedCase {
  const r = new Rand(seed * 7919 + 17);
  const w = makeWorld(r, seed, options);
  const config = configText(w);
  const deals = makeDeals(w);
  const files: Record<string, string> = {};
  if (config !== null) files['keepscore.config.json'] = config;
  files['deals.csv'] = csv(r, 'deals', deals.map((d) => d.row), (c) => c !== 'lost_at_stage' || w.profile.name !== 'young' || r.chance(0.5));
  // Each optional file is now and then absent, and now and then only its header.
  const some = (rows: () => Row[]) => (r.chance(0.05) ? [] : rows());
  if (r.chance(0.8)) files['stage_history.csv'] = csv(r, 'stage_history', some(() => makeHistory(w, deals)));
  if (r.chance(0.9)) files['activities.csv'] = csv(r, 'activities', some(() => makeActivities(w, deals)));
  if (r.chance(0.85)) files['quotas.csv'] = csv(r, 'quotas', some(() => makeQuotas(w)));
  if (r.chance(0.7)) files['customers.csv'] = csv(r, 'customers', some(() => makeCustomers(w)));
  return { seed, profile: w.profile.name, files, periods: periodsFor(r, seed, w.today), asOf: w.asOf };
}

/** Writes a generated case into a fresh temporary folder and returns its path. */
export function writeCase(kase: GeneratedCase): string {
  const dir = mkdtempSync(join(tmpdir(), `keepscore-ref-${kase.seed}-`));
  for (const [name, text] of Object.entries(kase.files)) writeFileSync(join(dir, name), text);
  return dir;
}
