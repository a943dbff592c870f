/** Last touch and stage entry per deal, as of 2026-10-20 (hand-checked against the rows below). */
import { expect, test } from 'vitest';
import { dayToIso, isoToDay } from '../ingest/values.ts';
import { NO_DAY } from './leads.ts';
import { csv, load } from './spec.test-helpers.ts';
import { dealTouches } from './touches.ts';

const dataset = await load({
  'deals.csv': csv(
    'id,owner,stage,amount,created,close_date',
    'T1,ann,Discovery,100,2026-09-01,2026-10-31', // back to Discovery on 10-05, a call on 10-12
    'T2,ann,Proposal,200,2026-09-01,2026-10-31', // entered Proposal only after as-of
    'T3,ann,Closed Won,300,2026-08-01,2026-09-15', // no history, an email on 09-20
    'T4,ann,Qualify,400,2026-10-25,2026-11-30', // created after as-of
  ),
  'stage_history.csv': csv('deal,stage,entered', 'T1,Discovery,2026-09-10', 'T1,Proposal,2026-09-20', 'T1,Discovery,2026-10-05', 'T2,Discovery,2026-09-15', 'T2,Proposal,2026-10-22'),
  'activities.csv': csv('id,date,owner,type,lead,deal', 'A1,2026-10-12,ann,call,L1,T1', 'A2,2026-09-20,ann,email,L2,T3', 'A3,2026-10-21,ann,call,L3,T2', 'A4,2026-10-01,ann,call,L4,'),
});
const { lastTouch, stageEntered } = dealTouches(dataset, isoToDay('2026-10-20')!);
const iso = (days: Int32Array) => Array.from(days, (d) => (d === NO_DAY ? null : dayToIso(d)));

test('the last touch is the latest of created, stage entries and linked activities on or before as-of', () => {
  expect(iso(lastTouch)).toEqual(['2026-10-12', '2026-09-15', '2026-09-20', '2026-10-25']);
});

test('the stage entry is the latest entry into the current stage on or before as-of, else none', () => {
  expect(iso(stageEntered)).toEqual(['2026-10-05', null, null, null]);
});
