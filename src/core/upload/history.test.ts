import { describe, expect, it } from 'vitest';
import { configSchema } from '../schema/config.ts';
import type { Deal } from '../schema/rows.ts';
import { isoToDay } from '../ingest/values.ts';
import { quoteCsvField as csvCell } from '../export/csvDownload.ts';
import { appendCloseDates, appendMoves, closeDateChanges, pipelineSnapshot, stageMoves } from './history.ts';

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

describe('closeDateChanges', () => {
  const on = (id: string, stage: string, close: string): Deal => ({ ...deal(id, stage), close_date: isoToDay(close)! });
  const entry = (id: string, close: string, recorded: string) => ({ deal: id, close_date: isoToDay(close)!, recorded: isoToDay(recorded)! });

  it('records every open deal of the first export, and leaves closed deals out', () => {
    const deals = [on('D2', 'Proposal', '2026-11-20'), on('D1', 'Qualify', '2026-12-01'), on('D3', 'Closed Won', '2026-10-10')];
    expect(closeDateChanges(deals, config, null, '2026-11-01')).toEqual([
      { deal: 'D1', close_date: '2026-12-01', recorded: '2026-11-01' },
      { deal: 'D2', close_date: '2026-11-20', recorded: '2026-11-01' },
    ]);
  });

  it('then only the deals whose close date is not the one last recorded on or before the export', () => {
    const recorded = [entry('D1', '2026-12-01', '2026-11-01'), entry('D2', '2026-11-20', '2026-11-01'), entry('D2', '2026-11-25', '2026-11-08'), entry('D3', '2026-11-02', '2026-12-01')];
    const deals = [on('D1', 'Qualify', '2026-12-01'), on('D2', 'Proposal', '2026-12-15'), on('D3', 'Proposal', '2026-11-02'), on('D4', 'Qualify', '2026-11-30')];
    // D1 unchanged; D2 moved from 11-25; D3's only record is after this export; D4 is new.
    expect(closeDateChanges(deals, config, recorded, '2026-11-15')).toEqual([
      { deal: 'D2', close_date: '2026-12-15', recorded: '2026-11-15' },
      { deal: 'D3', close_date: '2026-11-02', recorded: '2026-11-15' },
      { deal: 'D4', close_date: '2026-11-30', recorded: '2026-11-15' },
    ]);
    // The same export again: nothing new.
    const again = [...recorded, ...closeDateChanges(deals, config, recorded, '2026-11-15').map((r) => entry(r.deal, r.close_date, r.recorded))];
    expect(closeDateChanges(deals, config, again, '2026-11-15')).toEqual([]);
  });
});

describe('appendCloseDates', () => {
  it("creates the file, or appends in the file's own form; a file without its columns is left alone", () => {
    const records = [{ deal: 'D1', close_date: '2026-12-01', recorded: '2026-11-15' }];
    expect(appendCloseDates(null, records)).toEqual({ text: 'deal,close_date,recorded\nD1,2026-12-01,2026-11-15\n' });
    expect(appendCloseDates('recorded;deal;close_date\r\n2026-11-01;D1;2026-11-20\r\n', records)).toEqual({
      text: 'recorded;deal;close_date\r\n2026-11-01;D1;2026-11-20\r\n2026-11-15;D1;2026-12-01\r\n',
    });
    expect(appendCloseDates('deal,date\n', records)).toHaveProperty('skipped');
  });
});
