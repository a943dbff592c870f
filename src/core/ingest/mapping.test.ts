import { describe, expect, it } from 'vitest';
import { readDataset } from './dataset.ts';
import { formatProblem } from './problems.ts';
import { textSource } from './textSource.ts';
import { dayToIso } from './values.ts';
import { activityRows, historyRows } from './tables.test-helpers.ts';

const STAGES = { stages: [{ name: 'Lead' }, { name: 'Demo' }], wonStage: 'Signed', lostStage: 'Dropped' };

async function load(sources: object, files: Record<string, string>, extra: object = {}) {
  const result = await readDataset(textSource({ 'keepscore.config.json': JSON.stringify({ ...STAGES, ...extra, sources }), ...files }));
  expect(result.problems.kept.map(formatProblem)).toEqual([]);
  return result;
}

describe('a column mapping', () => {
  it('takes the first non-empty of several headers, translates values case-insensitively, and `*` catches the rest', async () => {
    const { dataset, imports } = await load(
      {
        activities: {
          file: 'log.csv',
          columns: { id: 'Ref', date: ['Done at', 'Due'], owner: 'Rep', type: 'Kind', lead: ['Lead', 'Contact'] },
          values: { type: { 'Phone call': 'call', MEETING: 'meeting', '*': 'other' } },
        },
        deals: { file: 'd.csv', columns: { id: 'Ref' }, defaults: { owner: { value: 'Ann' }, stage: 'Lead', amount: { value: '0' }, created: 'close_date', close_date: { value: '2026-10-31' } } },
      },
      {
        'd.csv': 'Ref\nD1\n',
        'log.csv': 'Ref,Done at,Due,Rep,Kind,Lead,Contact\nA1,,2026-10-02,Ann,phone CALL,,C7\nA2,2026-10-03,2026-10-01,Ann,Meeting,L1,C7\nA3,2026-10-04,,Ann,Fax,L2,\n',
      },
    );
    expect(activityRows(dataset).map((a) => [a.id, dayToIso(a.date), a.type, a.lead])).toEqual([
      ['A1', '2026-10-02', 'call', 'C7'],
      ['A2', '2026-10-03', 'meeting', 'L1'],
      ['A3', '2026-10-04', 'other', 'L2'],
    ]);
    // "Meeting" -> "meeting" only changes case: not reported.
    expect(imports[1].valuesMapped.map((v) => [v.from, v.to, v.count])).toEqual([['phone CALL', 'call', 1], ['Fax', 'other', 1]]);
    // Defaults: a plain string that is no canonical column, a { value } constant, another column.
    expect(dataset.deals.map((d) => [d.id, d.owner, d.stage, d.amount, dayToIso(d.created), dayToIso(d.close_date)])).toEqual([
      ['D1', 'Ann', 'Lead', 0, '2026-10-31', '2026-10-31'],
    ]);
    expect(imports[0].columns).toMatchObject({ owner: '"Ann"', created: 'close_date', close_date: '"2026-10-31"' });
  });

  it('writes $won / $lost for the config stages, and $line for an id', async () => {
    const { dataset, imports } = await load(
      { deals: { file: 'p.csv', columns: { owner: 'Who', stage: 'Status', amount: 'Value', created: 'Opened', close_date: 'Closed' }, values: { stage: { yes: '$won', no: '$lost' } }, defaults: { id: '$line' } } },
      { 'p.csv': 'Who,Status,Value,Opened,Closed\nAnn,yes,10,2026-10-01,2026-10-05\nBob,no,5,2026-10-01,2026-10-06\nBob,demo,5,2026-10-01,2026-11-06\n' },
    );
    expect(dataset.deals.map((d) => [d.id, d.stage])).toEqual([['p.csv:2', 'Signed'], ['p.csv:3', 'Dropped'], ['p.csv:4', 'Demo']]);
    expect(imports[0].columns.id).toBe('line number');
  });

  it("overrides a preset's columns and values, and keeps the rest of the preset", async () => {
    const { dataset, imports } = await load(
      { deals: { file: 'pd.csv', preset: 'pipedrive', columns: { source: 'Deal - Channel' }, values: { stage: { won: 'Demo' } } } },
      { 'pd.csv': 'Deal - ID,Deal - Title,Deal - Value,Deal - Owner,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Expected close date,Deal - Channel\n1,A,10,Ann,Lead,won,2026-10-01,2026-10-30,Web\n2,B,10,Ann,Lead,open,2026-10-01,2026-10-30,\n' },
    );
    expect(dataset.deals.map((d) => [d.id, d.stage, d.source])).toEqual([['1', 'Demo', 'Web'], ['2', 'Lead', 'unknown']]);
    expect(imports[0]).toMatchObject({ preset: 'pipedrive', detected: false, mapping: true });
  });

  it('fills the teams from a lookup; teams written in the config win; a rep listed twice keeps the first', async () => {
    const { dataset, imports } = await load(
      { teams: { file: 't.csv', columns: { owner: 'rep', team: 'manager' } } },
      { 'deals.csv': 'id,owner,stage,amount,created,close_date\nD1,Ann,Lead,1,2026-10-01,2026-10-02\n', 't.csv': 'rep,manager\nAnn,North\nBob,South\nBob,East\nCid,West\n' },
      { teams: { Cid: 'Central' } },
    );
    expect(dataset.config.teams).toEqual({ Ann: 'North', Bob: 'South', Cid: 'Central' });
    expect(imports[0].notes).toEqual(['1 reps listed again with another team: the first team counts']);
  });

  it('skips a stage history row of a missing deal, but keeps an activity and drops its link', async () => {
    const { dataset, imports } = await load(
      {
        stage_history: { file: 'moves.csv', columns: { deal: 'Deal', stage: 'To', entered: 'On' } },
        activities: { file: 'log.csv', columns: { id: 'Ref', date: 'On', owner: 'Rep', type: 'Kind', lead: 'Who', deal: 'Deal' } },
      },
      {
        'deals.csv': 'id,owner,stage,amount,created,close_date\nD1,Ann,Lead,1,2026-10-01,2026-10-02\n',
        'moves.csv': 'Deal,To,On\nD1,Demo,2026-10-02\nD9,Demo,2026-10-03\n',
        'log.csv': 'Ref,On,Rep,Kind,Who,Deal\nA1,2026-10-02,Ann,call,L1,D9\n',
      },
    );
    expect(historyRows(dataset).map((h) => h.deal)).toEqual(['D1']);
    expect(imports[0].skipped).toEqual([{ reason: 'deal refers to a missing deal', count: 1, lines: [3] }]);
    expect(activityRows(dataset).map((a) => [a.id, a.deal])).toEqual([['A1', undefined]]);
    expect(imports[1].changed).toEqual([{ reason: 'deal link dropped: no deal with that id', count: 1, lines: [2] }]);
  });

  it("keeps a preset's value translations when the config picks the header, and reads a canonical file named in sources", async () => {
    const { dataset, imports } = await load(
      { deals: [{ file: 'hs.csv', preset: 'hubspot', columns: { stage: 'Stage ID' } }, { file: 'more.csv' }] },
      {
        'hs.csv': 'Record ID,Deal Name,Deal Stage,Stage ID,Amount,Close Date,Create Date,Deal owner\n1,A,Won it,closedwon,10,2026-10-05,2026-10-01,Ann\n',
        'more.csv': 'id,owner,stage,amount,created,close_date\nM1,Bob,demo,5,2026-10-01,2026-10-09\nM2,Bob,demo,5,2026-10-01,\n',
      },
    );
    expect(dataset.deals.map((d) => [d.id, d.stage])).toEqual([['1', 'Signed'], ['M1', 'Demo']]);
    expect(imports.map((r) => [r.file, r.preset, r.rowsKept, r.skipped.map((x) => x.reason)])).toEqual([
      ['hs.csv', 'hubspot', 1, []],
      ['more.csv', null, 1, ['no value for close_date']],
    ]);
  });
});
