/**
 * Shared helpers for the spec tests (KPI-SPEC.md). Not a test file itself.
 * Every data set is tiny and every expected number is computed by hand in the
 * test that uses it.
 */
import { expect } from 'vitest';
import { readDataset, type Dataset } from '../ingest/dataset.ts';
import { textSource } from '../ingest/textSource.ts';
import type { KpiReport } from '../schema/kpiReport.ts';
import { kpiReport } from './report.ts';

/** Lines -> CSV text (one line each, trailing newline). */
export const csv = (...lines: string[]): string => lines.join('\n') + '\n';

/** Three reps in two teams: East = ann + bob, West = cid. */
export const TEAMS_CONFIG = JSON.stringify({ teams: { ann: 'East', bob: 'East', cid: 'West' } });

/** A deals.csv with only its header: deals.csv is required, but some tests need no deals. */
export const NO_DEALS = csv('id,owner,stage,amount,created,close_date');

/** Loads in-memory files and insists that they are valid. */
export async function load(files: Record<string, string>): Promise<Dataset> {
  const { dataset, problems } = await readDataset(textSource(files));
  expect(problems.kept).toEqual([]);
  expect(problems.total).toBe(0);
  return dataset;
}

/** Loads and reports one period. */
export async function report(files: Record<string, string>, period: string, asOf?: string): Promise<KpiReport> {
  return kpiReport(await load(files), period, asOf);
}

/** A byChannel entry. */
export const ch = (touches: number, leads: number, met: number, rate: number | null) => ({ touches, leads, met, rate });
/** A bySource entry. */
export const src = (leads: number, met: number, rate: number | null) => ({ leads, met, rate });
/** The four outreach channels, all unused. */
export const NO_CHANNELS = { call: ch(0, 0, 0, null), email: ch(0, 0, 0, null), event: ch(0, 0, 0, null), social: ch(0, 0, 0, null) };

/** Drops zero entries (the spec lets bySource/openByStage/forward/backward omit them). */
export function nonZero<T>(map: Record<string, T>, isZero: (v: T) => boolean): Record<string, T> {
  return Object.fromEntries(Object.entries(map).filter(([, v]) => !isZero(v)));
}
export const sourcesOf = (m: Record<string, { leads: number }>) => nonZero(m, (v) => v.leads === 0);
export const movesOf = (m: Record<string, number>) => nonZero(m, (v) => v === 0);
