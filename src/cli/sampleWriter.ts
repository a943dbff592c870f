/**
 * Streams the generated sample into a folder: one write stream per file,
 * rows batched into chunks, backpressure respected, and every file written to
 * a temp file in the same folder and renamed into place (atomic per file), so
 * a reader never sees half a file. Used by `npm run sample` and the benchmark.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { csvLine } from '../core/sample/sampleCsv.ts';
import {
  generateConfig, generateRows, SAMPLE_FILES, SAMPLE_HEADERS,
  type SampleFile, type SampleOptions,
} from '../core/sample/generate.ts';

/** What was written for one file. `rows` excludes the header line. */
export interface WrittenFile {
  file: string;
  path: string;
  rows: number;
  bytes: number;
}

/** Bytes gathered per file before a write: few syscalls, bounded memory. */
const CHUNK_CHARS = 1 << 16;
const CONFIG_FILE = 'keepscore.config.json';

interface Output {
  file: SampleFile;
  final: string;
  temp: string;
  stream: WriteStream;
  pending: string;
  rows: number;
  bytes: number;
  /** The stream's first error, kept so it is thrown on the next write, not lost. */
  error: Error | null;
}

/**
 * Generates the sample for `opts` into `dir` (created if missing) and returns
 * one summary per file, CSVs first, then the config. Existing files of the
 * same names are replaced; other files in `dir` are left alone. Throws
 * RangeError on bad options (before touching the disk) and the fs error on a
 * write failure, after removing its temp files.
 */
export async function writeSample(dir: string, opts: SampleOptions): Promise<WrittenFile[]> {
  const config = generateConfig(opts); // validates opts before any fs work
  await mkdir(dir, { recursive: true });
  const tag = `.${process.pid}-${Date.now()}.tmp`; // *.tmp is git-ignored
  const outputs = new Map<SampleFile, Output>();
  for (const file of SAMPLE_FILES) {
    const final = path.join(dir, file);
    const temp = path.join(dir, `.${file}${tag}`);
    const header = csvLine(SAMPLE_HEADERS[file]);
    const output: Output = { file, final, temp, stream: createWriteStream(temp), pending: header, rows: 0, bytes: 0, error: null };
    output.stream.on('error', (error) => { output.error ??= error; });
    outputs.set(file, output);
  }
  const configTemp = path.join(dir, `.${CONFIG_FILE}${tag}`);
  try {
    for (const { file, row } of generateRows(opts)) {
      const output = outputs.get(file) as Output;
      output.pending += csvLine(row);
      output.rows++;
      if (output.pending.length >= CHUNK_CHARS) await flush(output);
    }
    for (const output of outputs.values()) {
      await flush(output);
      output.stream.end();
      await finished(output.stream);
    }
    const configText = `${JSON.stringify(config, null, 2)}\n`;
    await writeFile(configTemp, configText);
    for (const output of outputs.values()) await rename(output.temp, output.final);
    await rename(configTemp, path.join(dir, CONFIG_FILE));
    const written: WrittenFile[] = [...outputs.values()].map(({ file, final, rows, bytes }) => ({ file, path: final, rows, bytes }));
    written.push({ file: CONFIG_FILE, path: path.join(dir, CONFIG_FILE), rows: 1, bytes: Buffer.byteLength(configText) });
    return written;
  } catch (error) {
    for (const output of outputs.values()) output.stream.destroy();
    await Promise.all([...outputs.values()].map((o) => rm(o.temp, { force: true })));
    await rm(configTemp, { force: true });
    throw error;
  }
}

/** Writes the pending text; waits for 'drain' when the stream's buffer is full. */
async function flush(output: Output): Promise<void> {
  if (output.error) throw output.error;
  if (!output.pending) return;
  const chunk = output.pending;
  output.pending = '';
  output.bytes += Buffer.byteLength(chunk);
  if (!output.stream.write(chunk)) {
    // Rejects when the stream errors first, instead of waiting forever.
    await once(output.stream, 'drain');
  }
}
