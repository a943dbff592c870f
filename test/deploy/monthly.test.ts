/**
 * The monthly job's own steps (.github/workflows/monthly.yml), run locally
 * against a temp copy of the tiny fixture kept in its own git repository
 * with a bare "origin": pick the month, validate, freeze, commit and push,
 * build, deploy (skipped without secrets). A second run of the same month
 * changes no byte and commits nothing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotFolder } from '../upload/helpers.ts';
import { runCli } from '../astroBuild.ts';
import { ROOT, WorkflowRun } from './workflow.ts';

/** A whole month of the tiny fixture (as of late November 2026), not frozen yet. */
const PERIOD = '2026-09';

mkdirSync(join(ROOT, '.cache'), { recursive: true });
const temp = mkdtempSync(join(ROOT, '.cache', 'monthly-'));
const data = join(temp, 'data');
const origin = join(temp, 'origin.git');
const dist = join(temp, 'dist');
const git = (...args: string[]) => execFileSync('git', ['-C', data, '-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { encoding: 'utf8' }).trim();
const env = { KEEPSCORE_DATA: data, KEEPSCORE_DIST: dist };

/** The data folder's files, byte for byte, without git's own. */
function dataFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshotFolder(data)).filter(([path]) => !path.startsWith('.git/')));
}

beforeAll(() => {
  cpSync(join(ROOT, 'test/fixtures/tiny'), data, { recursive: true });
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'sample data');
  git('remote', 'add', 'origin', origin);
  git('push', '-q', '-u', 'origin', 'main');
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('monthly.yml, step by step', () => {
  it('picks the month before this one (UTC) when no period is given, and refuses a month not over', () => {
    const now = new Date();
    const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const run = new WorkflowRun('monthly.yml', 'freeze', { inputs: { period: '' }, env });
    expect(run.step('month').outputs.period).toBe(previous);
    run.close();
    for (const period of ['2999-01', now.toISOString().slice(0, 7), '2026-13', 'last']) {
      const bad = new WorkflowRun('monthly.yml', 'freeze', { inputs: { period }, env });
      const result = bad.step('month');
      bad.close();
      expect(result.code, period).toBe(2);
      expect(result.stdout).toMatch(/^::error title=(Not a month|Month not over)::/m);
    }
  });

  it('freezes the month, commits and pushes it; a second run changes no byte and commits nothing; the build shows it frozen', { timeout: 240_000 }, () => {
    const first = new WorkflowRun('monthly.yml', 'freeze', { inputs: { period: PERIOD }, env });
    expect(first.step('month').outputs.period).toBe(PERIOD);
    const validate = first.step('validate');
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    const freeze = first.step('freeze');
    expect(freeze.code, freeze.stdout + freeze.stderr).toBe(0);
    expect(freeze.summary).toContain(`Froze ${PERIOD}`);
    // The snapshot is exactly what `kpis` prints for the month, with its spec version first.
    const kpis = runCli('kpis', '--data', data, '--period', PERIOD);
    expect(readFileSync(join(data, 'reports', `${PERIOD}.json`), 'utf8')).toBe(kpis.stdout.replace(/^\{\n/, '{\n  "spec": 2,\n'));
    const commit = first.step('commit');
    expect(commit.code, commit.stdout + commit.stderr).toBe(0);
    expect(commit.outputs.committed).toBe('true');
    first.close();
    const head = git('rev-parse', 'HEAD');
    expect(git('log', '-1', '--format=%s')).toBe(`Freeze the ${PERIOD} report`);
    expect(execFileSync('git', ['-C', origin, 'rev-parse', 'main'], { encoding: 'utf8' }).trim()).toBe(head);
    expect(git('status', '--porcelain')).toBe('');
    const files = dataFiles();

    const second = new WorkflowRun('monthly.yml', 'freeze', { inputs: { period: PERIOD }, env });
    for (const id of ['month', 'validate', 'freeze', 'commit']) expect(second.step(id).code, id).toBe(0);
    expect(second.outputs.freeze).toEqual({});
    expect(second.outputs.commit.committed).toBe('false');
    expect(dataFiles()).toEqual(files);
    expect(git('rev-parse', 'HEAD')).toBe(head);
    expect(execFileSync('git', ['-C', origin, 'rev-parse', 'main'], { encoding: 'utf8' }).trim()).toBe(head);

    const build = second.step('build');
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const page = readFileSync(join(dist, 'reports', PERIOD, 'index.html'), 'utf8');
    expect(page).toContain('class="report-status frozen"');
    expect(page).toContain(`data/reports/${PERIOD}.json`);
    expect(page).toContain('Computed with KPI-SPEC v2: overdue deals are not pipeline.');
    expect(existsSync(join(dist, '_headers'))).toBe(true);

    const deploy = second.step('deploy');
    second.close();
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).toMatch(/^::warning title=Not deployed::Add the CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID/m);
  });
});
