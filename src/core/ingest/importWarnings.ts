/**
 * What an import leaves a manager should know before reading the numbers:
 * where the default as-of date comes from (KPI-SPEC §6: the latest date of
 * anything that happened), closed deals dated after the export (a won deal
 * "closing" next month pushes that date into the future), and deals kept
 * without an amount. Data only: the site words them
 * (src/site/present/importWarningLines.ts) for the /data/ page and `validate`.
 */
import { textAt } from './columns.ts';
import type { Dataset } from './dataset.ts';
import { NO_AMOUNT } from './mapping.ts';
import { isoToDay, type Day } from './values.ts';

/** The record the default as-of date comes from. */
export interface AsOfOrigin {
  day: Day;
  what: 'closed' | 'created' | 'activity' | 'stage' | 'churn';
  /** The deal, activity or account. */
  id: string;
}

/** The latest date of anything that happened, with its record: the same columns as the engine's default as-of (kpi/facts.ts). */
export function asOfOrigin(dataset: Dataset): AsOfOrigin | null {
  let best: AsOfOrigin | null = null;
  const see = (day: Day, what: AsOfOrigin['what'], id: string) => {
    if (best === null || day > best.day) best = { day, what, id };
  };
  const { wonStage, lostStage } = dataset.config;
  for (const d of dataset.deals) {
    if (d.stage === wonStage || d.stage === lostStage) see(d.close_date, 'closed', d.id);
    see(d.created, 'created', d.id);
  }
  const { activities, stageHistory } = dataset;
  const latest = (days: Int32Array) => days.reduce((at, day, row) => (at < 0 || day > days[at] ? row : at), -1);
  const activity = latest(activities.date);
  if (activity >= 0) see(activities.date[activity], 'activity', textAt(activities.id, activity));
  const entry = latest(stageHistory.entered);
  if (entry >= 0) see(stageHistory.entered[entry], 'stage', dataset.deals[stageHistory.deal[entry]].id);
  for (const c of dataset.customers ?? []) see(c.churned, 'churn', c.account);
  return best;
}

/** An export date written in a file name (`hubspot-crm-exports-all-deals-2023-05-16.csv`), or null. */
export function exportDateInName(name: string): Day | null {
  const match = /(?:^|\D)(\d{4}-\d{2}-\d{2})(?:\D|$)/.exec(name);
  return match ? isoToDay(match[1]) : null;
}

export interface ClosedAfterExport {
  /** What the close dates are checked against: the deals file's export date (in its name), else the latest activity. */
  reference: { day: Day; file: string | null };
  /** The closed deals dated after it, latest first. */
  deals: { id: string; day: Day }[];
}

/** Closed deals whose close date is after the export; null when there are none, or nothing to check against. */
export function closedAfterExport(dataset: Dataset): ClosedAfterExport | null {
  const named = dataset.files
    .filter((f) => f.kind === 'deals' && f.present)
    .map((f) => ({ file: f.file, day: exportDateInName(f.file) }))
    .filter((f): f is { file: string; day: Day } => f.day !== null)
    .sort((a, b) => b.day - a.day)[0];
  let reference: ClosedAfterExport['reference'] | null = named ?? null;
  if (reference === null && dataset.activities.length > 0) {
    reference = { day: dataset.activities.date.reduce((max, day) => Math.max(max, day), -Infinity), file: null };
  }
  if (reference === null) return null;
  const { wonStage, lostStage } = dataset.config;
  const deals = dataset.deals
    .filter((d) => (d.stage === wonStage || d.stage === lostStage) && d.close_date > reference.day)
    .map((d) => ({ id: d.id, day: d.close_date }))
    .sort((a, b) => b.day - a.day || (a.id < b.id ? -1 : 1));
  return deals.length === 0 ? null : { reference, deals };
}

/** Deals kept without an amount (counted with 0), over every imported file. */
export function dealsWithoutAmount(dataset: Dataset): number {
  let n = 0;
  for (const report of dataset.imports) for (const c of report.changed) if (c.reason === NO_AMOUNT) n += c.count;
  return n;
}
