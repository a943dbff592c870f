/**
 * Per-lead facts over the whole data set (KPI-SPEC §1, §6): the lead's first
 * activity (its owner and the day it arrived), its first meeting, its source.
 * Ties on a day go to the lower id in plain string order.
 */
import type { Activity } from '../schema/rows.ts';
import { compareCodePoints } from './codePoints.ts';

/** No row: an index sentinel. */
export const NONE = -1;
/** No day: a sentinel below every real day (day numbers before 1970 are negative). */
export const NO_DAY = -2147483648;

export interface LeadFacts {
  /** Lead id of every activity, interned. */
  leadOfActivity: Int32Array;
  count: number;
  firstActivity: Int32Array;
  /** The first `meeting` activity, or NONE. */
  firstMeeting: Int32Array;
  /** Source name of each lead ('unknown' when no activity of it has one). */
  source: string[];
}

/** True when activity a comes before activity b in (date, id) order. */
function before(activities: readonly Activity[], a: number, b: number): boolean {
  const x = activities[a];
  const y = activities[b];
  return x.date < y.date || (x.date === y.date && compareCodePoints(x.id, y.id) < 0);
}

export function leadFacts(activities: readonly Activity[]): LeadFacts {
  const ids = new Map<string, number>();
  const leadOfActivity = new Int32Array(activities.length);
  for (let i = 0; i < activities.length; i++) {
    const key = activities[i].lead;
    let lead = ids.get(key);
    if (lead === undefined) ids.set(key, (lead = ids.size));
    leadOfActivity[i] = lead;
  }
  const count = ids.size;
  const firstActivity = new Int32Array(count).fill(NONE);
  const firstMeeting = new Int32Array(count).fill(NONE);
  const firstWithSource = new Int32Array(count).fill(NONE);
  for (let i = 0; i < activities.length; i++) {
    const lead = leadOfActivity[i];
    if (firstActivity[lead] === NONE || before(activities, i, firstActivity[lead])) firstActivity[lead] = i;
    const activity = activities[i];
    if (activity.type === 'meeting' && (firstMeeting[lead] === NONE || before(activities, i, firstMeeting[lead]))) firstMeeting[lead] = i;
    if (activity.source !== undefined && (firstWithSource[lead] === NONE || before(activities, i, firstWithSource[lead]))) {
      firstWithSource[lead] = i;
    }
  }
  const source = Array.from(firstWithSource, (i, lead) => activities[firstActivity[lead]].source ?? (i === NONE ? 'unknown' : activities[i].source!));
  return { leadOfActivity, count, firstActivity, firstMeeting, source };
}
