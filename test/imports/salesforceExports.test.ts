/**
 * Salesforce as it comes: a weekly Data Export (test/fixtures/salesforce-
 * data-export: API-name headers, Windows-1252, Spanish stages, amounts in
 * MXN, COP, USD and PEN, OpportunityHistory timestamps out of order, Task
 * and Event rows whose WhoId is the empty id) read through the preset and a
 * documented mapping; and Data Loader extracts (test/fixtures/salesforce-
 * data-loader: relation columns, OWNER.NAME, ForecastingQuota start dates)
 * found by their headers. Numbers are counted by hand (the READMEs beside
 * the fixtures say how).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/node/loadDataset.ts';
import { closedAfterExport } from '../../src/core/ingest/importWarnings.ts';
import { formatProblem } from '../../src/core/ingest/problems.ts';
import { dayToIso } from '../../src/core/ingest/values.ts';
import { kpiReport } from '../../src/core/kpi/report.ts';
import { ROOT } from '../astroBuild.ts';
import { activityRows, historyRows } from '../../src/core/ingest/tables.test-helpers.ts';

const EXPORT = join(ROOT, 'test/fixtures/salesforce-data-export');
const LOADER = join(ROOT, 'test/fixtures/salesforce-data-loader');
const temp = mkdtempSync(join(tmpdir(), 'keepscore-sf-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the export folder with its config changed. */
function withConfig(change: (config: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(temp, 'export-'));
  cpSync(EXPORT, dir, { recursive: true });
  const path = join(dir, 'keepscore.config.json');
  const config = JSON.parse(readFileSync(path, 'utf8'));
  change(config);
  writeFileSync(path, JSON.stringify(config));
  return dir;
}

describe('a Salesforce weekly Data Export', async () => {
  const result = await loadDataset(EXPORT);
  const { dataset, imports } = result;
  const byFile = new Map(imports.map((r) => [r.file, r]));

  it('loads with no problem, each file read as Windows-1252 from its first accented byte', () => {
    expect(result.problems.kept.map(formatProblem)).toEqual([]);
    expect(byFile.get('Opportunity.csv')!.encoding).toBe('Windows-1252 (not valid UTF-8 from line 2, byte 0x96)');
    expect(byFile.get('OpportunityHistory.csv')!.encoding).toBe('Windows-1252 (not valid UTF-8 from line 2, byte 0xF3)');
    // The Spanish stage names come through whole: 14 won, 12 lost, 13 open in four stages.
    const stages = new Map<string, number>();
    for (const d of dataset.deals) stages.set(d.stage, (stages.get(d.stage) ?? 0) + 1);
    expect(Object.fromEntries(stages)).toEqual({ 'Cerrada ganada': 14, 'Cerrada perdida': 12, 'Prospección': 4, 'Calificación': 3, 'Presentación Propuesta': 3, 'Negociación': 3 });
    expect(dataset.deals[0].name).toBe('Oportunidad 01 – Licencias');
  });

  it('leaves out the deleted opportunity and names its line', () => {
    expect(dataset.deals).toHaveLength(39);
    expect(byFile.get('Opportunity.csv')!.skipped).toEqual([{ reason: 'deleted in Salesforce (IsDeleted)', count: 1, lines: [41] }]);
  });

  it('converts MXN, COP and PEN at the config rates (March 2023 won, by hand)', () => {
    expect(byFile.get('Opportunity.csv')!.currency).toBe('10 in COP converted at 0.00025, 10 in PEN converted at 0.27, 10 in USD, 9 in MXN converted at 0.055 — amounts in USD');
    // Won in March: deals 1-10. COP 40,100,000 / 40,500,000 / 40,900,000 x 0.00025 = 10,025 + 10,125 + 10,225;
    // USD 12,200 + 12,600 + 13,000; PEN 46,500 / 48,500 x 0.27 = 12,555 + 13,095; MXN 254,000 / 258,000 x 0.055 = 13,970 + 14,190.
    const { winRate } = kpiReport(dataset, '2023-03').team;
    expect([winRate.won, winRate.wonAmount]).toEqual([10, 121985]);
  });

  it('stops with every currency and its deals when the config has no rates', async () => {
    const { problems } = await loadDataset(withConfig((c) => delete c.rates));
    expect(problems.kept.map(formatProblem)).toEqual([
      'Opportunity.csv currency "COP, PEN, MXN": deals in 4 currencies, and no rate in keepscore.config.json for COP, PEN, MXN: ' +
        'COP 10 deals (first on Opportunity.csv:2), PEN 10 deals (first on Opportunity.csv:4), USD 10 deals (the config\'s currency), MXN 9 deals (first on Opportunity.csv:5); ' +
        'amounts in different currencies are never added up: add "rates": { "COP": …, "PEN": …, "MXN": … } (what one COP is worth in USD), or set "currency" when every deal is in one currency',
    ]);
  });

  it('orders one day\'s history rows by their time, not by the file (January 2023)', () => {
    // Deals 1-6 each have, ten days after creation, Presentación at 16:45 written before Calificación at 09:20.
    const { stages } = kpiReport(dataset, '2023-01').team;
    expect(stages.forward).toEqual({ 'Calificación': 6, 'Presentación Propuesta': 6 });
    expect(stages.backward).toEqual({});
    const first = historyRows(dataset).filter((h) => h.deal === '0065e00000Zx001AAC').map((h) => [h.stage, new Date(h.enteredAt!).toISOString()]);
    expect(first.slice(1, 3)).toEqual([['Presentación Propuesta', '2023-01-15T16:45:00.000Z'], ['Calificación', '2023-01-15T09:20:00.000Z']]);
  });

  it('treats the empty id 000000000000000AAA as no lead, no deal and no account', () => {
    const tasks = byFile.get('Task.csv')!;
    expect(tasks.skipped).toEqual([{ reason: 'no value for lead', count: 6, lines: [6, 11, 16, 21, 26] }]);
    expect(byFile.get('Event.csv')!.skipped).toEqual([{ reason: 'no value for lead', count: 2, lines: [5, 9] }]);
    // WhatId: the empty id is no link at all; an account id is a link to no deal, dropped and counted.
    expect(tasks.changed).toEqual([{ reason: 'deal link dropped: no deal with that id', count: 7, lines: [14, 18, 20, 22, 24] }]);
    expect(dataset.activities).toHaveLength(34);
    expect(new Set(activityRows(dataset).map((a) => a.lead))).not.toContain('000000000000000AAA');
    expect(dataset.deals.filter((d) => d.account === undefined).map((d) => d.id)).toEqual(['0065e00000Zx009AAC', '0065e00000Zx018AAC', '0065e00000Zx027AAC', '0065e00000Zx036AAC']);
  });

  it('reads the owners through the mapping of their ids', () => {
    expect(new Set(dataset.deals.map((d) => d.owner))).toEqual(new Set(['Lucía Fernández', 'Andrés Gómez', 'Valeria Ruiz']));
    expect(activityRows(dataset).filter((a) => a.type === 'meeting')).toHaveLength(10);
  });
});

describe('Salesforce Data Loader extracts', async () => {
  const { dataset, imports, problems } = await loadDataset(LOADER);

  it('are found by their headers, one per kind, with no sources in the config', () => {
    expect(problems.kept.map(formatProblem)).toEqual([]);
    expect(imports.map((r) => [r.file, r.kind, r.shape])).toEqual([
      ['extract-opportunities.csv', 'deals', 'Salesforce opportunities export'],
      ['extract-tasks.csv', 'activities', 'Salesforce activities export'],
      ['extract-quotas.csv', 'quotas', 'Salesforce forecasting quotas export'],
    ]);
  });

  it('read names from OWNER.NAME and ACCOUNT.NAME, and no account where the relation is empty', () => {
    expect(imports[0].columns).toMatchObject({ owner: 'OWNER.NAME, else OWNERID', account: 'ACCOUNT.NAME, else ACCOUNTID' });
    expect(dataset.deals.filter((d) => d.account === undefined).map((d) => d.name)).toEqual(['Opportunity 5', 'Opportunity 10', 'Opportunity 15', 'Opportunity 20']);
    expect(imports[1].skipped).toEqual([{ reason: 'no value for lead', count: 4, lines: [7, 13, 19, 25] }]);
  });

  it('read monthly quotas from their start dates (May 2023, by hand)', () => {
    expect(dataset.quotas.slice(0, 2)).toEqual([{ owner: 'Grace Kim', period: '2023-01', amount: 45000 }, { owner: 'Grace Kim', period: '2023-02', amount: 50000 }]);
    // Won in May: deals 1-7 at 10,000 + 250 x i; Grace has the even ones, Omar the odd ones. Lost: deals 9-13.
    const may = kpiReport(dataset, '2023-05');
    expect([may.team.pipeline.quota, may.team.pipeline.closedWon, may.team.winRate.won, may.team.winRate.lost]).toEqual([140000, 77000, 7, 5]);
    expect([may.reps['Grace Kim'].pipeline.quota, may.reps['Grace Kim'].pipeline.closedWon]).toEqual([65000, 33000]);
    expect([may.reps['Omar Haddad'].pipeline.quota, may.reps['Omar Haddad'].pipeline.closedWon]).toEqual([75000, 44000]);
  });

  it('warn about the won deal dated after the latest activity', () => {
    const late = closedAfterExport(dataset)!;
    expect([late.reference.file, dayToIso(late.reference.day)]).toEqual([null, '2023-06-13']);
    expect(late.deals.map((d) => [d.id, dayToIso(d.day)])).toEqual([['0065e000009Op08AAA', '2023-07-28']]);
  });
});
