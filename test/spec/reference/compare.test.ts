/**
 * The engine against the reference implementation on generated data sets:
 * each seed's folder is written to disk, loaded with the real loader and
 * computed with the real engine (through the one JSON serializer, so this is
 * the published JSON), then compared field by field with the reference.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/node/loadDataset.ts';
import { problemText } from '../../../src/site/present/problemLines.ts';
import { kpiJson } from '../../../src/core/kpi/json.ts';
import { kpiReport } from '../../../src/core/kpi/report.ts';
import { describeDifference, differences, isV2Path, type Difference } from './compare.ts';
import { ENGINE_FIXED, V2_ENGINE } from './engineStatus.ts';
import { generateCase, writeCase } from './generator/generate.ts';
import { readCanonical } from './readCanonical.ts';
import { referenceReport } from './report.ts';

// 40 seeds keep the suite at a few seconds; KEEPSCORE_REF_SEEDS=400 runs a deeper check.
const SEEDS = Array.from({ length: Number(process.env.KEEPSCORE_REF_SEEDS ?? 40) }, (_, i) => i + 1);
const SHOWN = 25;

interface SeedResult {
  dir: string;
  problems: string | null;
  v1: string[];
  v2: string[];
}

async function compareSeed(seed: number): Promise<SeedResult> {
  const kase = generateCase(seed, { v2Data: V2_ENGINE, astralIdTies: ENGINE_FIXED.astralIdTies, timedHistory: ENGINE_FIXED.timedHistory });
  const dir = writeCase(kase);
  const { dataset, problems } = await loadDataset(dir);
  const result: SeedResult = { dir, problems: problems.total > 0 ? problemText(problems) : null, v1: [], v2: [] };
  if (result.problems) return result;
  const data = readCanonical(dir);
  for (const period of kase.periods) {
    const engine: unknown = JSON.parse(kpiJson(kpiReport(dataset, period, kase.asOf)));
    const reference = referenceReport(data, period, kase.asOf);
    const at = (d: Difference) => `seed ${seed} (${kase.profile}) period ${period} as-of ${kase.asOf ?? 'default'}: ${describeDifference(d)}`;
    for (const d of differences(engine, reference)) (isV2Path(d.path) ? result.v2 : result.v1).push(at(d));
  }
  return result;
}

function report(list: string[], dir: string): string {
  const shown = list.slice(0, SHOWN).join('\n');
  return `${list.length} differences (data kept in ${dir}):\n${shown}${list.length > SHOWN ? `\n... and ${list.length - SHOWN} more` : ''}`;
}

describe.each(SEEDS)('engine vs reference, seed %i', (seed) => {
  let result: SeedResult;
  let keep = false;
  beforeAll(async () => {
    result = await compareSeed(seed);
  });
  afterAll(() => {
    if (!keep) rmSync(result.dir, { recursive: true, force: true });
  });

  it('v1 fields agree', () => {
    keep ||= result.problems !== null || result.v1.length > 0;
    expect(result.problems, 'the real loader must accept the generated folder').toBeNull();
    expect(result.v1.length, report(result.v1, result.dir)).toBe(0);
  });

  // On the v1 engine `outlook` does not exist and `open` still counts overdue deals: expected to fail.
  (V2_ENGINE ? it : it.fails)('v2 fields agree (pipeline.open, openByStage, coverage, focus, outlook)', () => {
    keep ||= V2_ENGINE && result.v2.length > 0;
    expect(result.problems, 'the real loader must accept the generated folder').toBeNull();
    expect(result.v2.length, report(result.v2, result.dir)).toBe(0);
  });
});
