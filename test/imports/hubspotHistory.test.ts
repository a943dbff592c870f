/**
 * HubSpot hides stage history in `Date entered "<stage>"` columns, quoted
 * either way, with or without the pipeline: each date becomes a stage
 * history row, and the KPIs see the moves.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/core/ingest/dataset.ts';
import { loadDataset } from '../../src/node/loadDataset.ts';
import { formatProblem } from '../../src/core/ingest/problems.ts';
import { textSource } from '../../src/core/ingest/textSource.ts';
import { dayToIso } from '../../src/core/ingest/values.ts';
import { kpiReport } from '../../src/core/kpi/report.ts';
import { historyRows } from '../../src/core/ingest/tables.test-helpers.ts';

const FIXTURE = join(resolve(import.meta.dirname, '../..'), 'test/fixtures/presets/hubspot');

describe('HubSpot Date entered columns', () => {
  it('yield the stage history of the fixture export, one row per stage and date', async () => {
    const { dataset, problems, imports } = await loadDataset(FIXTURE);
    expect(problems.total).toBe(0);
    expect(historyRows(dataset).map((h) => [h.deal, h.stage, dayToIso(h.entered)])).toEqual([
      ['1001', 'Appointment Scheduled', '2026-09-01'],
      ['1001', 'Qualified To Buy', '2026-09-10'],
      ['1001', 'Presentation Scheduled', '2026-09-20'],
      ['1001', 'Closed Won', '2026-10-20'],
      ['1002', 'Appointment Scheduled', '2026-09-05'],
      ['1002', 'Qualified To Buy', '2026-09-12'],
      ['1002', 'Closed Lost', '2026-10-15'],
      // Entered "Appointment Scheduled" in both quote styles on one day: one row.
      ['1003', 'Appointment Scheduled', '2026-10-02'],
      ['1003', 'Presentation Scheduled', '2026-10-15'],
    ]);
    expect(dataset.files.find((f) => f.kind === 'stage_history')).toEqual({ file: 'deals.csv', kind: 'stage_history', present: true, rows: 9 });
    expect(imports[0].notes).toEqual([
      'stage history from 6 "Date entered" columns',
      'ignored 1 "Date entered" columns of stages the config does not list: Date entered "Onboarding started (Onboarding Pipeline)"',
    ]);
  });

  it('feed stage conversion: the lost deal reached Qualified To Buy through its history', async () => {
    const { dataset } = await loadDataset(FIXTURE);
    const { stages } = kpiReport(dataset, '2026-09').team;
    expect(stages.transitions.slice(0, 3).map((t) => [t.from, t.reached, t.advanced])).toEqual([
      ['Appointment Scheduled', 2, 2],
      ['Qualified To Buy', 2, 1],
      ['Presentation Scheduled', 1, 1],
    ]);
  });

  it('map stage labels through the source values, and report an unreadable date as a problem', async () => {
    const header = 'Record ID,Deal Name,Deal Stage,Close Date,Deal owner,Amount,Create Date,"Date entered ""Demo (Sales Pipeline)""",Date entered \'Contract sent\'\n';
    const { dataset, problems } = await readDataset(textSource({
      'keepscore.config.json': JSON.stringify({
        stages: [{ name: 'Demo' }, { name: 'Contract' }],
        sources: { deals: { file: 'hs.csv', values: { stage: { 'contract sent': 'Contract' } } } },
      }),
      'hs.csv': `${header}7,A,Demo,2026-10-31,Ann,10,2026-10-01,2026-10-02,\n8,B,Contract sent,2026-10-31,Ann,10,2026-10-01,2026-10-02,soon\n`,
    }));
    expect(historyRows(dataset).map((h) => [h.deal, h.stage, dayToIso(h.entered)])).toEqual([['7', 'Demo', '2026-10-02'], ['8', 'Demo', '2026-10-02']]);
    expect(dataset.deals.map((d) => d.stage)).toEqual(['Demo', 'Contract']);
    expect(problems.kept.map(formatProblem)).toEqual([
      'hs.csv:3 Date entered \'Contract sent\' "soon": not a valid date (e.g. 2026-10-31, 31.10.2026, 10/31/2026)',
    ]);
  });
});
