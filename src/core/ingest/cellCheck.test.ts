/**
 * A cell checked by the function compiled from its zod schema gives what
 * zod's own safeParse gives: the same value, or the same messages.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../schema/config.ts';
import { quotaSchema, rowSchemas, teamSchema } from '../schema/rows.ts';
import { columnCheck, compileCheck, Invalid } from './cellCheck.ts';

const byZod = (schema: z.ZodType, cell: string) => {
  const result = schema.safeParse(cell);
  return result.success ? result.data : new Invalid(result.error.issues.map((issue) => issue.message));
};

const configs = [
  configSchema.parse({}),
  configSchema.parse({ dateOrder: 'dmy', stages: [{ name: 'Lead', probability: 0.2 }, { name: 'Demo', probability: 0.5 }], wonStage: 'Won', lostStage: 'Lost' }),
];
const fields = configs.flatMap((config) =>
  [...Object.entries(rowSchemas(config)), ['quarterly quotas', quotaSchema(config.dateOrder, 'quarter')] as const, ['teams', teamSchema] as const].flatMap(([kind, schema]) =>
    Object.entries(schema.shape).map(([key, field]) => ({ name: `${kind}.${key} (${config.dateOrder})`, field: field as z.ZodType })),
  ),
);

/** Cells of every shape a column meets: dates, times, amounts, currencies, stage and type names, periods, blanks. */
const TOKENS = [
  '', ' ', '2026-10-31', '31.10.2026', '10/31/2026', '2026-02-30', '15 Apr, 2021 00:02:00', 'Apr 15, 2021 10:00 AM', '2026-10-31T14:03:22Z',
  '22,700.00', '1 234,56', '$22,700', '-5', 'abc', 'usd', 'EUR', 'US', 'closed won', 'Closed Won', 'Qualify', ' demo ', 'meeting', 'CALL',
  '2026-10', '2026-Q4', '2026-13', '2026-10-01', '2026-11-01', 'Discovery', 'Lost', 'won', 'ñandú', '\u00a0x', 'a\nb', '\uD83D\uDE00',
];
const cells = fc.oneof(
  fc.constantFrom(...TOKENS),
  fc.tuple(fc.constantFrom('', ' ', '  '), fc.constantFrom(...TOKENS), fc.constantFrom('', ' ', '\t')).map(([a, b, c]) => a + b + c),
  fc.string(),
);

describe('compileCheck', () => {
  it.each(fields)('gives what zod gives for $name', ({ field }) => {
    const check = compileCheck(field);
    for (const cell of TOKENS) expect(check(cell)).toEqual(byZod(field, cell));
    fc.assert(fc.property(cells, (cell) => {
      expect(check(cell)).toEqual(byZod(field, cell));
    }), { numRuns: 300 });
  });

  it('leaves a schema it cannot compile to zod, with zod\'s messages', () => {
    const email = z.string().trim().pipe(z.email('not an email'));
    expect(compileCheck(email)('a@b.co')).toBe('a@b.co');
    expect(compileCheck(email)(' nope ')).toEqual(new Invalid(['not an email']));
    const number = z.coerce.number().min(1, 'too small');
    expect(compileCheck(number)('0')).toEqual(new Invalid(['too small']));
  });

  it('runs a refinement of any node, after the node', () => {
    const even = z.string().trim().transform((s) => s.length).refine((n) => n % 2 === 0, 'odd length');
    expect(compileCheck(even)(' ab ')).toBe(2);
    expect(compileCheck(even)(' abc ')).toEqual(new Invalid(['odd length']));
    const shouting = z.string().refine((s) => s === s.toUpperCase(), 'not upper case').optional();
    expect(compileCheck(shouting)('LOUD')).toBe('LOUD');
    expect(compileCheck(shouting)('quiet')).toEqual(new Invalid(['not upper case']));
  });
});

describe('columnCheck', () => {
  it('remembers results per cell, empty optional cells and problems included, and still checks after it stops remembering', () => {
    const schema = rowSchemas(configs[0]).activities.shape;
    const seen: unknown[] = [];
    const source = columnCheck(schema.source, (value) => (seen.push(value), value));
    expect(['web', 'web', '', ' ', 'web', ''].map(source)).toEqual(['web', 'web', undefined, undefined, 'web', undefined]);
    expect(seen).toEqual(['web', undefined, undefined]);
    const date = columnCheck(schema.date, (day) => day);
    const bad = date('2026-02-30');
    expect(bad).toEqual(new Invalid(['not a valid date (e.g. 2026-10-31, 31.10.2026, 10/31/2026)']));
    expect(date('2026-02-30')).toBe(bad);
    const id = columnCheck(schema.id, (value) => value);
    for (let i = 0; i < 20_000; i++) expect(id(` A${i} `)).toBe(`A${i}`);
    expect(id('  ')).toEqual(new Invalid(['required']));
  });
});
