/**
 * `npm run snapshot` as a user runs it: a real process on the project's Node
 * over a copy of the fixture; the frozen file, idempotence and refusals.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURE = join(ROOT, 'test/fixtures/tiny');
const temp = mkdtempSync(join(tmpdir(), 'keepscore-snapshot-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(command: 'snapshot' | 'kpis', ...args: string[]) {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, `src/cli/${command}.ts`), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function copy(): string {
  const dir = mkdtempSync(join(temp, 'data-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('snapshot', () => {
  it('freezes the byte-exact kpis JSON, then leaves an identical snapshot untouched', () => {
    const dir = copy();
    const first = run('snapshot', '--data', dir, '--period', '2026-09');
    expect(first.code, first.stderr).toBe(0);
    const file = join(dir, 'reports', '2026-09.json');
    expect(first.stdout).toBe(`Froze 2026-09 as of 2026-10-25 in ${file}.\n`);
    const frozen = readFileSync(file, 'utf8');
    // What `kpis` prints, with the spec version it was computed under as the first key (KPI-SPEC v2).
    expect(frozen).toBe(run('kpis', '--data', dir, '--period', '2026-09').stdout.replace(/^\{\n/, '{\n  "spec": 2,\n'));
    expect(JSON.parse(frozen).asOf).toBe('2026-10-25');

    const past = new Date('2026-01-01T00:00:00Z');
    utimesSync(file, past, past);
    const again = run('snapshot', '--data', dir, '--period', '2026-09');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already holds this snapshot (as of 2026-10-25); unchanged');
    expect(readFileSync(file, 'utf8')).toBe(frozen);
    expect(statSync(file).mtime).toEqual(past);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['2026-09.json']);
  });

  it('says when the month is not over, and refuses to replace a different snapshot without --force', () => {
    const dir = copy();
    const file = join(dir, 'reports', '2026-10.json');
    expect(run('snapshot', '--data', dir, '--period', '2026-10').stdout).toContain('2026-10 is not over yet');
    const frozen = readFileSync(file, 'utf8');
    const later = run('snapshot', '--data', dir, '--period', '2026-10', '--as-of', '2026-10-31');
    expect(later.code).toBe(1);
    expect(later.stderr).toMatch(/already holds a snapshot as of 2026-10-25 \(KPI-SPEC v2\).*pass --force/);
    expect(readFileSync(file, 'utf8')).toBe(frozen);
    const forced = run('snapshot', '--data', dir, '--period', '2026-10', '--as-of', '2026-10-31', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/^Replaced 2026-10 as of 2026-10-31/);
    expect(JSON.parse(readFileSync(file, 'utf8')).asOf).toBe('2026-10-31');
  });

  it.each([
    [['--period', '2026-Q4'], /"2026-Q4" is not a month/],
    [['--period', '2026'], /"2026" is not a month/],
    [['--period', '2026-10', '--as-of', 'yesterday'], /not a date/],
    [[], /--period is required/],
  ])('exits 2 on bad arguments %#', (args, message) => {
    const dir = copy();
    const { code, stdout, stderr } = run('snapshot', '--data', dir, ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 1 for a month that has not started and for a missing folder', () => {
    const future = run('snapshot', '--data', copy(), '--period', '2026-12');
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(/2026-12 has not started as of 2026-10-25/);
    const missing = run('snapshot', '--data', join(temp, 'nowhere'), '--period', '2026-10');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No data folder/);
  });
});
