/**
 * `npm run bench -- --site`: the whole site built with the real `astro build`
 * on the sample and on the bench data, each build a fresh child process so
 * its peak RSS is its own; prints pages, files, the largest file, seconds and
 * peak RSS (medians), and whether the output fits Cloudflare Pages' limits.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pagesLimits, type DistSummary } from '../node/pagesLimits.ts';
import { median } from './median.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RSS_PRELOAD = join(ROOT, 'src/cli/reportPeakRss.ts');

interface SiteRun extends DistSummary {
  seconds: number;
  peakRssMb: number;
}

/** One `astro build` of `dataDir` into a temporary folder, measured. */
function buildOnce(dataDir: string): SiteRun {
  const temp = mkdtempSync(join(tmpdir(), 'keepscore-bench-site-'));
  const rssFile = join(temp, 'rss');
  const outDir = join(temp, 'dist');
  const started = performance.now();
  // The astro bin's shebang would pick the system Node; the preload writes the process's peak RSS on exit.
  const result = spawnSync(process.execPath, ['--import', RSS_PRELOAD, join(ROOT, 'node_modules/.bin/astro'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, KEEPSCORE_DATA: dataDir, KEEPSCORE_PEAK_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  const seconds = (performance.now() - started) / 1000;
  try {
    if (result.status !== 0) throw new Error(`astro build of ${dataDir} failed:\n${result.stdout}\n${result.stderr}`);
    return { seconds, peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024, ...pagesLimits(outDir) };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}


/** Builds each folder `runs` times; one line per folder, with the targets beside. False when a build breaks Cloudflare Pages' limits. */
export function benchSite(folders: { name: string; dir: string; targetSeconds: number; targetRssMb: number }[], runs: number, say: (line: string) => void): boolean {
  let fits = true;
  for (const folder of folders) {
    const results: SiteRun[] = [];
    for (let i = 0; i < runs; i++) {
      results.push(buildOnce(folder.dir));
      say(`  ${folder.name} build ${i + 1}/${runs}: ${results[i].seconds.toFixed(1)} s, peak RSS ${results[i].peakRssMb.toFixed(0)} MB`);
    }
    const last = results[results.length - 1];
    const seconds = median(results.map((r) => r.seconds));
    const rss = median(results.map((r) => r.peakRssMb));
    say([
      `${folder.name} (${folder.dir}): ${last.pages} pages, ${last.files} files, ${(last.bytes / 1e6).toFixed(1)} MB, largest ${(last.largest.bytes / 1e6).toFixed(2)} MB (${last.largest.path})`,
      `  build ${seconds.toFixed(1)} s (target < ${folder.targetSeconds} s), peak RSS ${rss.toFixed(0)} MB (target < ${folder.targetRssMb} MB); medians of ${runs}`,
      `  Cloudflare Pages limits: ${last.problems.length === 0 ? 'within (20,000 files, 25 MiB a file)' : `BROKEN: ${last.problems.join('; ')}`}`,
    ].join('\n'));
    fits &&= last.problems.length === 0;
  }
  return fits;
}
