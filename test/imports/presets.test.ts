/**
 * Header fixtures of every preset (test/fixtures/presets/*: the vendors'
 * documented export headers, a few rows each) load into the canonical model.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../src/core/ingest/dataset.ts';
import { loadDataset } from '../../src/node/loadDataset.ts';
import { formatProblem } from '../../src/core/ingest/problems.ts';
import { dayToIso } from '../../src/core/ingest/values.ts';
import { activityRows, historyRows } from '../../src/core/ingest/tables.test-helpers.ts';

const FIXTURES = join(resolve(import.meta.dirname, '../..'), 'test/fixtures/presets');

async function load(name: string): Promise<LoadResult> {
  const result = await loadDataset(join(FIXTURES, name));
  expect(result.problems.kept.map(formatProblem)).toEqual([]);
  return result;
}

const iso = (day: number) => dayToIso(day);
const dealsOf = ({ dataset }: LoadResult) =>
  dataset.deals.map((d) => [d.id, d.owner, d.stage, d.amount, iso(d.created), iso(d.close_date), d.account ?? null, d.lost_at_stage ?? null]);

describe('preset fixtures load into the canonical model', () => {
  it('HubSpot: a deals export dropped in as deals.csv, its stage history, calls and meetings', async () => {
    const result = await load('hubspot');
    expect(dealsOf(result)).toEqual([
      ['1001', 'Ann Lee', 'Closed Won', 5000, '2026-09-01', '2026-10-20', 'Acme Corp', null],
      ['1002', 'Bob Stone', 'Closed Lost', 2000, '2026-09-05', '2026-10-15', 'Globex', null],
      ['1003', 'Ann Lee', 'Presentation Scheduled', 8000, '2026-10-02', '2026-11-30', 'Initech', null],
    ]);
    expect(result.dataset.deals[0].source).toBe('Organic Search');
    expect(activityRows(result.dataset).map((a) => [a.id, a.type, a.owner, a.lead, iso(a.date), a.deal ?? null])).toEqual([
      ['5001', 'call', 'Ann Lee', '701', '2026-09-01', '1001'],
      ['5002', 'call', 'Ann Lee', '701', '2026-09-03', null],
      ['5003', 'call', 'Bob Stone', '702', '2026-09-04', null],
      ['6001', 'meeting', 'Ann Lee', '701', '2026-09-08', null],
    ]);
    const [deals, calls, meetings] = result.imports;
    expect([deals.preset, deals.detected, deals.skipped.map((s) => [s.reason, s.lines])]).toEqual(['hubspot', true, [['no value for close_date', [5]]]]);
    expect(calls.changed.map((c) => [c.reason, c.lines])).toEqual([['deal link dropped: no deal with that id', [4]]]);
    expect(meetings.skipped.map((s) => [s.reason, s.count])).toEqual([['meeting canceled or not attended', 2]]);
  });

  it('Salesforce: an opportunities report, an Opportunity History report and an activities report', async () => {
    const result = await load('salesforce');
    expect(dealsOf(result)).toEqual([
      ['0065g00000AbCdE', 'Carla Diaz', 'Closed Won', 125000, '2026-08-02', '2026-10-14', 'United Oil & Gas Corp.', null],
      ['0065g00000AbCdF', 'Carla Diaz', 'Closed Lost', 75000, '2026-08-15', '2026-10-20', 'Edge Communications', null],
      ['0065g00000AbCdG', 'Dan Ruiz', 'Needs Analysis', 235000, '2026-09-30', '2026-12-01', 'Burlington Textiles Corp of America', null],
    ]);
    expect(historyRows(result.dataset).map((h) => [h.deal.slice(-1), h.stage, iso(h.entered)])).toEqual([
      ['E', 'Prospecting', '2026-08-02'],
      ['E', 'Qualification', '2026-08-20'],
      ['E', 'Closed Won', '2026-10-14'],
      ['F', 'Prospecting', '2026-08-15'],
      ['F', 'Closed Lost', '2026-10-20'],
    ]);
    // Task subtype first, then type; a custom type ("Demo") is `other`; LinkedIn is social.
    expect(activityRows(result.dataset).map((a) => [a.type, a.lead])).toEqual([
      ['call', 'Pat Stumuller'], ['email', 'Pat Stumuller'], ['meeting', 'Pat Stumuller'], ['other', 'Jack Rogers'], ['social', 'Jack Rogers'],
    ]);
    expect(result.imports.find((r) => r.kind === 'stage_history')!.skipped).toEqual([{ reason: 'no value for stage', count: 1, lines: [6] }]);
  });

  it('Pipedrive: won and lost from Deal - Status, the close date from won/lost time, planned activities left out', async () => {
    const result = await load('pipedrive');
    expect(dealsOf(result)).toEqual([
      ['11', 'Eva Kask', 'Won', 1500, '2026-08-01', '2026-09-12', 'Moveer Ltd', 'Negotiations Started'],
      ['12', 'Eva Kask', 'Lost', 900, '2026-08-03', '2026-09-02', 'Pied Piper', 'Demo Scheduled'],
      ['13', 'Mart Tamm', 'Proposal Made', 2500, '2026-08-20', '2026-10-31', 'Hooli', 'Proposal Made'],
    ]);
    expect(activityRows(result.dataset).map((a) => [a.id, a.type, a.lead])).toEqual([
      ['101', 'call', 'Ann Hale'], ['102', 'meeting', 'Ann Hale'], ['103', 'email', 'Gavin B'], ['104', 'meeting', 'Gavin B'], ['106', 'other', 'Pied Piper'],
    ]);
    expect(result.imports.map((r) => [r.file, r.preset, r.detected])).toEqual([['deals.csv', 'pipedrive', true], ['activities.csv', 'pipedrive', true]]);
  });

  it('Zoho: a renamed Deals module export and a calls export', async () => {
    const result = await load('zoho');
    expect(dealsOf(result)).toEqual([
      ['zcrm_4876876000000350001', 'Lazar Mathew', 'Closed Won', 22700, '2021-03-01', '2021-04-15', 'Benton', null],
      ['zcrm_4876876000000350002', 'Lazar Mathew', 'Closed Lost', 9300, '2021-03-02', '2021-04-20', 'Chanay', null],
      ['zcrm_4876876000000350003', 'Tina Thomas', 'Needs Analysis', 58100, '2021-03-10', '2021-05-30', 'Chemel', null],
    ]);
    expect(activityRows(result.dataset).map((a) => [a.id, a.type, a.owner, a.lead, iso(a.date)])).toEqual([
      ['zcrm_1001', 'call', 'Lazar Mathew', 'Kris Marrier', '2021-03-02'],
      ['zcrm_1002', 'call', 'Tina Thomas', 'Leota Dilliard', '2021-03-05'],
    ]);
  });
});
