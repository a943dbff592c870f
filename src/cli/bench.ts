/**
 * `npm run bench [-- --runs 5 --dir .cache/bench]`: times load + validate +
 * every KPI for every rep, team and month on 100,000 deals and 1,000,000
 * activities, next to a bare streaming papaparse parse of the same files.
 * Each run is a fresh child process so its peak RSS is its own. Each run
 * also measures its user CPU time (every thread of the child, the loader's
 * worker included), which a busy machine inflates far less than wall time.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { loadDataset } from '../node/loadDataset.ts';
import { problemText } from '../site/present/problemLines.ts';
import { happenedSpan } from '../core/kpi/facts.ts';
import { periodsBetween } from '../core/kpi/periods.ts';
import { kpiEngine } from '../core/kpi/report.ts';
import { BENCH_DEFAULTS } from '../core/sample/generate.ts';
import { runCommand, UserError } from './run.ts';
import { benchSite } from './benchSite.ts';
import { writeSample } from './sampleWriter.ts';
import { median } from './median.ts';

interface RunResult { ms: number; cpuMs: number; rows: number; bytes: number; peakRssMb: number; parts?: Record<string, number> }

const BENCH_AS_OF = '2026-10-31';

async function csvFiles(dir: string): Promise<{ path: string; bytes: number }[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.csv')).sort();
  return Promise.all(names.map(async (n) => ({ path: join(dir, n), bytes: (await stat(join(dir, n))).size })));
}

/** The baseline: papaparse over the same streams, counting rows and nothing else. */
/** User CPU time of this process so far, every thread included, in ms. */
const cpuNow = () => process.cpuUsage().user / 1000;

async function bare(dir: string): Promise<Omit<RunResult, 'peakRssMb'>> {
  const files = await csvFiles(dir);
  const start = performance.now();
  const cpu = cpuNow();
  let rows = 0;
  for (const file of files) {
    await new Promise<void>((resolve, reject) => {
      Papa.parse<string[]>(createReadStream(file.path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as never, {
        delimitersToGuess: [',', ';', '\t', '|'],
        chunk: (r) => void (rows += r.data.length),
        complete: () => resolve(),
        error: reject,
      });
    });
  }
  return { ms: performance.now() - start, cpuMs: cpuNow() - cpu, rows, bytes: files.reduce((s, f) => s + f.bytes, 0) };
}

/** The whole path: load + validate, the shared index, every KPI of every scope for every month. */
async function full(dir: string): Promise<Omit<RunResult, 'peakRssMb'>> {
  const files = await csvFiles(dir);
  const t0 = performance.now();
  const c0 = cpuNow();
  const { dataset, problems } = await loadDataset(dir);
  if (problems.total > 0) throw new UserError(problemText(problems));
  const [t1, c1] = [performance.now(), cpuNow()];
  const engine = kpiEngine(dataset);
  const [t2, c2] = [performance.now(), cpuNow()];
  const months = periodsBetween('month', happenedSpan(dataset)!.first, engine.facts.asOf);
  let scopes = 0;
  for (const month of months) {
    const report = engine.report(month);
    scopes += 1 + Object.keys(report.teams).length + Object.keys(report.reps).length;
  }
  const [t3, c3] = [performance.now(), cpuNow()];
  const rows = dataset.files.reduce((s, f) => s + f.rows, 0);
  return {
    ms: t3 - t0,
    cpuMs: c3 - c0,
    rows,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    parts: { loadMs: t1 - t0, indexMs: t2 - t1, kpisMs: t3 - t2, loadCpu: c1 - c0, indexCpu: c2 - c1, kpisCpu: c3 - c2, months: months.length, scopeMonths: scopes },
  };
}

function child(kind: 'bare' | 'full', dir: string): RunResult {
  const out = execFileSync(process.execPath, [process.argv[1], '--child', kind, '--dir', dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as RunResult;
}


const USAGE = 'npm run bench [-- --runs 5 --dir .cache/bench --part load|site]';

await runCommand(USAGE, {
  runs: { type: 'string', default: '5' },
  dir: { type: 'string', default: '.cache/bench' },
  part: { type: 'string' },
  child: { type: 'string' },
}, async (flags) => {
  const dir = flags.dir;
  if (flags.child === 'bare' || flags.child === 'full') {
    const result = await (flags.child === 'bare' ? bare(dir) : full(dir));
    process.stdout.write(JSON.stringify({ ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
    return;
  }
  const runs = Number(flags.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new UserError('--runs must be a positive whole number.', 2);
  if (flags.part !== undefined && flags.part !== 'load' && flags.part !== 'site') throw new UserError(`--part is load or site, not ${flags.part}.\nUsage: ${USAGE}`, 2);
  const ready = await stat(join(dir, 'activities.csv')).then(() => true, () => false);
  if (!ready) {
    process.stdout.write(`Generating the benchmark data into ${dir} (once)...\n`);
    await writeSample(dir, { ...BENCH_DEFAULTS, asOf: BENCH_AS_OF });
  }
  if (flags.part !== 'site') benchLoad(dir, runs);
  if (flags.part !== 'load') {
    process.stdout.write('The whole site, built by astro build (issue 14: < 30 s for the sample, < 120 s and < 2 GB for the bench data):\n');
    const fits = benchSite([
      { name: 'sample', dir: 'data', targetSeconds: 30, targetRssMb: 2048 },
      { name: 'bench data', dir, targetSeconds: 120, targetRssMb: 2048 },
    ], runs, (line) => process.stdout.write(`${line}\n`));
    // A site Cloudflare Pages would refuse is a failure, not a figure.
    if (!fits) return 1;
  }
});

/** Load + KPIs against the bare parse, `runs` times each, alternating. */
function benchLoad(dir: string, runs: number): void {
  const results = { bare: [] as RunResult[], full: [] as RunResult[] };
  for (let i = 0; i < runs; i++) {
    // Alternate the order so neither side always gets the warmer page cache.
    for (const kind of i % 2 ? (['full', 'bare'] as const) : (['bare', 'full'] as const)) results[kind].push(child(kind, dir));
    process.stdout.write(`run ${i + 1}/${runs}: bare ${results.bare[i].ms.toFixed(0)} ms (CPU ${results.bare[i].cpuMs.toFixed(0)}), full ${results.full[i].ms.toFixed(0)} ms (CPU ${results.full[i].cpuMs.toFixed(0)})\n`);
  }
  const { rows, bytes } = results.full[0];
  const line = (name: string, rs: RunResult[]) => {
    const ms = median(rs.map((r) => r.ms));
    return `${name.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms  (CPU ${median(rs.map((r) => r.cpuMs)).toFixed(0).padStart(6)} ms)  ${((rows / ms) * 1000).toFixed(0).padStart(9)} rows/s  ${(bytes / 1e6 / (ms / 1000)).toFixed(1).padStart(6)} MB/s  peak RSS ${median(rs.map((r) => r.peakRssMb)).toFixed(0)} MB`;
  };
  const ratio = (key: 'ms' | 'cpuMs') => (median(results.full.map((r) => r[key])) / median(results.bare.map((r) => r[key]))).toFixed(2);
  const part = (key: string) => median(results.full.map((r) => r.parts![key])).toFixed(0);
  process.stdout.write([
    '',
    `Data: ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(1)} MB of CSV in ${dir}; medians of ${runs} runs; CPU = user CPU time of the child, every thread`,
    line('bare papaparse stream', results.bare),
    line('load + validate + all KPIs', results.full),
    `  of which: load+validate ${part('loadMs')} ms (CPU ${part('loadCpu')}), index ${part('indexMs')} ms (CPU ${part('indexCpu')}), KPIs ${part('kpisMs')} ms (CPU ${part('kpisCpu')}) (${part('scopeMonths')} scope-months)`,
    `Ratio full / bare: ${ratio('ms')}x wall, ${ratio('cpuMs')}x CPU (target <= 2.5x); peak RSS target < 1024 MB`,
    '',
  ].join('\n'));
}
