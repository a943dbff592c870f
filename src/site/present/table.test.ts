import { siteUrls } from '../urls.ts';
import { describe, expect, it } from 'vitest';
import { labels } from '../text/dictionary.ts';
import { formattersFor } from '../text/format.ts';
import { csvOf, downloads, rowGroups, table, tablesIn } from './table.ts';

const w = { l: labels('en-US'), f: formattersFor('en-US', 'USD'), locale: 'en-US', urls: siteUrls('/kpis/') };

const side = () =>
  table(
    {
      id: 'activity-side',
      caption: 'x',
      columns: ['Who', { label: 'Rate', csv: 'winRate.rate' }, 'Leak'],
      rows: [
        { head: { text: 'Whole team' }, cells: [{ text: '63.5%', raw: 0.635 }, { text: 'Proposal → Negotiation', word: true }] },
        { head: { text: 'Ann' }, cells: [{ text: '—', raw: null }, { text: 'no leak' }] },
      ],
    },
    w,
  );

describe('table', () => {
  it('carries its CSV download: the link, and raw numbers, null for a missing value, text where there is no number', () => {
    const t = side();
    expect(t.csv).toEqual({ href: '/kpis/csv/activity-side.csv', filename: 'activity-side.csv', text: 'Download CSV' });
    expect(csvOf(t)).toEqual({
      filename: 'activity-side.csv',
      columns: ['Who', 'winRate.rate', 'Leak'],
      rows: [['Whole team', 0.635, 'Proposal → Negotiation'], ['Ann', null, 'no leak']],
    });
  });

  it('refuses an id that cannot be a file name', () => {
    expect(() => table({ id: '../x', caption: 'Bad', columns: [], rows: [] }, w)).toThrow('Not a usable CSV file name');
  });

  it('groups consecutive rows under their titles', () => {
    const t = table({ id: 'g', caption: 'g', columns: ['m', 'v'], rows: ['A', 'A', 'B'].map((group, i) => ({ group, head: { text: String(i) }, cells: [] })) }, w);
    expect(rowGroups(t).map((g) => [g.title, g.rows.length])).toEqual([['A', 2], ['B', 1]]);
    expect(rowGroups(side()).map((g) => g.title)).toEqual([null]);
  });
});

describe('downloads', () => {
  it('finds every table a page holds, once, wherever it sits', () => {
    const t = side();
    const other = table({ id: 'other', caption: 'o', columns: ['a'], rows: [] }, w);
    const pages = { home: { side: t, charts: [{ chart: { label: 'c' }, table: other }] }, again: t, nothing: null };
    expect(tablesIn(pages)).toEqual([t, other, t]);
    expect(downloads(pages).map((d) => d.csv.filename)).toEqual(['activity-side.csv', 'other.csv']);
  });

  it('refuses two different tables with one file name', () => {
    expect(() => downloads([side(), side()])).toThrow('Two tables are both named "activity-side.csv"');
  });
});
