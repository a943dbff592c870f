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
 */
import { LINE_ID, LOST, WON } from '../../schema/sources.ts';
import type { Preset, Shape } from './types.ts';

const deals: Shape = {
  kind: 'deals',
  label: 'Salesforce opportunities export',
  detect: [['opportunity owner', 'ownerid', 'owner id'], ['stage', 'stagename'], ['close date', 'closedate']],
  columns: {
    id: ['opportunity id', 'id'],
    name: ['opportunity name', 'name'],
    account: ['account name', 'account'],
    owner: ['opportunity owner', 'owner name', 'ownerid', 'owner id'],
    source: ['lead source', 'leadsource'],
    stage: { from: ['stage', 'stagename'], values: { 'closed won': WON, 'closed lost': LOST } },
    amount: ['amount'],
    created: ['created date', 'createddate'],
    close_date: ['close date', 'closedate'],
  },
  defaults: { id: LINE_ID },
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
    owner: ['assigned', 'assigned to', 'ownerid', 'owner id'],
    type: { from: ['task subtype', 'tasksubtype', 'event subtype', 'eventsubtype', 'type', 'activity type', 'task/event'], values: ACTIVITY_TYPES },
    lead: ['whoid', 'who id', 'lead id', 'contact id', 'lead', 'contact', 'name'],
    deal: ['opportunity id'],
  },
  // An activity with no type at all is most likely a plain task.
  defaults: { id: LINE_ID, type: { value: 'other' } },
};

export const salesforce: Preset = { name: 'salesforce', title: 'Salesforce', shapes: [deals, history, activities] };
