/**
 * Salesforce exports: report exports (Opportunities report, Opportunity
 * History report, Tasks and Events report) with field labels as headers, and
 * Data Loader / Data Export files with API names as headers.
 *
 * Sources:
 * - Opportunity report columns: "Opportunity Name", "Account Name", "Opportunity Owner", "Stage", "Amount",
 *   "Close Date", "Created Date", "Lead Source", and "Opportunity ID" when added; a public report export reads
 *   `Territory Region,Opportunity Owner,Account Name,Opportunity Name,Stage,Forecast Category,…,Close Date`
 *   (no id column: ids then come from line numbers). Data Loader files use the API names Id, Name, OwnerId,
 *   StageName, Amount, CloseDate, CreatedDate, LeadSource.
 * - Standard closed stages "Closed Won" / "Closed Lost" (OpportunityStage; help.salesforce.com "Opportunity Stages").
 * - Stage history: the OpportunityHistory object (developer.salesforce.com … sforce_api_objects_opportunityhistory,
 *   field reference labels "Opportunity ID", "Stage Name", "Created Date") and the "Opportunity History" report
 *   type, whose rows carry "From Stage", "To Stage" and "Last Modified" (the date of the change;
 *   simplysfdc.com/2013/07/salesforce-opportunity-history-stage.html).
 * - Activities: Task and Event objects (object reference; cdn.cdata.com/help/RFM/py/pg_table-task.htm):
 *   WhoId = lead or contact, WhatId, Subject, ActivityDate / ActivityDateTime / StartDateTime, OwnerId, Type,
 *   TaskSubtype (Task, Email, ListEmail, Cadence, Call, LinkedIn), EventSubtype (Event). Report exports use
 *   the labels ("Assigned", "Subject", "Date", …); both spellings are known.
 * - Several currencies: with multi-currency on, Opportunity has CurrencyIsoCode (label "Opportunity Currency",
 *   developer.salesforce.com field reference); a report export adds an "Amount Currency" column before
 *   "Amount" (help.salesforce.com article 000382314, "Exported Reports Display Unexpected Currency Totals").
 * - Weekly Data Export / Data Loader files: one CSV per object with API names as headers (Data Loader writes
 *   them upper-case, and relationship fields as OWNER.NAME, ACCOUNT.NAME), datetimes as 2023-05-16T14:03:22.000Z,
 *   an IsDeleted column, and the empty id 000000000000000AAA (15 zeros plus its checksum, 000000000000000 in
 *   15-character form) in relation columns that point nowhere (WhoId, WhatId, AccountId…).
 * - Quotas: the ForecastingQuota object (object reference): QuotaOwnerId, StartDate (the period's first day),
 *   QuotaAmount, PeriodId, CurrencyIsoCode.
 */
import { LINE_ID, LOST, WON } from '../../schema/sources.ts';
import type { ColumnRule, Preset, Shape } from './types.ts';

/** A relation column: Salesforce writes its empty id where the relation points nowhere. */
function relation(...from: string[]): ColumnRule {
  return { from, values: { '000000000000000aaa': '', '000000000000000': '' } };
}

/** Data Export files keep deleted records, flagged. */
const DELETED = { from: ['isdeleted'], values: ['true', '1'], reason: 'deleted in Salesforce (IsDeleted)' };

const deals: Shape = {
  kind: 'deals',
  label: 'Salesforce opportunities export',
  detect: [['opportunity owner', 'ownerid', 'owner id'], ['stage', 'stagename'], ['close date', 'closedate']],
  columns: {
    id: ['opportunity id', 'id'],
    name: ['opportunity name', 'name'],
    account: relation('account name', 'account', 'account.name', 'accountid', 'account id'),
    owner: ['opportunity owner', 'owner name', 'owner.name', 'ownerid', 'owner id'],
    source: ['lead source', 'leadsource'],
    stage: { from: ['stage', 'stagename'], values: { 'closed won': WON, 'closed lost': LOST } },
    amount: ['amount'],
    created: ['created date', 'createddate'],
    close_date: ['close date', 'closedate'],
    currency: ['currencyisocode', 'opportunity currency', 'amount currency', 'currency iso code', 'currency'],
  },
  defaults: { id: LINE_ID },
  skip: DELETED,
};

const history: Shape = {
  kind: 'stage_history',
  label: 'Salesforce opportunity history export',
  detect: [['opportunity id', 'opportunityid'], ['to stage', 'stage name', 'stagename']],
  columns: {
    deal: ['opportunity id', 'opportunityid'],
    stage: { from: ['to stage', 'stage name', 'stagename'], values: { 'closed won': WON, 'closed lost': LOST } },
    entered: ['last modified', 'edit date', 'created date', 'createddate', 'last modified date'],
  },
  skip: DELETED,
};

/** Task/Event subtypes and types onto activity types; a custom type ("Demo") is `other`. */
const ACTIVITY_TYPES = {
  call: 'call', email: 'email', listemail: 'email', 'list email': 'email', meeting: 'meeting',
  event: 'meeting', linkedin: 'social', '*': 'other',
};

const activities: Shape = {
  kind: 'activities',
  label: 'Salesforce activities export',
  detect: [['assigned', 'assigned to', 'ownerid', 'owner id'], ['subject'], ['date', 'activitydate', 'activity date', 'due date', 'startdatetime', 'activitydatetime']],
  columns: {
    id: ['activity id', 'task id', 'event id', 'id'],
    date: ['date', 'activitydate', 'activity date', 'due date', 'startdatetime', 'activitydatetime', 'start'],
    owner: ['assigned', 'assigned to', 'owner.name', 'ownerid', 'owner id'],
    type: { from: ['task subtype', 'tasksubtype', 'event subtype', 'eventsubtype', 'type', 'activity type', 'task/event'], values: ACTIVITY_TYPES },
    lead: relation('whoid', 'who id', 'lead id', 'contact id', 'lead', 'contact', 'name'),
    // WhatId may point at an account too: such a link is dropped (and counted) for want of a deal with that id.
    deal: relation('opportunity id', 'whatid', 'what id'),
  },
  // An activity with no type at all is most likely a plain task.
  defaults: { id: LINE_ID, type: { value: 'other' } },
  skip: DELETED,
};

const quotas: Shape = {
  kind: 'quotas',
  label: 'Salesforce forecasting quotas export',
  detect: [['quota owner', 'quotaownerid', 'quotaowner.name'], ['start date', 'startdate'], ['quota amount', 'quotaamount']],
  columns: {
    owner: ['quota owner', 'quotaowner.name', 'quotaownerid'],
    period: ['startdate', 'start date'],
    amount: ['quotaamount', 'quota amount'],
  },
};

export const salesforce: Preset = { name: 'salesforce', title: 'Salesforce', shapes: [deals, history, activities, quotas] };
