/** The config's `staleDays` (KPI-SPEC §1, §7): a whole number of days >= 1, at the top and per stage. */
import { describe, expect, test } from 'vitest';
import { configProblems } from '../ingest/configProblems.ts';
import { configSchema } from './config.ts';

const FILE = 'keepscore.config.json';
/** Each problem as `line column "value": rule`. */
function problems(json: unknown): string[] {
  const result = configProblems(FILE, JSON.stringify(json, null, 2));
  return 'problems' in result ? result.problems.map((p) => `${p.line} ${p.column} "${p.value}": ${p.rule}`) : [];
}

describe('staleDays', () => {
  test('defaults to 30; a stage has none of its own unless it says so', () => {
    const config = configSchema.parse({});
    expect(config.staleDays).toBe(30);
    expect(config.stages.map((s) => s.staleDays)).toEqual([undefined, undefined, undefined, undefined]);
    const custom = configSchema.parse({ staleDays: 14, stages: [{ name: 'Qualify', staleDays: 7 }, { name: 'Demo' }] });
    expect([custom.staleDays, custom.stages[0].staleDays, custom.stages[1].staleDays]).toEqual([14, 7, undefined]);
    expect(configSchema.parse({ staleDays: 1 }).staleDays).toBe(1);
  });

  test('0, 1.5 and "30" are errors that name the line, the key and the value', () => {
    const rule = 'a whole number of days, 1 or more';
    expect(problems({ staleDays: 0 })).toEqual([`2 staleDays "0": ${rule}`]);
    expect(problems({ staleDays: 1.5 })).toEqual([`2 staleDays "1.5": ${rule}`]);
    expect(problems({ staleDays: '30' })).toEqual([`2 staleDays "30": ${rule}`]);
  });

  test('per stage too', () => {
    const config = { stages: [{ name: 'Qualify' }, { name: 'Demo', staleDays: -3 }] };
    expect(problems(config)).toEqual([`8 stages.1.staleDays "-3": a whole number of days, 1 or more`]);
  });

  test('unknown keys are still errors', () => {
    expect(problems({ staleDay: 3 })).toEqual([expect.stringMatching(/^2 staleDay "3": unknown key: staleDay\b/)]);
    expect(problems({ stages: [{ name: 'Qualify', stale: 3 }] })).toEqual([expect.stringMatching(/^5 stages\.0\.stale "3": unknown key: stale\b/)]);
  });
});
