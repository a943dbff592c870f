/**
 * One text reader on every path: files on disk streamed in chunks (the
 * build, `validate`, `kpis`), in-memory bytes, and uploads (`csvText`). The
 * Windows-1252 Data Export fixture and files built here put the first odd
 * byte, and a UTF-8 character, right across a chunk boundary.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset, type DataSource } from '../../src/core/ingest/dataset.ts';
import { CHUNK_BYTES } from '../../src/core/ingest/csvReader.ts';
import { directorySource, loadDataset } from '../../src/node/loadDataset.ts';
import { formatProblem } from '../../src/core/ingest/problems.ts';
import { textSource } from '../../src/core/ingest/textSource.ts';
import { csvText } from '../../src/core/upload/body.ts';
import { checkUpload } from '../../src/core/upload/checkUpload.ts';
import { ROOT, runCli } from '../astroBuild.ts';

const EXPORT = join(ROOT, 'test/fixtures/salesforce-data-export');
const HEADER = 'id,owner,stage,amount,created,close_date';
const CONFIG = JSON.stringify({ stages: [{ name: 'Calificación' }], wonStage: 'Cerrada ganada', lostStage: 'Cerrada perdida' });
const temp = mkdtempSync(join(tmpdir(), 'keepscore-encodings-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Windows-1252 bytes of Latin-1 text. */
const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** A folder on disk with these files. */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(temp, 'data-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** `count` deal rows in plain ASCII. */
function asciiRows(count: number): string {
  return Array.from({ length: count }, (_, i) => `D${i},Ann,Cerrada ganada,1,2023-01-02,2023-02-01\n`).join('');
}

describe('the text reader on files on disk', () => {
  it('reads the Windows-1252 export the same in 7-byte pieces as in the loader chunks', async () => {
    const disk = directorySource(EXPORT);
    const trickle: DataSource = {
      ...disk,
      async openCsv(name) {
        const stream = await disk.openCsv(name);
        if (stream === null) return null;
        return (async function* () {
          for await (const chunk of stream as AsyncIterable<Uint8Array>) for (let at = 0; at < chunk.length; at += 7) yield chunk.subarray(at, at + 7);
        })();
      },
    };
    const [whole, pieces] = await Promise.all([loadDataset(EXPORT), readDataset(trickle)]);
    expect(pieces.problems.total).toBe(0);
    expect(pieces.dataset.deals).toEqual(whole.dataset.deals);
    expect(pieces.dataset.stageHistory).toEqual(whole.dataset.stageHistory);
    expect(pieces.imports.map((r) => r.encoding)).toEqual(whole.imports.map((r) => r.encoding));
  });

  it('switches to Windows-1252 at a first odd byte past the first chunks, without reading twice', async () => {
    const rows = asciiRows(30_000); // about 1.4 MB of ASCII: the odd byte comes in the third chunk
    const line = 30_000 + 2;
    const bytes = latin1(`${HEADER}\n${rows}X1,Ann,Calificación,5,2023-01-02,2023-02-01\n`);
    expect(bytes.length).toBeGreaterThan(2 * CHUNK_BYTES);
    const dir = folder({ 'deals.csv': bytes, 'keepscore.config.json': CONFIG });
    const disk = directorySource(dir);
    const opened: string[] = [];
    const { dataset, problems, imports } = await readDataset({ ...disk, openCsv: (name) => (opened.push(name), disk.openCsv(name)) });
    expect(opened.filter((name) => name === 'deals.csv')).toHaveLength(1);
    expect(problems.kept.map(formatProblem)).toEqual([]);
    expect(dataset.deals).toHaveLength(30_001);
    expect(dataset.deals.at(-1)).toMatchObject({ id: 'X1', stage: 'Calificación', amount: 5 });
    // A canonical file reports only when it has something to say: here, its encoding.
    expect(imports.map((r) => [r.file, r.canonical, r.encoding])).toEqual([['deals.csv', true, `Windows-1252 (not valid UTF-8 from line ${line}, byte 0xF3)`]]);
  });

  it('keeps a UTF-8 character whole across a chunk boundary', async () => {
    const text = `${HEADER}\n${asciiRows(10_000)}`;
    // An owner name long enough that "ó" (C3 B3) of the stage starts on the first chunk's last byte.
    const owner = 'A'.repeat(CHUNK_BYTES - 1 - text.length - 'Y1,'.length - ',Calificaci'.length);
    const bytes = Buffer.from(`${text}Y1,${owner},Calificación,7,2023-01-02,2023-02-01\n`, 'utf8');
    expect([bytes[CHUNK_BYTES - 1], bytes[CHUNK_BYTES]]).toEqual([0xc3, 0xb3]);
    const { dataset, problems, imports } = await loadDataset(folder({ 'deals.csv': bytes, 'keepscore.config.json': CONFIG }));
    expect(problems.kept.map(formatProblem)).toEqual([]);
    expect(dataset.deals.at(-1)).toMatchObject({ id: 'Y1', stage: 'Calificación', amount: 7 });
    expect(imports).toEqual([]); // plain UTF-8, canonical columns: nothing to report
  });

  it('reads UTF-16 with its byte order mark, and a UTF-8 byte order mark', async () => {
    const csv = `${HEADER}\nZ1,Ann,Calificación,3,2023-01-02,2023-02-01\n`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    const le = await loadDataset(folder({ 'deals.csv': utf16, 'keepscore.config.json': CONFIG }));
    expect(le.dataset.deals.map((d) => d.stage)).toEqual(['Calificación']);
    expect(le.imports[0].encoding).toBe('UTF-16LE (byte order mark)');
    const bom = await loadDataset(folder({ 'deals.csv': `\uFEFF${csv}`, 'keepscore.config.json': `\uFEFF${CONFIG}` }));
    expect(bom.problems.total).toBe(0);
    expect(bom.dataset.deals.map((d) => d.stage)).toEqual(['Calificación']);
  });

  it('follows an encoding setting for what is not UTF-8, the source\'s over the config\'s, never over valid UTF-8', async () => {
    // UTF-8 first, then Windows-1252: auto refuses the mix (below); set to windows-1252, the rest is read as such.
    const mixed = Buffer.concat([Buffer.from(`${HEADER}\nW1,René,Cerrada ganada,3,2023-01-02,2023-02-01\n`), latin1('W2,Zoë,Cerrada ganada,3,2023-01-02,2023-02-01\n')]);
    const files = (config: object) => ({ 'deals.csv': mixed, 'keepscore.config.json': JSON.stringify({ ...JSON.parse(CONFIG), ...config }) });
    const set = await readDataset(textSource(files({ encoding: 'utf-8', sources: { deals: { file: 'deals.csv', encoding: 'latin1' } } })));
    expect(set.problems.kept.map(formatProblem)).toEqual([]);
    expect(set.dataset.deals.map((d) => d.owner)).toEqual(['René', 'Zoë']);
    expect(set.imports[0].encoding).toBe('Windows-1252 (set in keepscore.config.json; not valid UTF-8 from line 3, byte 0xEB)');
    const top = await readDataset(textSource(files({ encoding: 'cp1252' })));
    expect(top.dataset.deals.map((d) => d.owner)).toEqual(['René', 'Zoë']);
    // A valid UTF-8 file is UTF-8 whatever the setting.
    const utf8 = await readDataset(textSource({ 'deals.csv': Buffer.from(`${HEADER}\nW1,René,Cerrada ganada,3,2023-01-02,2023-02-01\n`), 'keepscore.config.json': JSON.stringify({ ...JSON.parse(CONFIG), encoding: 'windows-1252' }) }));
    expect(utf8.dataset.deals[0].owner).toBe('René');
  });

  it('stops at bytes that are no text, with the line', async () => {
    const mixed = Buffer.concat([Buffer.from(`${HEADER}\nV1,José,Calificación,1,2023-01-02,2023-02-01\n`), latin1('V2,Zoë,Calificación,1,2023-01-02,2023-02-01\n')]);
    const { problems } = await readDataset(textSource({ 'deals.csv': mixed, 'keepscore.config.json': CONFIG }));
    expect(problems.kept.map(formatProblem)).toEqual([
      'deals.csv:3: not UTF-8 text (byte 0xEB) although the lines before it are UTF-8: the file mixes encodings; save it as UTF-8, or set "encoding" on its source in keepscore.config.json',
    ]);
  });
});

describe('the text reader on the other paths', () => {
  it('kpis reads the Windows-1252 export (March 2023 won amount, counted by hand in salesforceExports.test.ts)', () => {
    const { code, stdout, stderr } = runCli('kpis', '--data', EXPORT, '--period', '2023-03');
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).team.winRate.wonAmount).toBe(121985);
  });

  it('an upload in Windows-1252 is accepted, and the stored UTF-8 file reads the same whatever encoding the config sets', async () => {
    const upload = latin1(`${HEADER}\nU1,Ann,Calificación,4,2023-01-02,2023-02-01\n`);
    const text = csvText(upload);
    const base = textSource({ 'keepscore.config.json': CONFIG });
    const checked = await checkUpload(base, 'deals', text, '2023-02-01', 'v1');
    expect('ok' in checked).toBe(true);
    // The stores write the text as UTF-8; read back as bytes, with a config that says Windows-1252.
    const stored = Buffer.from(text, 'utf8');
    const config = JSON.stringify({ ...JSON.parse(CONFIG), encoding: 'windows-1252' });
    const { dataset, problems } = await readDataset(textSource({ 'deals.csv': stored, 'keepscore.config.json': config }));
    expect(problems.total).toBe(0);
    expect(dataset.deals[0].stage).toBe('Calificación');
  });
});
