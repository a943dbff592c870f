import { describe, expect, it } from 'vitest';
import { readDataset } from './dataset.ts';
import { formatProblem } from './problems.ts';
import { textSource } from './textSource.ts';

const DEALS = 'id,owner,stage,amount,created,close_date\nD1,Ann,Qualify,100,2026-10-01,2026-11-01\n';

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  const { problems } = await readDataset(textSource(files));
  return problems.kept.map(formatProblem);
}

describe('readDataset', () => {
  it('loads a folder that has only deals.csv', async () => {
    const { dataset, problems } = await readDataset(textSource({ 'deals.csv': DEALS }));
    expect(problems.total).toBe(0);
    expect(dataset.deals).toHaveLength(1);
    expect(dataset.customers).toBeNull();
    expect(dataset.files.map((f) => [f.file, f.present, f.rows])).toEqual([
      ['deals.csv', true, 1], ['stage_history.csv', false, 0], ['activities.csv', false, 0], ['quotas.csv', false, 0], ['customers.csv', false, 0],
    ]);
  });

  it('needs deals.csv', async () => {
    expect(await problemsOf({})).toEqual(['deals.csv: required file is missing']);
  });

  it('names a missing required column once, with the header it found', async () => {
    expect(await problemsOf({ 'deals.csv': 'id,owner,stage,amount,created\nD1,Ann,Qualify,1,2026-10-01\n' })).toEqual([
      'deals.csv:1 close_date (empty): missing required column; the header has: id, owner, stage, amount, created',
    ]);
  });

  it('checks references to deals and stages in stage history and activities', async () => {
    const found = await problemsOf({
      'deals.csv': DEALS,
      'stage_history.csv': 'deal,stage,entered\nD1,Qualify,2026-10-01\nD2,Qualify,2026-10-01\nD1,Pitch,2026-10-02\n',
      'activities.csv': 'id,date,owner,type,lead,deal\nA1,2026-10-01,Ann,CALL,L1,D1\nA2,2026-10-01,Ann,fax,L1,\nA3,2026-10-01,Ann,call,L1,D7\n',
    });
    expect(found).toEqual([
      'stage_history.csv:3 deal "D2": refers to a missing deal',
      'stage_history.csv:4 stage "Pitch": unknown stage; expected one of: Qualify, Discovery, Proposal, Negotiation, Closed Won, Closed Lost',
      'activities.csv:3 type "fax": unknown activity type; expected one of: call, email, meeting, event, social, other',
      'activities.csv:4 deal "D7": refers to a missing deal',
    ]);
  });

  it('folds references to the deals of rejected deal rows under deals.csv, and keeps references to deals never defined as problems', async () => {
    const { problems } = await readDataset(textSource({
      'deals.csv': `${DEALS}D2,Ann,Qualify,lots,2026-10-01,2026-11-01\nD3,Ann,Pitch,100,2026-10-01,2026-11-01\n`,
      'stage_history.csv': 'deal,stage,entered\nD1,Qualify,2026-10-01\nD2,Qualify,2026-10-01\nD3,Qualify,2026-10-01\nD404,Qualify,2026-10-01\n',
      'activities.csv': 'id,date,owner,type,lead,deal\nA1,2026-10-01,Ann,call,L1,D2\nA2,2026-10-01,Ann,call,L1,D3\nA3,2026-10-02,Ann,call,L1,D2\nA4,2026-10-02,Ann,call,L1,D9\n',
    }));
    expect(problems.kept.map(formatProblem)).toEqual([
      'deals.csv:3 amount "lots": not a non-negative amount (e.g. 22700, 22,700.00, 1 234,56)',
      'deals.csv:4 stage "Pitch": unknown stage; expected one of: Qualify, Discovery, Proposal, Negotiation, Closed Won, Closed Lost',
      'stage_history.csv:5 deal "D404": refers to a missing deal',
      'activities.csv:5 deal "D9": refers to a missing deal',
    ]);
    expect([problems.total, problems.ownTotal, problems.knockOnTotal]).toEqual([9, 4, 5]);
    expect(problems.knockOns).toEqual([{
      cause: 'deals.csv',
      total: 5,
      groups: [
        { file: 'activities.csv', rule: 'refers to a missing deal', count: 3, lines: [2, 3, 4] },
        { file: 'stage_history.csv', rule: 'refers to a missing deal', count: 2, lines: [3, 4] },
      ],
    }]);
    expect(problems.countByRule.get('refers to a missing deal')).toBe(2);
  });

  it('folds every missing deal under deals.csv when its rows could not be read at all', async () => {
    const activities = 'id,date,owner,type,lead,deal\nA1,2026-10-01,Ann,call,L1,D1\nA2,2026-10-01,Ann,call,L1,D2\n';
    const noColumn = await readDataset(textSource({ 'deals.csv': 'id,owner,stage,amount,created\nD1,Ann,Qualify,1,2026-10-01\n', 'activities.csv': activities }));
    expect([noColumn.problems.ownTotal, noColumn.problems.knockOns.map((k) => [k.cause, k.total])]).toEqual([1, [['deals.csv', 2]]]);
    const missing = await readDataset(textSource({ 'activities.csv': activities }));
    expect(missing.problems.kept.map(formatProblem)).toEqual(['deals.csv: required file is missing']);
    expect(missing.problems.knockOns.map((k) => [k.cause, k.total])).toEqual([['deals.csv', 2]]);
    const unclosed = await readDataset(textSource({ 'deals.csv': `${DEALS}"D2,Ann,Qualify,1,2026-10-01,2026-11-01\n`, 'activities.csv': activities }));
    expect([unclosed.problems.ownTotal, unclosed.problems.knockOnTotal]).toEqual([1, 1]);
  });

  it('reads close_dates.csv when there is one, checked like the other files, and never needs it', async () => {
    const { dataset } = await readDataset(textSource({ 'deals.csv': DEALS }));
    expect(dataset.closeDates).toBeNull();
    const closeDates = 'deal,close_date,recorded\nD1,2026-11-01,2026-10-01\nD1,31.12.2026,2026-10-15\nD9,2026-11-01,2026-10-01\nD1,soon,2026-10-20\n';
    const read = await readDataset(textSource({ 'deals.csv': DEALS, 'close_dates.csv': closeDates }));
    expect(read.problems.kept.map(formatProblem)).toEqual(['close_dates.csv:5 close_date "soon": not a valid date (e.g. 2026-10-31, 31.10.2026, 10/31/2026)']);
    // D9 is a deal the deals file no longer has: no error (a deal deleted in the CRM must not block uploads).
    expect(read.dataset.closeDates?.map((e) => [e.deal, e.close_date - e.recorded])).toEqual([['D1', 31], ['D1', 77], ['D9', 31]]);
    expect(read.dataset.files.at(-1)).toEqual({ file: 'close_dates.csv', kind: 'close_dates', present: true, rows: 3 });
  });

  it('reports config problems with their line and key, and stops there', async () => {
    const config = '{\n  "stages": [{ "name": "Qualify" }],\n  "wonStage": "Won",\n  "colour": "red",\n  "window": 0\n}\n';
    expect(await problemsOf({ 'deals.csv': DEALS, 'keepscore.config.json': config })).toEqual([
      'keepscore.config.json:5 window "0": Too small: expected number to be >=1',
      'keepscore.config.json:4 colour "red": unknown key: colour',
    ]);
    expect(await problemsOf({ 'deals.csv': DEALS, 'keepscore.config.json': '{\n  "wonStage": "Won",\n}' })).toEqual([
      expect.stringMatching(/^keepscore\.config\.json:3: not valid JSON/),
    ]);
  });

  it('applies the config: custom stages and day-first dates', async () => {
    const { dataset, problems } = await readDataset(textSource({
      'keepscore.config.json': JSON.stringify({ stages: [{ name: 'Lead' }, { name: 'Demo' }], wonStage: 'Won', lostStage: 'Lost', dateOrder: 'dmy' }),
      'deals.csv': 'id,owner,stage,amount,created,close_date\nD1,Ann,demo,100,03/04/2026,05/04/2026\n',
    }));
    expect(problems.total).toBe(0);
    expect(dataset.deals[0].stage).toBe('Demo');
    expect(new Date(dataset.deals[0].created * 86_400_000).toISOString().slice(0, 10)).toBe('2026-04-03');
    expect(dataset.config.stages.map((s) => s.probability)).toEqual([1 / 3, 2 / 3]);
  });
});
