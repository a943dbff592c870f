/**
 * Zoho CRM exports: module exports and the data backup's CSVs, whose link
 * columns are upper-case ids (LEADID, CONTACTID, POTENTIALID, TASKID, EVENTID).
 * "Potentials" were renamed "Deals" in later Zoho versions; both are known.
 *
 * Sources:
 * - The public demo export in rahulanilnair/Analysis-of-ZOHO-CRM-Analytics-using-SQL (copied unchanged into
 *   test/fixtures/zoho-crm-demo): Potentials.csv `Potential Name,Potential Owner,Created Time,Closing Date,Amount,
 *   Expected Revenue,Stage,Forecast Type,Type,Lead Source,Probability,…,LEADID,…` with dates like
 *   `15 Apr, 2021 00:02:00` and amounts like `$22,700.00`, and no id column; Calls.csv `TASKID,Call Start Time,
 *   Call Duration (in seconds),Call Owner,…,Subject,Call Type,Call Purpose,…,CONTACTID,ACCOUNTID,POTENTIALID,LEADID,…`
 *   (POTENTIALID 0 = none); Events.csv `EVENTID,Event Owner,…,Subject,Start DateTime,End DateTime,…,CONTACTID,
 *   ACCOUNTID,POTENTIALID,LEADID,Who Id Id,…`.
 * - Zoho's default deal stages (aaxonix.com/resources/glossary/deal-stage, a Zoho partner's glossary):
 *   Qualification, Needs Analysis, Value Proposition, Identify Decision Makers, Perception Analysis,
 *   Proposal/Price Quote, Negotiation/Review, Closed Won, Closed Lost (older editions also have
 *   "Closed-Lost to Competition"). Renamed "Deals" modules read "Deal Name", "Deal Owner"; module exports
 *   carry a "Record Id" column when it is chosen.
 * - Multiple currencies (zoho.com/crm/help/administration/implement-multiple-currencies.html): each record has a
 *   record currency, the field "Currency", beside "Exchange Rate"; its amounts are in that currency.
 */
import { LINE_ID, LOST, WON } from '../../schema/sources.ts';
import type { Preset, Shape } from './types.ts';

const deals: Shape = {
  kind: 'deals',
  label: 'Zoho potentials (deals) export',
  detect: [['potential owner', 'deal owner'], ['closing date'], ['stage']],
  columns: {
    id: ['record id', 'potentialid', 'potential id', 'deal id'],
    name: ['potential name', 'deal name'],
    account: ['account name'],
    owner: ['potential owner', 'deal owner'],
    source: ['lead source'],
    stage: {
      from: ['stage'],
      values: { 'closed won': WON, 'closed lost': LOST, 'closed-lost to competition': LOST, 'closed lost to competition': LOST },
    },
    amount: ['amount'],
    created: ['created time'],
    close_date: ['closing date'],
    lead: ['leadid', 'lead id'],
    currency: ['currency', 'record currency'],
  },
  // The demo export has no id column: a deal is known by its line.
  defaults: { id: LINE_ID },
};

/** Who an activity concerns: the lead, else the contact (the backup's "Who Id Id" is whichever is set). */
const WHO = ['leadid', 'contactid', 'who id id', 'who id', 'contact name', 'lead name'];
/** POTENTIALID 0 means "no deal". */
const DEAL = { from: ['potentialid', 'potential id', 'deal id'], values: { '0': '' } };

const calls: Shape = {
  kind: 'activities',
  label: 'Zoho calls export',
  detect: [['call owner'], ['call start time']],
  columns: { id: ['taskid', 'record id', 'call id'], date: ['call start time'], owner: ['call owner'], lead: WHO, deal: DEAL },
  defaults: { id: LINE_ID, type: { value: 'call' } },
};

const events: Shape = {
  kind: 'activities',
  label: 'Zoho events (meetings) export',
  detect: [['event owner', 'host'], ['start datetime', 'from']],
  columns: { id: ['eventid', 'record id', 'event id'], date: ['start datetime', 'from'], owner: ['event owner', 'host'], lead: WHO, deal: DEAL },
  defaults: { id: LINE_ID, type: { value: 'meeting' } },
};

export const zoho: Preset = { name: 'zoho', title: 'Zoho CRM', shapes: [deals, calls, events] };
