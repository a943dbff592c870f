/**
 * Why a build failed, as the public status may say it: what failed and
 * where (file, line, rule), never a value of the data and never a path of
 * this machine. The build's own output holds both (cells, stack traces), so
 * it goes to the server log, and the status is worked out afresh from the
 * data folder, which says it structurally: the loader's first problem, a
 * broken frozen report, or else the page that was being rendered.
 */
import { basename } from 'node:path';
import { loadDataset } from './loadDataset.ts';
import { SnapshotError } from '../core/report/snapshotFile.ts';
import { firstProblem } from '../core/upload/responses.ts';
import { loadSnapshots } from './readSnapshots.ts';

/** The first project source file the output names (`src/pages/reps/[slug].astro`), a scan for the one prefix. */
function sourceFile(output: string): string | null {
  const at = output.indexOf('src/pages/');
  if (at < 0) return null;
  let end = at;
  while (end < output.length && /[\w./[\]-]/.test(output[end])) end++;
  const file = output.slice(at, end);
  return file.endsWith('.astro') || file.endsWith('.ts') ? file : null;
}

export async function buildFault(output: string, code: number | null, dataDir: string): Promise<string> {
  const loaded = await loadDataset(dataDir).catch(() => null);
  if (loaded && loaded.problems.total > 0) {
    const { total, kept } = loaded.problems;
    return `the data has ${total} problem${total === 1 ? '' : 's'}; the first: ${firstProblem(kept, 1)}`;
  }
  try {
    await loadSnapshots(dataDir);
  } catch (error) {
    if (error instanceof SnapshotError) return `the frozen report reports/${basename(error.file)} is broken; fix it or delete it`;
  }
  const where = sourceFile(output);
  const how = code === null ? 'was stopped' : `exited with ${code}`;
  return `the build ${how}${where ? ` rendering ${where}` : ''}; the server log has its output`;
}
