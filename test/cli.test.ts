/**
 * The `kpis` and `validate` commands as a user runs them: a real process on
 * the project's Node, real folders, exit codes and the exact stdout.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../src/node/loadDataset.ts';
import { kpiReport } from '../src/core/kpi/report.ts';
import { ROOT, runCli } from './astroBuild.ts';

const FIXTURE = join(ROOT, 'test/fixtures/tiny');
const temp = mkdtempSync(join(tmpdir(), 'keepscore-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const run = runCli;

/** A copy of the fixture with deals.csv replaced. */
function brokenCopy(deals: string): string {
  const dir = mkdtempSync(join(temp, 'data-'));
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, 'deals.csv'), deals);
  return dir;
}

describe('kpis', () => {
  it('prints exactly the KPI JSON of the engine, and nothing else', async () => {
    const { code, stdout, stderr } = run('kpis', '--data', FIXTURE, '--period', '2026-10', '--as-of', '2026-10-25');
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    const printed = JSON.parse(stdout);
    const { dataset } = await loadDataset(FIXTURE);
    expect(printed).toEqual(JSON.parse(JSON.stringify(kpiReport(dataset, '2026-10', '2026-10-25'))));
    expect(printed.period).toBe('2026-10');
    expect(printed.asOf).toBe('2026-10-25');
    expect(Object.keys(printed)).toEqual(['period', 'asOf', 'currency', 'team', 'teams', 'reps']);
  });

  it.each([
    [['--data', FIXTURE], /--period is required/],
    [['--data', FIXTURE, '--period', '2026-13'], /"2026-13" is not a period/],
    [['--data', FIXTURE, '--period', '2026-10', '--as-of', '31.10.2026'], /not a date: use YYYY-MM-DD/],
    [['--data', FIXTURE, '--period', '2026-10', '--colour'], /Unknown option '--colour'/],
  ])('exits 2 with one paragraph on bad arguments %#', (args, message) => {
    const { code, stdout, stderr } = run('kpis', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 1 on a missing folder and on invalid data, without a stack trace', () => {
    const missing = run('kpis', '--data', join(temp, 'nowhere'), '--period', '2026-10');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No data folder at/);
    const broken = run('kpis', '--data', brokenCopy('id,owner,stage,amount,created,close_date\nD1,Ann,Won?,12,2026-10-01,2026-10-02\n'), '--period', '2026-10');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toContain('deals.csv:2 stage "Won?": unknown stage');
    expect(broken.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('validate', () => {
  it('exits 0 and names the files of a valid folder', () => {
    const { code, stdout } = run('validate', '--data', FIXTURE);
    expect(code).toBe(0);
    expect(stdout).toMatch(/is valid: deals\.csv \(\d+ rows\)/);
  });

  it('lists every problem with file, line, column, value and rule, and a count per rule', () => {
    const deals = readFileSync(join(FIXTURE, 'deals.csv'), 'utf8').trimEnd().split('\n');
    deals.push('D1,Again,Acme,Ann,web,Closed Won,1 000,2026-10-01,2026-10-02,,');
    deals.push('D98,Bad,Acme,Ann,web,Closed Won,ten,2026-10-01,31.02.2026,,');
    deals.push('D99,Bad,Acme,Ann,web,Closed Won,ten,2026-10-01,2026-10-05,,');
    const { code, stdout } = run('validate', '--data', brokenCopy(deals.join('\n') + '\n'));
    expect(code).toBe(1);
    const n = deals.length;
    expect(stdout).toContain('4 problems found in the data:');
    expect(stdout).toContain(`deals.csv:${n - 2} id "D1": duplicate id; first seen on line 2`);
    expect(stdout).toContain(`deals.csv:${n - 1} amount "ten": not a non-negative amount`);
    expect(stdout).toContain(`deals.csv:${n - 1} close_date "31.02.2026": not a valid date`);
    expect(stdout).toContain(`deals.csv:${n} amount "ten": not a non-negative amount`);
    expect(stdout).toMatch(/\n\s+2\s+not a non-negative amount/);
  });

  it('folds the activities of rejected deal rows under deals.csv: the problems to fix first, then one count per file and rule', () => {
    const deals = readFileSync(join(FIXTURE, 'deals.csv'), 'utf8')
      .replace('D1,Acme renewal,Acme,Ann,web,Closed Won,10000,', 'D1,Acme renewal,Acme,Ann,web,Closed Won,ten,')
      .replace('D5,Epsilon suite,Epsilon,Ann,referral,Proposal,', 'D5,Epsilon suite,Epsilon,Ann,referral,Proposed,');
    const dir = brokenCopy(deals);
    const { code, stdout } = run('validate', '--data', dir);
    expect(code).toBe(1);
    // D1's two meetings and D5's one (activities.csv lines 5, 13 and 9) would refer to the rejected rows.
    expect(stdout).toContain('2 problems found in the data:\n  deals.csv:2 amount "ten": not a non-negative amount');
    expect(stdout).toContain('\n  deals.csv:6 stage "Proposed": unknown stage');
    expect(stdout).toContain('\n3 knock-on problems from deals.csv: references to deals that deals.csv would have defined, had its rows been read; they go away when deals.csv is fixed:\n        3  activities.csv: refers to a missing deal (lines 5, 9, 13)\nBy rule:\n');
    expect(stdout).not.toMatch(/activities\.csv:\d/);
    const kpis = run('kpis', '--data', dir, '--period', '2026-10');
    expect(kpis.code).toBe(1);
    expect(kpis.stderr).toContain('2 problems found in the data:');
    expect(kpis.stderr).toContain('        3  activities.csv: refers to a missing deal (lines 5, 9, 13)');
  });
});
