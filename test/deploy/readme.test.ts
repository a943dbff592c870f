/**
 * The README as the front door: the two quick-start commands first and
 * exactly as CI runs them, the dashboard screenshot small and present, and
 * one settings table that names every variable the code and the workflows
 * read (so a new setting cannot go undocumented).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './workflow.ts';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Source files (not tests) under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|astro)$/.test(e.name) && !e.name.includes('.test.'))
    .map((e) => join(e.parentPath, e.name));
}

describe('README.md', () => {
  it('starts with the two quick-start commands, as .ci/run runs them', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1];
    expect(firstBlock.split('\n').filter(Boolean).map((line) => line.replace(/\s+#.*$/, ''))).toEqual(['npm ci && npm run build', 'npm test']);
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('## The KPIs'));
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci && npm run build$/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  it('shows the dashboard: docs/dashboard.png, a PNG under 200 KB', () => {
    expect(readme).toContain('](docs/dashboard.png)');
    const png = readFileSync(join(ROOT, 'docs/dashboard.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(statSync(join(ROOT, 'docs/dashboard.png')).size).toBeLessThan(200 * 1024);
  });

  it('has one settings table naming every variable the code and the workflows read', () => {
    const section = readme.slice(readme.indexOf('## Settings'), readme.indexOf('\n## ', readme.indexOf('## Settings') + 1));
    const rows = section.split('\n').filter((line) => line.startsWith('| `'));
    const code = [...sources('src'), ...sources('functions'), join(ROOT, 'astro.config.mjs')].map((f) => readFileSync(f, 'utf8')).join('\n');
    const workflows = ['site.yml', 'monthly.yml'].map((f) => readFileSync(join(ROOT, '.github/workflows', f), 'utf8')).join('\n');
    const names = new Set([
      ...code.match(/KEEPSCORE_[A-Z_]+/g)!,
      ...[...workflows.matchAll(/secrets\.([A-Z_]+)/g)].map((m) => m[1]),
      'HOST', 'PORT',
    ]);
    for (const name of names) expect(rows.filter((row) => row.includes(`\`${name}\``)), name).toHaveLength(1);
    // Nowhere else is a table of them: one place to look.
    const otherRows = readme.replace(section, '').split('\n').filter((line) => line.startsWith('|') && line.includes('`KEEPSCORE_UPLOAD_TOKEN`'));
    expect(otherRows).toEqual([]);
  });
});
