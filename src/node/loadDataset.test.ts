/**
 * The loader reads a big folder's activities on a worker thread (issue 14):
 * the result, problems and import reports included, is the one a read in
 * one thread gives, and the one the core gives for the same files as uploads.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../core/ingest/dataset.ts';
import { formatProblem } from '../core/ingest/problems.ts';
import { textSource } from '../core/ingest/textSource.ts';
import { loadDataset } from './loadDataset.ts';

const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures');
const temp = mkdtempSync(join(tmpdir(), 'keepscore-load-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(temp, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** Activities and stage history that break every rule, links to missing deals among the rest. */
const BROKEN = {
  'deals.csv': 'id,owner,stage,amount,created,close_date\nD1,Ann,Qualify,100,2026-09-01,2026-12-01\nD2,Bob,Closed Won,200,2026-09-02,2026-10-01\n',
  'activities.csv': [
    'id,date,owner,type,lead,source,deal,next_step',
    'A1,2026-09-03,Ann,call,L1,web,D1,',
    'A2,2026-09-04,Ann,call,L1,web,D9,',
    'A3,2026-13-01,Ann,call,L2,web,D1,',
    'A1,2026-09-05,Bob,email,L3,,D2,',
    'A5,2026-09-06,,meeting,L3,,D8,tomorrow',
    'A6,2026-09-07,Bob,meeting,L3,,D2,"call back',
    'on Monday"',
    'A7,2026-09-08,Bob,dance,L4,,D7,',
    'A8,2026-09-09,Bob,call,L4,,D6,',
  ].join('\n'),
  'stage_history.csv': 'deal,stage,entered\nD1,Qualify,2026-09-01\nD3,Qualify,2026-09-02\nD2,Won,2026-09-03\nD4,Qualify,2026-09-04\n',
};

/** The files of a folder as bytes, read by the core as an upload would be (no folder listing). */
function asUploads(dir: string) {
  return textSource(Object.fromEntries(readdirSync(dir).map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))])));
}

/** The folder on two threads, which must equal what one thread and the core (as uploads) read. */
async function readEveryWay(dir: string) {
  const two = await loadDataset(dir, { threads: 2 });
  expect(await loadDataset(dir, { threads: 1 })).toEqual(two);
  expect(await readDataset(asUploads(dir))).toEqual(two);
  return two;
}

describe('loadDataset on two threads', () => {
  it('gives every problem in file order, links to missing deals among the rest', async () => {
    const dir = folder('broken', BROKEN);
    const two = await readEveryWay(dir);
    expect(two.problems.kept.map(formatProblem)).toEqual([
      'stage_history.csv:3 deal "D3": refers to a missing deal',
      'stage_history.csv:4 stage "Won": unknown stage; expected one of: Qualify, Discovery, Proposal, Negotiation, Closed Won, Closed Lost',
      'stage_history.csv:5 deal "D4": refers to a missing deal',
      'activities.csv:3 deal "D9": refers to a missing deal',
      'activities.csv:4 date "2026-13-01": not a valid date (e.g. 2026-10-31, 31.10.2026, 10/31/2026)',
      'activities.csv:5 id "A1": duplicate id; first seen on line 2',
      'activities.csv:6 owner (empty): required',
      'activities.csv:9 type "dance": unknown activity type; expected one of: call, email, meeting, event, social, other',
      'activities.csv:10 deal "D6": refers to a missing deal',
    ]);
    expect([...two.problems.countByRule]).toEqual([
      ['refers to a missing deal', 4], ['unknown stage', 1], ['not a valid date (e.g. 2026-10-31, 31.10.2026, 10/31/2026)', 1],
      ['duplicate id', 1], ['required', 1], ['unknown activity type', 1],
    ]);
  });

  it('folds references to a rejected deal under deals.csv, the worker\'s as the main thread\'s', async () => {
    const dir = folder('knock-ons', {
      'deals.csv': `${BROKEN['deals.csv']}D3,Cy,Qualify,lots,2026-09-03,2026-12-01\n`,
      'activities.csv': 'id,date,owner,type,lead,deal\nA1,2026-09-03,Ann,call,L1,D3\nA2,2026-09-04,Ann,call,L1,D9\nA3,2026-09-05,Ann,call,L2,D3\n',
      'stage_history.csv': 'deal,stage,entered\nD3,Qualify,2026-09-03\n',
    });
    const two = await readEveryWay(dir);
    expect(two.problems.kept.map(formatProblem)).toEqual([
      'deals.csv:4 amount "lots": not a non-negative amount (e.g. 22700, 22,700.00, 1 234,56)',
      'activities.csv:3 deal "D9": refers to a missing deal',
    ]);
    expect(two.problems.knockOns).toEqual([{
      cause: 'deals.csv',
      total: 3,
      groups: [
        { file: 'activities.csv', rule: 'refers to a missing deal', count: 2, lines: [2, 4] },
        { file: 'stage_history.csv', rule: 'refers to a missing deal', count: 1, lines: [2] },
      ],
    }]);
    expect([two.problems.total, two.problems.knockOnTotal]).toEqual([5, 3]);
  });

  it('reads several activity files, one a mapped export, as one thread does: repeats across files, dropped links, a missing file', async () => {
    const dir = folder('sources', {
      'keepscore.config.json': JSON.stringify({
        sources: {
          activities: [{ file: 'a1.csv' }, { file: 'calls.csv', columns: { id: 'Call ID', date: 'When', owner: 'Who', type: 'Kind', lead: 'Contact', deal: 'Opp' } }, { file: 'gone.csv' }],
          stage_history: { file: 'h.csv', columns: { deal: 'Opp', stage: 'Stage', entered: 'At' } },
        },
      }),
      'deals.csv': BROKEN['deals.csv'],
      'a1.csv': 'id,date,owner,type,lead,deal\nA1,2026-09-03,Ann,call,L1,D1\nA2,2026-09-04,Ann,call,L1,D7\n',
      'calls.csv': 'Call ID,When,Who,Kind,Contact,Opp\nA1,2026-09-05,Bob,call,L2,D2\nC2,2026-09-05,Bob,call,,D2\nC3,2026-09-06,Bob,call,L3,D9\n',
      'h.csv': 'Opp,Stage,At\nD1,Qualify,2026-09-01\nD5,Qualify,2026-09-02\nD2,,2026-09-03\nD6,Qualify,2026-09-04\n',
    });
    const two = await readEveryWay(dir);
    expect(two.problems.kept.map(formatProblem)).toEqual([
      'calls.csv:2 id "A1": duplicate id; first seen on line 2',
      'gone.csv: missing file; keepscore.config.json names it in sources.activities',
    ]);
    expect(two.imports.map((r) => [r.file, r.rowsRead, r.rowsKept, r.skipped, r.changed])).toEqual([
      ['h.csv', 4, 1, [{ reason: 'deal refers to a missing deal', count: 2, lines: [3, 5] }, { reason: 'no value for stage', count: 1, lines: [4] }], []],
      ['a1.csv', 2, 2, [], [{ reason: 'deal link dropped: no deal with that id', count: 1, lines: [3] }]],
      ['calls.csv', 3, 1, [{ reason: 'no value for lead', count: 1, lines: [3] }], [{ reason: 'deal link dropped: no deal with that id', count: 1, lines: [4] }]],
    ]);
  });

  it.each(['tiny', 'hostile', 'maven-crm', 'salesforce-data-export', 'salesforce-data-loader', 'zoho-crm-demo', 'presets/hubspot', 'presets/salesforce'])(
    'reads %s as one thread does',
    async (name) => {
      const dir = join(FIXTURES, name);
      const two = await loadDataset(dir, { threads: 2 });
      expect(two.dataset.deals.length).toBeGreaterThan(0);
      expect(await loadDataset(dir, { threads: 1 })).toEqual(two);
    },
  );
});
