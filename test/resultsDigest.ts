/**
 * `node_modules/.bin/node test/resultsDigest.ts OUT.json DIR...`: everything the loader and the
 * engine give for each data folder — its problems as printed, import reports,
 * file summaries, as-of origin, the KPI JSON of every month, quarter, ISO
 * week and year up to as-of (as SHA-256 of the exact bytes `kpis` prints),
 * the deal lists of every scope and month (as SHA-256 of their JSON) —
 * written to OUT.json. Written before and after a change to the loader or the
 * index and compared with `--compare BEFORE.json AFTER.json`, it shows that
 * the change gave the same results on the sample, the fixtures and the bench data.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { isDeepStrictEqual } from 'node:util';
import { loadDataset } from '../src/node/loadDataset.ts';
import { dealLists } from '../src/core/deals/dealLists.ts';
import { formatProblem } from '../src/core/ingest/problems.ts';
import { asOfOrigin, closedAfterExport } from '../src/core/ingest/importWarnings.ts';
import { fileQuality } from '../src/core/quality/dataQuality.ts';
import { happenedSpan } from '../src/core/kpi/facts.ts';
import { kpiJson } from '../src/core/kpi/json.ts';
import { periodsBetween, type PeriodKind } from '../src/core/kpi/periods.ts';
import { kpiEngine, periodFacts, type KpiEngine } from '../src/core/kpi/report.ts';
import type { KpiReport } from '../src/core/schema/kpiReport.ts';
import { problemText } from '../src/site/present/problemLines.ts';

const KINDS: PeriodKind[] = ['month', 'quarter', 'week', 'year'];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Every scope's deal lists (the whole team, each team, each rep) for each month up to as-of. */
function listDigests(engine: KpiEngine, first: number, label: string, into: Record<string, string>) {
  const { facts } = engine;
  const scopes: [string, number[]][] = [['team', facts.reps.map((_, i) => i)], ...[...engine.teams].map(([t, m]): [string, number[]] => [`team ${t}`, m]), ...facts.reps.map((r, i): [string, number[]] => [`rep ${r}`, [i]])];
  for (const period of periodsBetween('month', first, facts.asOf)) {
    const shared = periodFacts(facts, period);
    for (const [name, scope] of scopes) into[`${period.id} ${name}${label}`] = sha256(JSON.stringify(dealLists(facts, scope, shared)));
  }
}

async function digest(dir: string) {
  const { dataset, problems, imports } = await loadDataset(dir);
  const out: Record<string, unknown> = {
    problems: { total: problems.total, kept: problems.kept.map(formatProblem), byRule: [...problems.countByRule], knockOns: problems.knockOns, printed: problemText(problems) },
    imports,
    files: dataset.files,
    quality: fileQuality(dataset),
    asOfOrigin: asOfOrigin(dataset),
    closedAfterExport: closedAfterExport(dataset),
  };
  const span = happenedSpan(dataset);
  if (problems.total > 0 || span === null) return out;
  const engine = kpiEngine(dataset);
  const kpis: Record<string, string> = {};
  const hash = (report: KpiReport) => sha256(kpiJson(report));
  for (const kind of KINDS) {
    for (const period of periodsBetween(kind, span.first, engine.facts.asOf)) kpis[period.id] = hash(engine.report(period));
  }
  // An as-of inside the data: stale deals and open deals then depend on what is after it.
  const middle = kpiEngine(dataset, Math.floor((span.first + span.last) / 2));
  for (const period of periodsBetween('month', span.first, middle.facts.asOf)) kpis[`${period.id} as of ${middle.facts.asOf}`] = hash(middle.report(period));
  const lists: Record<string, string> = {};
  listDigests(engine, span.first, '', lists);
  listDigests(middle, span.first, ` as of ${middle.facts.asOf}`, lists);
  return { ...out, kpis, lists };
}

const args = process.argv.slice(2);
if (args[0] === '--compare') {
  const [before, after] = await Promise.all(args.slice(1, 3).map(async (f) => JSON.parse(await readFile(f, 'utf8')) as Record<string, Record<string, unknown>>));
  let differences = 0;
  for (const dir of Object.keys(before)) {
    for (const key of new Set([...Object.keys(before[dir]), ...Object.keys(after[dir] ?? {})])) {
      if (isDeepStrictEqual(before[dir][key], after[dir]?.[key])) continue;
      differences++;
      process.stdout.write(`${dir}: ${key} differs\n`);
    }
  }
  process.stdout.write(differences === 0 ? `same results for ${Object.keys(before).length} folders\n` : `${differences} differences\n`);
  process.exitCode = differences === 0 ? 0 : 1;
} else {
  const [file, ...dirs] = args;
  const all: Record<string, unknown> = {};
  for (const dir of dirs) {
    const started = performance.now();
    all[dir] = await digest(dir);
    const { kpis = {}, lists = {} } = all[dir] as { kpis?: object; lists?: object };
    process.stderr.write(`${dir}: ${Object.keys(kpis).length} periods, ${Object.keys(lists).length} deal lists in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  await writeFile(file, `${JSON.stringify(all, null, 1)}\n`);
}
