/**
 * HubSpot CRM exports (Deals index page or "All deals" export; Calls,
 * Meetings and Emails exports of the activity index pages).
 *
 * Sources:
 * - Deal properties and their labels: knowledge.hubspot.com/crm-deals/hubspots-default-deal-properties
 *   ("Deal name", "Deal stage", "Amount", "Close date", "Create date", "Deal owner", "Pipeline").
 * - Export headers as written: a public export `hubspot-crm-exports-all-deals-2024-08-27.csv` has
 *   "Record ID","Deal Name","Last Activity Date","State","Deal Stage","Close Date","Deal owner","Amount",…,"Pipeline";
 *   older exports say "Deal ID" and "Associated Company".
 * - Stage history: every stage has a `Date entered "<Stage> (<Pipeline>)"` property; a portal's property list
 *   (github.com/hairsolutionsco/automations_hub hubspot/objects/deals/properties.md) has both quote styles,
 *   `Date entered "Closed Won (Sales Pipeline)"` and `Date entered 'Closed Won (Sales Pipeline)'`, next to
 *   "Date entered current stage" (not a stage). HubSpot's property docs label them
 *   "Date entered 'Appointment Scheduled (Sales Pipeline)'".
 * - Internal stage ids of the default pipeline (API values, and some exports): appointmentscheduled,
 *   qualifiedtobuy, presentationscheduled, decisionmakerboughtin, contractsent, closedwon, closedlost — as in the
 *   property names hs_date_entered_appointmentscheduled … hs_date_entered_closedlost, labelled
 *   "Date entered 'Appointment Scheduled (Sales Pipeline)'" … "Date entered 'Closed Lost (Sales Pipeline)'".
 * - Several currencies: an account with more than one currency has the deal property "Currency"
 *   (internal name deal_currency_code, the currency Amount is in) and "Amount in company currency"
 *   (amount_in_home_currency; knowledge.hubspot.com/crm-deals/hubspots-default-deal-properties).
 * - Activities: knowledge.hubspot.com/properties/hubspots-default-activity-properties — "Activity assigned to"
 *   (owner), "Activity date", call title/direction/outcome, meeting name/outcome/start time, email subject;
 *   meeting outcomes scheduled, completed, rescheduled, no show, canceled (developers.hubspot.com meetings API).
 */
import { LINE_ID, LOST, WON } from '../../schema/sources.ts';
import type { Preset, Shape } from './types.ts';

/** The default pipeline's internal ids and its labels, plus the won/lost labels in both spellings. */
const STAGE_VALUES = {
  appointmentscheduled: 'Appointment Scheduled',
  qualifiedtobuy: 'Qualified To Buy',
  presentationscheduled: 'Presentation Scheduled',
  decisionmakerboughtin: 'Decision Maker Bought-In',
  contractsent: 'Contract Sent',
  closedwon: WON,
  closedlost: LOST,
  'closed won': WON,
  'closed lost': LOST,
};

const deals: Shape = {
  kind: 'deals',
  label: 'HubSpot deals export',
  detect: [['deal stage'], ['deal name'], ['close date', 'create date']],
  columns: {
    id: ['record id', 'deal id'],
    name: ['deal name'],
    account: ['associated company', 'associated company (primary)', 'company name'],
    owner: ['deal owner'],
    source: ['original traffic source', 'original source type', 'original source', 'lead source'],
    stage: { from: ['deal stage'], values: STAGE_VALUES },
    amount: ['amount'],
    created: ['create date'],
    close_date: ['close date'],
    currency: ['currency', 'deal currency code', 'deal_currency_code'],
  },
  defaults: { id: LINE_ID },
  stageDates: true,
};

const ACTIVITY_COLUMNS = {
  id: ['record id', 'activity id'],
  date: ['activity date', 'meeting start time', 'create date'],
  owner: ['activity assigned to', 'hubspot owner', 'activity owner'],
  lead: ['associated contact ids', 'associated contact', 'associated contact id'],
  deal: ['associated deal ids', 'associated deal', 'associated deal id'],
};

/** One shape per activity export; the index pages export one activity type each. */
function activities(label: string, detect: readonly string[], type: string, extra: Partial<Shape> = {}): Shape {
  return {
    kind: 'activities',
    label: `HubSpot ${label} export`,
    detect: [['activity assigned to', 'activity owner'], detect],
    columns: ACTIVITY_COLUMNS,
    defaults: { id: LINE_ID, type: { value: type } },
    ...extra,
  };
}

export const hubspot: Preset = {
  name: 'hubspot',
  title: 'HubSpot',
  shapes: [
    deals,
    activities('calls', ['call title', 'call direction', 'call outcome', 'call notes'], 'call'),
    activities('meetings', ['meeting name', 'meeting outcome', 'meeting start time'], 'meeting', {
      // A meeting that was canceled or not attended did not happen.
      skip: { from: ['meeting outcome'], values: ['canceled', 'cancelled', 'no show'], reason: 'meeting canceled or not attended' },
    }),
    activities('emails', ['email subject', 'email direction', 'email send status'], 'email'),
  ],
};
