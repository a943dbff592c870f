/** How tests run the project as a user does: the real `astro build` and the CLI commands, on the project's Node 24. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/** Runs `astro build --outDir outDir` on `dataDir` (in the environment `env`); returns the exit code, the output and the wall time. */
export function buildSite(dataDir: string, outDir: string, env: NodeJS.ProcessEnv = process.env): { code: number | null; output: string; seconds: number } {
  const started = performance.now();
  // The astro bin's shebang would pick the system Node (20), which astro refuses.
  const result = spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'node_modules/.bin/astro'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...env, KEEPSCORE_DATA: dataDir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    timeout: 170_000,
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}`, seconds: (performance.now() - started) / 1000 };
}

/** Runs a CLI command (`src/cli/<name>.ts`) on the project's Node; stdout as text. */
export function runCli(name: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, `src/cli/${name}.ts`), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
