import { describe, expect, it } from 'vitest';
import { csvOf } from './csv.ts';

describe('csvOf', () => {
  it('writes raw numbers, null for a missing value, and text where there is no number', () => {
    const csv = csvOf({
      id: 'activity-side',
      caption: 'x',
      columns: ['Who', 'Rate', 'Leak'],
      rows: [
        { head: { text: 'Whole team' }, cells: [{ text: '63.5%', raw: 0.635 }, { text: 'Proposal → Negotiation', word: true }] },
        { head: { text: 'Ann' }, cells: [{ text: '—', raw: null }, { text: 'no leak' }] },
      ],
    });
    expect(csv).toEqual({
      filename: 'activity-side.csv',
      columns: ['Who', 'Rate', 'Leak'],
      rows: [['Whole team', 0.635, 'Proposal → Negotiation'], ['Ann', null, 'no leak']],
    });
  });

  it('refuses a table without a name', () => {
    expect(() => csvOf({ caption: 'Unnamed', columns: [], rows: [] })).toThrow('table "Unnamed" has no id');
  });
});
