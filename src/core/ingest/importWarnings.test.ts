import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { happenedSpan } from '../kpi/facts.ts';
import { readDataset } from './dataset.ts';
import { asOfOrigin, closedAfterExport, exportDateInName } from './importWarnings.ts';
import { loadDataset } from '../../node/loadDataset.ts';
import { textSource } from './textSource.ts';
import { dayToIso } from './values.ts';

const DEALS = 'id,owner,stage,amount,created,close_date\nD1,Ann,Closed Won,1,2026-09-01,2026-10-05\nD2,Ann,Qualify,1,2026-10-02,2026-12-31\n';

describe('asOfOrigin', () => {
  it('names the record of the latest date of anything that happened, as the engine takes it', async () => {
    const { dataset } = await loadDataset(join(resolve(import.meta.dirname, '../../..'), 'data'));
    const origin = asOfOrigin(dataset)!;
    expect(origin.day).toBe(happenedSpan(dataset)!.last);
  });

  it('skips open deals\' close dates (forecasts) and tells an activity from a closed deal', async () => {
    const only = await readDataset(textSource({ 'deals.csv': DEALS }));
    expect(asOfOrigin(only.dataset)).toMatchObject({ what: 'closed', id: 'D1' });
    const later = await readDataset(textSource({ 'deals.csv': DEALS, 'activities.csv': 'id,date,owner,type,lead\nA1,2026-10-07,Ann,call,L1\n' }));
    expect(asOfOrigin(later.dataset)).toMatchObject({ what: 'activity', id: 'A1' });
    expect(closedAfterExport(later.dataset)).toBeNull();
  });
});

describe('closedAfterExport', () => {
  it('checks close dates against the latest activity when no file name carries a date', async () => {
    const { dataset } = await readDataset(textSource({ 'deals.csv': DEALS, 'activities.csv': 'id,date,owner,type,lead\nA1,2026-10-01,Ann,call,L1\n' }));
    const late = closedAfterExport(dataset)!;
    expect([late.reference.file, dayToIso(late.reference.day), late.deals.map((d) => d.id)]).toEqual([null, '2026-10-01', ['D1']]);
  });

  it('reads an export date from a file name, and nothing else', () => {
    expect(exportDateInName('hubspot-crm-exports-all-deals-2023-05-16.csv')).toBe(Date.UTC(2023, 4, 16) / 86_400_000);
    expect(exportDateInName('deals-2023-02-30.csv')).toBeNull();
    expect(exportDateInName('deals-20230516.csv')).toBeNull();
  });
});
