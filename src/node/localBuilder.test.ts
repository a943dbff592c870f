/**
 * A failed build as /api/status shows it: what failed and where, never a
 * value of the data or a path of this machine; the whole output goes to the
 * log. Real child processes stand in for `astro build` (they print what a
 * failing build prints) over real data folders.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalBuilder } from './localBuilder.ts';

const dir = mkdtempSync(join(tmpdir(), 'keepscore-builder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIXTURE = join(import.meta.dirname, '../../test/fixtures/tiny');

/** A build that prints `text` to stderr and exits 1. */
function failing(text: string): string[] {
  const script = join(dir, `fail-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(script, `process.stderr.write(${JSON.stringify(text)}); process.exit(1);\n`);
  return [process.execPath, script];
}

async function failedBuild(name: string, output: string, prepare: (data: string) => void = () => {}) {
  const data = join(dir, name);
  cpSync(FIXTURE, data, { recursive: true });
  prepare(data);
  const logged: string[] = [];
  const builder = new LocalBuilder({ root: dir, dataDir: data, distDir: join(dir, `${name}-dist`), command: failing(output), log: (line) => logged.push(line) });
  const build = await builder.buildNow('v1');
  return { build, log: logged.join('\n') };
}

describe('a failed build in the status', () => {
  it('names the page being rendered, not the values or paths in its output', { timeout: 60_000 }, async () => {
    const output = `[ERROR] Operator not defined: SECRET-OWNER-NAME\n    at render (${dir}/node_modules/vega/build/vega.js:12)\n  Failed to render src/pages/reps/[slug].astro\n`;
    const { build, log } = await failedBuild('render', output);
    expect(build).toMatchObject({ state: 'failed', error: 'the build exited with 1 rendering src/pages/reps/[slug].astro; the server log has its output' });
    expect(JSON.stringify(build)).not.toMatch(/SECRET|\/tmp|node_modules/);
    expect(log).toContain('SECRET-OWNER-NAME');
    expect(log).toContain(`${dir}/node_modules`);
  });

  it('gives the data\'s first problem by file, line and rule', { timeout: 60_000 }, async () => {
    const { build } = await failedBuild('data', '3 problems found in the data:\n  deals.csv:4 amount "SECRET-AMOUNT": not a non-negative amount\n', (data) => {
      writeFileSync(join(data, 'quotas.csv'), 'owner,period,amount\nSECRET-REP,2026-13,5\n');
    });
    expect(build.error).toBe('the data has 1 problem; the first: quotas.csv:2 period: not a month or quarter');
  });

  it('names a broken frozen report', { timeout: 60_000 }, async () => {
    const { build } = await failedBuild('snapshot', `Broken snapshot ${dir}/x/reports/2026-09.json: not JSON (SECRET)`, (data) => {
      mkdirSync(join(data, 'reports'));
      writeFileSync(join(data, 'reports', '2026-09.json'), '{ "SECRET": ');
    });
    expect(build.error).toBe('the frozen report reports/2026-09.json is broken; fix it or delete it');
  });
});

describe('leftovers of killed builds', () => {
  it('removes dist.next-* and dist.old-* beside dist/, and nothing else', async () => {
    const site = join(dir, 'left');
    for (const name of ['dist', 'dist.next-build-1f2e3d4c', 'dist.old-build-99aa', 'dist-notes', 'distance']) mkdirSync(join(site, name, 'x'), { recursive: true });
    const builder = new LocalBuilder({ root: dir, dataDir: join(dir, 'none'), distDir: join(site, 'dist') });
    expect((await builder.cleanUp()).sort()).toEqual(['dist.next-build-1f2e3d4c', 'dist.old-build-99aa']);
    expect(readdirSync(site).sort()).toEqual(['dist', 'dist-notes', 'distance']);
  });
});

describe('a build that cannot be put in place', () => {
  it('is failed in the status, not left running, and the old site stays', { timeout: 60_000 }, async () => {
    const site = join(dir, 'swap');
    mkdirSync(join(site, 'dist'), { recursive: true });
    writeFileSync(join(site, 'dist', 'index.html'), 'old');
    const script = join(dir, 'build-ok.mjs');
    writeFileSync(script, "import { mkdirSync, writeFileSync } from 'node:fs'; const out = process.argv[process.argv.indexOf('--outDir') + 1]; mkdirSync(out, { recursive: true }); writeFileSync(out + '/index.html', 'new');\n");
    const logged: string[] = [];
    const builder = new LocalBuilder({
      root: dir, dataDir: join(dir, 'none'), distDir: join(site, 'dist'), command: [process.execPath, script], log: (line) => logged.push(line),
      swap: async () => {
        throw Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${site}'`), { code: 'EXDEV' });
      },
    });
    const build = await builder.buildNow('v1');
    expect(build).toMatchObject({ state: 'failed', error: 'the new site could not replace the old one (EXDEV)' });
    expect(readFileSync(join(site, 'dist', 'index.html'), 'utf8')).toBe('old');
    expect(readdirSync(site)).toEqual(['dist']);
    expect(logged.join('\n')).toContain('EXDEV');
  });
});

