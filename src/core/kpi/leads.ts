/**
 * Per-lead facts over the whole data set (KPI-SPEC §1, §6): the lead's first
 * activity (its owner and the day it arrived), its first meeting, its source.
 * Ties on a day go to the lower id in plain string order. Leads are the
 * activities table's interned lead ids: numbered in order of first sight.
 */
import { NONE } from '../ingest/columns.ts';
import type { ActivityTable } from '../ingest/tables.ts';
import { compareTextsAt } from './codePoints.ts';

export { NONE };
/** No day: a sentinel below every real day (day numbers before 1970 are negative). */
export const NO_DAY = -2147483648;

export interface LeadFacts {
  /** Lead number of every activity. */
  leadOfActivity: Int32Array;
  count: number;
  firstActivity: Int32Array;
  /** The first `meeting` activity, or NONE. */
  firstMeeting: Int32Array;
  /** Source name of each lead ('unknown' when no activity of it has one). */
  source: string[];
}

export function leadFacts(activities: ActivityTable): LeadFacts {
  const { date, id, type, source } = activities;
  const leadOfActivity = activities.lead.codes;
  const count = activities.lead.names.length;
  const meeting = type.names.indexOf('meeting');
  /** True when activity a comes before activity b in (date, id) order. */
  const before = (a: number, b: number) => date[a] < date[b] || (date[a] === date[b] && compareTextsAt(id, a, b) < 0);
  const firstActivity = new Int32Array(count).fill(NONE);
  const firstMeeting = new Int32Array(count).fill(NONE);
  const firstWithSource = new Int32Array(count).fill(NONE);
  for (let i = 0; i < activities.length; i++) {
    const lead = leadOfActivity[i];
    if (firstActivity[lead] === NONE || before(i, firstActivity[lead])) firstActivity[lead] = i;
    if (type.codes[i] === meeting && (firstMeeting[lead] === NONE || before(i, firstMeeting[lead]))) firstMeeting[lead] = i;
    if (source.codes[i] !== NONE && (firstWithSource[lead] === NONE || before(i, firstWithSource[lead]))) firstWithSource[lead] = i;
  }
  const sourceOf = (i: number) => source.names[source.codes[i]];
  const sources = Array.from(firstWithSource, (i, lead) => (source.codes[firstActivity[lead]] !== NONE ? sourceOf(firstActivity[lead]) : i === NONE ? 'unknown' : sourceOf(i)));
  return { leadOfActivity, count, firstActivity, firstMeeting, source: sources };
}
