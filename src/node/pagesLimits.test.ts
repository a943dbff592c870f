import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGES_LIMITS, pagesLimits } from './pagesLimits.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('pagesLimits', () => {
  it('counts pages, files and bytes in nested folders, and names the largest file', () => {
    dir = mkdtempSync(join(tmpdir(), 'keepscore-limits-'));
    mkdirSync(join(dir, 'reps/ann'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), 'x'.repeat(10));
    writeFileSync(join(dir, 'reps/ann/index.html'), 'x'.repeat(30));
    writeFileSync(join(dir, 'site.css'), 'x'.repeat(5));
    expect(pagesLimits(dir)).toEqual({ files: 3, pages: 2, bytes: 45, largest: { path: 'reps/ann/index.html', bytes: 30 }, problems: [] });
  });

  it('says which limit a folder breaks: a file over 25 MiB, more files than a deployment holds', () => {
    dir = mkdtempSync(join(tmpdir(), 'keepscore-limits-'));
    writeFileSync(join(dir, 'big.csv'), '');
    truncateSync(join(dir, 'big.csv'), PAGES_LIMITS.fileBytes + 1); // sparse: no 25 MiB written
    writeFileSync(join(dir, 'fits.csv'), '');
    truncateSync(join(dir, 'fits.csv'), PAGES_LIMITS.fileBytes);
    expect(pagesLimits(dir).problems).toEqual(['over 25 MiB: big.csv']);
    for (let i = 0; i < 3; i++) writeFileSync(join(dir, `${i}.html`), '');
    expect(pagesLimits(dir, { ...PAGES_LIMITS, files: 4 }).problems).toEqual(['5 files, over the 4 a deployment may hold', 'over 25 MiB: big.csv']);
    expect(pagesLimits(dir, { ...PAGES_LIMITS, files: 5 }).problems).toEqual(['over 25 MiB: big.csv']);
  });
});
