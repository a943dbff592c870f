import { describe, expect, it } from 'vitest';
import { configSchema } from '../schema/config.ts';
import type { Deal } from '../schema/rows.ts';
import { isoToDay } from '../ingest/values.ts';
import { quoteCsvField as csvCell } from '../export/csvDownload.ts';
import { appendMoves, pipelineSnapshot, stageMoves } from './history.ts';

const config = configSchema.parse({});
function deal(id: string, stage: string, amount = 1000, owner = 'Ann'): Deal {
  return { id, name: undefined, account: undefined, owner, source: 'web', stage, amount, created: 0, close_date: 0, lost_at_stage: undefined, lead: undefined };
}

describe('stageMoves', () => {
  it('gives one move per deal whose stage changed, dated by the export, sorted by deal', () => {
    const before = [deal('D2', 'Qualify'), deal('D1', 'Discovery'), deal('D3', 'Proposal')];
    const after = [deal('D1', 'Proposal'), deal('D2', 'Closed Won'), deal('D3', 'Proposal'), deal('D4', 'Qualify')];
    expect(stageMoves(before, after, '2026-11-01')).toEqual([
      { deal: 'D1', stage: 'Proposal', entered: '2026-11-01' },
      { deal: 'D2', stage: 'Closed Won', entered: '2026-11-01' },
    ]);
  });

  it('leaves out new and removed deals, and a move already in the history', () => {
    const history = [{ deal: 'D1', stage: 'Proposal', entered: isoToDay('2026-11-01')! }];
    expect(stageMoves([deal('D1', 'Qualify'), deal('D9', 'Qualify')], [deal('D1', 'Proposal'), deal('D5', 'Qualify')], '2026-11-01', history)).toEqual([]);
  });
});

describe('appendMoves', () => {
  const moves = [{ deal: 'D1', stage: 'Proposal', entered: '2026-11-01' }];

  it('creates a canonical file when there is none', () => {
    expect(appendMoves(null, moves)).toEqual({ text: 'deal,stage,entered\nD1,Proposal,2026-11-01\n' });
  });

  it("keeps the file's delimiter, column order and line ending, and adds a missing final newline", () => {
    expect(appendMoves('entered;deal;stage;note\r\n2026-10-01;D1;Qualify;x', moves)).toEqual({
      text: 'entered;deal;stage;note\r\n2026-10-01;D1;Qualify;x\r\n2026-11-01;D1;Proposal;\r\n',
    });
  });

  it('does not touch a history file that is not canonical', () => {
    expect(appendMoves('Opportunity ID,To Stage,Last Modified\n', moves)).toHaveProperty('skipped');
  });

  it('quotes cells with the delimiter or quotes, and stores formulas as text', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe('=1+1');
  });
});

describe('pipelineSnapshot', () => {
  it('counts and sums open deals exactly, by stage in config order and by owner', () => {
    const snapshot = pipelineSnapshot(
      [deal('D1', 'Proposal', 0.1, 'Bob'), deal('D2', 'Proposal', 0.2, 'Ann'), deal('D3', 'Closed Won', 5000), deal('D4', 'Qualify', 100, 'Ann')],
      config,
      'v1',
      '2026-11-01',
    );
    expect(snapshot.open).toEqual({ count: 3, amount: 100.3 });
    expect(Object.keys(snapshot.byStage)).toEqual(['Qualify', 'Discovery', 'Proposal', 'Negotiation']);
    expect(snapshot.byStage.Proposal).toEqual({ count: 2, amount: 0.3 });
    expect(snapshot.byOwner).toEqual({ Ann: { count: 2, amount: 100.2 }, Bob: { count: 1, amount: 0.1 } });
  });
});
