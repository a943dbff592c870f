/**
 * Pipedrive exports (list view "Export filter results" or Tools > Export
 * data), whose headers read `<Entity> - <Field>`.
 *
 * Sources:
 * - Pipedrive's "READ ME All default Pipedrive fields" sample import sheet
 *   (kb-cms.pipedriveassets.com, linked from support.pipedrive.com/en/article/importing-sample-import-spreadsheets):
 *   `Deal - Title`, `Deal - Value`, `Deal - Owner`, `Deal - Stage (pipeline)`, `Deal - Expected close date`,
 *   `Deal - Creation date`, `Deal - Closed on`, `Deal - Lost time`, `Deal - Won time`, `Deal - Status`,
 *   `Deal - Pipedrive System ID`; activities `Activity - Subject`, `Activity - Due date`,
 *   `Activity - Assigned to user`, `Activity - Type`, `Activity - Done` (Done / Undone), link columns `Deal`,
 *   `Contact person`, `Organization`.
 * - Real export headers seen in public code: `Deal - Title`, `Deal - Value`, `Deal - Organization`,
 *   `Deal - Contact person`, `Deal - Expected close date`, `Deal - Owner`, `Deal - Lost time`, `Deal - Status`,
 *   `Deal - Deal created`, `Deal - Stage`, `Deal - Won time`, `Deal - ID`.
 * - The deal's currency: `Deal - Currency of Value` (code in public import code reading real exports; some
 *   exports say `Deal - Currency`), e.g. EUR — the currency `Deal - Value` is in.
 * - `Deal - Status` is the word open / won / lost; the stage column keeps the last open stage, so a lost
 *   deal's stage is where it was lost. Default activity types: Call, Meeting, Task, Deadline, Email, Lunch.
 */
import { LINE_ID, LOST, WON } from '../../schema/sources.ts';
import type { Preset, Shape } from './types.ts';

const deals: Shape = {
  kind: 'deals',
  label: 'Pipedrive deals export',
  detect: [['deal - title'], ['deal - stage', 'deal - stage (pipeline)', 'deal - status']],
  columns: {
    id: ['deal - id', 'deal - pipedrive system id'],
    name: ['deal - title'],
    account: ['deal - organization', 'organization', 'organization - name'],
    owner: ['deal - owner'],
    source: ['deal - source channel', 'deal - lead source', 'deal - source'],
    // Won and lost come from the status; an open deal keeps its stage.
    stage: {
      from: ['deal - status', 'deal - stage', 'deal - stage (pipeline)'],
      values: { won: WON, lost: LOST, open: '', deleted: '' },
    },
    amount: ['deal - value'],
    created: ['deal - deal created', 'deal - creation date', 'deal - add time'],
    // Won time for won deals, lost time for lost ones, else the expected close date.
    close_date: ['deal - won time', 'deal - lost time', 'deal - closed on', 'deal - close time', 'deal - expected close date'],
    lost_at_stage: ['deal - stage', 'deal - stage (pipeline)'],
    currency: ['deal - currency of value', 'deal - currency'],
  },
  defaults: { id: LINE_ID },
};

const activities: Shape = {
  kind: 'activities',
  label: 'Pipedrive activities export',
  detect: [['activity - subject', 'activity - type'], ['activity - due date', 'activity - assigned to user']],
  columns: {
    id: ['activity - id', 'activity - pipedrive system id'],
    date: ['activity - due date', 'activity - marked as done time', 'activity - add time'],
    owner: ['activity - assigned to user', 'activity - owner', 'activity - user'],
    type: {
      from: ['activity - type'],
      values: { call: 'call', meeting: 'meeting', lunch: 'meeting', email: 'email', task: 'other', deadline: 'other', '*': 'other' },
    },
    lead: ['activity - contact person', 'contact person', 'activity - person', 'person - name', 'activity - organization', 'organization'],
  },
  defaults: { id: LINE_ID },
  // Planned activities have not happened yet.
  skip: { from: ['activity - done'], values: ['undone', 'to do', 'not done'], reason: 'activity not done yet' },
};

export const pipedrive: Preset = { name: 'pipedrive', title: 'Pipedrive', shapes: [deals, activities] };
