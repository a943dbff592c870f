import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './writeFileAtomic.ts';

const temp = mkdtempSync(join(tmpdir(), 'keepscore-atomic-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('creates the folder, writes the file and leaves no temp file', async () => {
    const path = join(temp, 'reports', '2026-10.json');
    await writeFileAtomic(path, '{"a":1}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"a":1}\n');
    expect(readdirSync(join(temp, 'reports'))).toEqual(['2026-10.json']);
  });
  it('replaces an existing file whole', async () => {
    const path = join(temp, 'x.json');
    writeFileSync(path, 'old and longer than the new text');
    await writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(temp).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
  it('cleans up its temp file when the rename fails', async () => {
    const target = join(temp, 'a-folder');
    await writeFileAtomic(join(target, 'inner'), 'x');
    await expect(writeFileAtomic(target, 'cannot replace a folder')).rejects.toThrow();
    expect(readdirSync(temp).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
