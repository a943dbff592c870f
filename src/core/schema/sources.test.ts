import { describe, expect, it } from 'vitest';
import { configSchema } from './config.ts';
import { closeDateSchema, DERIVED_COLUMNS, rowSchemas, teamSchema } from './rows.ts';
import { CANONICAL_COLUMNS, sourcesOf, sourcesSchema } from './sources.ts';

describe('sources', () => {
  it('knows the canonical columns of every kind, as the row schemas define them (less those read from another column)', () => {
    const schemas = rowSchemas(configSchema.parse({}));
    for (const kind of ['deals', 'stage_history', 'activities', 'quotas', 'customers'] as const) {
      const derived = Object.keys(DERIVED_COLUMNS[kind] ?? {});
      expect([...CANONICAL_COLUMNS[kind]]).toEqual(Object.keys(schemas[kind].shape).filter((key) => !derived.includes(key)));
    }
    expect(DERIVED_COLUMNS.stage_history).toEqual({ enteredAt: 'entered' });
    expect([...CANONICAL_COLUMNS.teams]).toEqual(Object.keys(teamSchema.shape));
    expect([...CANONICAL_COLUMNS.close_dates]).toEqual(Object.keys(closeDateSchema('mdy').shape));
  });

  it('takes one source or a list, and gives a list', () => {
    const parsed = sourcesSchema.parse({
      deals: { file: 'Potentials.csv', preset: 'zoho' },
      activities: [{ file: 'Calls.csv' }, { file: 'Events.csv', strict: true }],
    });
    expect(sourcesOf(parsed, 'deals')).toEqual([{ file: 'Potentials.csv', preset: 'zoho' }]);
    expect(sourcesOf(parsed, 'activities')?.map((s) => s.file)).toEqual(['Calls.csv', 'Events.csv']);
    expect(sourcesOf(parsed, 'quotas')).toBeNull();
    expect(sourcesOf(undefined, 'deals')).toBeNull();
  });

  it('rejects a source that is not an object, and an empty list', () => {
    expect(sourcesSchema.safeParse({ deals: 'Potentials.csv' }).error?.issues.map((i) => i.message)).toEqual([
      'expected a source such as { "file": "export.csv" }, or a list of them',
    ]);
    expect(sourcesSchema.safeParse({ deals: [] }).error?.issues.map((i) => i.message)).toEqual(['list at least one source']);
  });

  it('accepts a config with sources and without', () => {
    expect(configSchema.parse({}).sources).toBeUndefined();
    expect(configSchema.parse({ sources: { teams: { file: 'sales_teams.csv', columns: { owner: 'sales_agent', team: 'manager' } } } }).sources?.teams).toBeDefined();
  });
});
