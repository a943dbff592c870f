/** A data set's tables as row objects, for the tests that read them row by row. */
import type { Activity, StageEntry } from '../schema/rows.ts';
import { NONE, textAt } from './columns.ts';
import type { Dataset } from './dataset.ts';
import { ACTIVITY_COLUMNS, stageEntries, tableOf, type ActivityTable, type Column } from './tables.ts';

/** An activity as its file had it, its deal by id; only whether it had a next step is kept. */
export type ActivityRow = Omit<Activity, 'next_step'> & { hasNextStep: boolean };

export function activityRows({ activities: a, deals }: Pick<Dataset, 'activities' | 'deals'>): ActivityRow[] {
  const name = (column: ActivityTable['owner'], row: number) => (column.codes[row] === NONE ? undefined : column.names[column.codes[row]]);
  return Array.from({ length: a.length }, (_, row) => ({
    id: textAt(a.id, row), date: a.date[row], owner: name(a.owner, row)!, type: name(a.type, row) as Activity['type'], lead: name(a.lead, row)!,
    source: name(a.source, row), deal: a.deal[row] === NONE ? undefined : deals[a.deal[row]].id, hasNextStep: a.next_step[row] === 1,
  }));
}

export function historyRows({ stageHistory, deals }: Pick<Dataset, 'stageHistory' | 'deals'>): StageEntry[] {
  return [...stageEntries(stageHistory, deals)];
}

/** The data set's activities less those `drop` picks. */
export function activitiesWithout(dataset: Pick<Dataset, 'activities' | 'deals'>, drop: (activity: ActivityRow) => boolean): ActivityTable {
  const keep = Uint8Array.from(activityRows(dataset), (row) => (drop(row) ? 0 : 1));
  return tableOf(ACTIVITY_COLUMNS, dataset.activities as unknown as Record<string, Column>, dataset.activities.length, keep);
}
