import { describe, expect, it } from 'vitest';
import { configSchema } from '../schema/config.ts';
import { detectKind, headerOf, parseKind, targetFile } from './kinds.ts';

describe('kinds', () => {
  it('parses only the closed list of kinds', () => {
    expect(parseKind('Deals')).toBe('deals');
    expect(parseKind('auto')).toBeNull();
    expect(parseKind(null)).toBeNull();
    expect(parseKind('../etc/passwd')).toBeUndefined();
    expect(parseKind('deals.csv')).toBeUndefined();
  });

  it('detects the kind from a canonical header or a CRM export header', () => {
    expect(detectKind(headerOf('\uFEFFId;Owner;Stage;Amount;Created;Close_Date\n1;a;b;c;d;e'))).toBe('deals');
    expect(detectKind(headerOf('id,date,owner,type,lead\n'))).toBe('activities');
    expect(detectKind(headerOf('owner,period,amount'))).toBe('quotas');
    expect(detectKind(headerOf('deal,stage,entered'))).toBe('stage_history');
    expect(detectKind(headerOf('account,churned'))).toBe('customers');
    expect(detectKind(headerOf('Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline'))).toBe('deals');
    expect(detectKind(headerOf('foo,bar'))).toBeNull();
  });

  it("writes the config's one source file for a kind, never a requested path", () => {
    const config = configSchema.parse({ sources: { deals: { file: 'Potentials.csv', preset: 'zoho' }, activities: [{ file: 'a.csv' }, { file: 'b.csv' }] } });
    expect(targetFile(config, 'deals')).toEqual({ file: 'Potentials.csv' });
    expect(targetFile(config, 'quotas')).toEqual({ file: 'quotas.csv' });
    expect(targetFile(config, 'activities')).toHaveProperty('error');
  });
});
