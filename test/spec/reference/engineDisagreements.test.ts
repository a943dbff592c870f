/**
 * Each engine disagreement the comparison found, on a minimal data set, with
 * the value the spec gives (hand-derived; the reference agrees). Marked to
 * fail while the engine disagrees; flip its flag in engineStatus.ts once fixed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/node/loadDataset.ts';
import { kpiReport } from '../../../src/core/kpi/report.ts';
import { ENGINE_FIXED } from './engineStatus.ts';
import { readCanonical } from './readCanonical.ts';
import { referenceReport } from './report.ts';

async function both(files: Record<string, string>, period: string) {
  const dir = mkdtempSync(join(tmpdir(), 'keepscore-disagree-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const { dataset, problems } = await loadDataset(dir);
    expect(problems.total).toBe(0);
    return { engine: kpiReport(dataset, period), reference: referenceReport(readCanonical(dir), period) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('engine disagreements with KPI-SPEC', () => {
  // §6: "Ties on equal dates are broken by id compared as plain strings (code-point order ...)".
  // U+FF01 "！" is below U+1F600 "😀" by code point, above its UTF-16 lead unit U+D83D.
  const files = {
    'deals.csv': 'id,owner,stage,amount,created,close_date\nD-1,Ann,Qualify,100,2026-10-01,2026-11-30\n',
    'activities.csv': 'id,date,owner,type,lead,source,next_step\nA-！,2026-10-05,Bo,meeting,L-1,Event,\nA-😀,2026-10-05,Ann,meeting,L-1,Web,Demo\n',
  };

  it('the reference takes A-！ as the first meeting and first activity (code-point order)', async () => {
    const { reference } = await both(files, '2026-10');
    expect(reference.reps.Bo.activity.firstMeetings).toBe(1);
    expect(reference.team.activity.bySource).toEqual({ Event: { leads: 1, met: 1, rate: 1 } });
  });

  (ENGINE_FIXED.astralIdTies ? it : it.fails)('the engine ties ids by code point, not by UTF-16 unit', async () => {
    const { engine } = await both(files, '2026-10');
    // Today: Ann's A-😀 wins, bySource { Web: ... } and Ann has the first meeting with a next step.
    expect(engine.team.activity.bySource).toEqual({ Event: { leads: 1, met: 1, rate: 1 } });
    expect(engine.reps.Bo.activity.firstMeetings).toBe(1);
    expect(engine.reps.Ann.activity.firstMeetingsWithNextStep).toBe(0);
  });
});
