/**
 * Runs the `run:` steps of the shipped GitHub workflows locally, as the
 * runner would: `bash --noprofile --norc -eo pipefail` (the workflows'
 * `defaults.run.shell: bash`), the workflow's and job's `env` under the
 * step's, the `${{ }}` expressions of a step's env evaluated from the
 * inputs, secrets and earlier steps' outputs given here, GITHUB_OUTPUT,
 * GITHUB_ENV and GITHUB_STEP_SUMMARY as files, RUNNER_TEMP a temp folder.
 * `uses:` steps (checkout, setup-node) are the caller's business: the
 * project folder stands in for the checkout.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '../..');

interface Step { id?: string; name?: string; uses?: string; run?: string; env?: Record<string, string> }
interface Job { env?: Record<string, string>; steps: Step[] }
export interface Workflow { env?: Record<string, string>; jobs: Record<string, Job>; on: unknown; defaults?: { run?: { shell?: string } } }

export function readWorkflow(name: string): Workflow {
  return parse(readFileSync(join(ROOT, '.github/workflows', name), 'utf8')) as Workflow;
}

export interface StepResult { code: number | null; stdout: string; stderr: string; outputs: Record<string, string>; summary: string }

/** `name=value` lines of a GITHUB_OUTPUT / GITHUB_ENV file (the heredoc form is not used by these workflows). */
function keyValues(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

export class WorkflowRun {
  readonly outputs: Record<string, Record<string, string>> = {};
  private readonly dir = mkdtempSync(join(tmpdir(), 'keepscore-workflow-'));
  private readonly workflow: Workflow;
  private readonly job: Job;
  private readonly context: { inputs: Record<string, string>; secrets: Record<string, string>; env: Record<string, string> };
  private carried: Record<string, string> = {};

  constructor(file: string, job: string, context: { inputs?: Record<string, string>; secrets?: Record<string, string>; env?: Record<string, string> } = {}) {
    this.workflow = readWorkflow(file);
    this.job = this.workflow.jobs[job];
    this.context = { inputs: context.inputs ?? {}, secrets: context.secrets ?? {}, env: context.env ?? {} };
  }

  /** A `${{ }}` expression of a step's env; only the forms the workflows use, anything else throws. */
  private evaluate(value: string): string {
    return String(value).replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => {
      const [scope, ...path] = expression.split('.');
      if (scope === 'inputs' && path.length === 1) return this.context.inputs[path[0]] ?? '';
      if (scope === 'secrets' && path.length === 1) return this.context.secrets[path[0]] ?? '';
      if (scope === 'steps' && path.length === 3 && path[1] === 'outputs') return this.outputs[path[0]]?.[path[2]] ?? '';
      throw new Error(`the test runner does not evaluate \${{ ${expression} }}`);
    });
  }

  /** Runs the step with this id; its GITHUB_OUTPUT lines become `outputs[id]`, its GITHUB_ENV lines carry to later steps. */
  step(id: string): StepResult {
    const step = this.job.steps.find((s) => s.id === id);
    if (!step?.run) throw new Error(`no run step with id ${id}`);
    const files = { output: join(this.dir, `${id}.output`), env: join(this.dir, `${id}.env`), summary: join(this.dir, 'summary.md') };
    writeFileSync(files.output, '');
    writeFileSync(files.env, '');
    appendFileSync(files.summary, '');
    const before = readFileSync(files.summary, 'utf8').length;
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, this.evaluate(v)]));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 170_000,
      env: {
        ...process.env, GITHUB_REF_NAME: 'main', GITHUB_SHA: '0'.repeat(40),
        ...this.workflow.env, ...this.job.env, ...this.carried, ...this.context.env, ...stepEnv,
        GITHUB_OUTPUT: files.output, GITHUB_ENV: files.env, GITHUB_STEP_SUMMARY: files.summary, RUNNER_TEMP: this.dir,
      },
    });
    const outputs = keyValues(readFileSync(files.output, 'utf8'));
    this.outputs[id] = outputs;
    this.carried = { ...this.carried, ...keyValues(readFileSync(files.env, 'utf8')) };
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs, summary: readFileSync(files.summary, 'utf8').slice(before) };
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
