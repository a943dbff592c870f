/**
 * When an export cannot be read: a wrong mapping, an unknown export, a bad
 * `sources` config. Every message shows the file's headers and what was
 * expected, and the commands print it without a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/core/ingest/dataset.ts';
import { formatProblem } from '../../src/core/ingest/problems.ts';
import { textSource } from '../../src/core/ingest/textSource.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'keepscore-imports-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const MAVEN_HEADER = 'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';
const MAVEN_ROW = '1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054';

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  const { problems } = await readDataset(textSource(files));
  return problems.kept.map(formatProblem);
}

const config = (sources: unknown, extra: object = {}) => JSON.stringify({ wonStage: 'Won', lostStage: 'Lost', ...extra, sources });

describe('a wrong mapping', () => {
  it('names the column the file lacks, the closest header and all the headers', async () => {
    const found = await problemsOf({
      'keepscore.config.json': config({ deals: { file: 'pipeline.csv', columns: { id: 'opportunity_id', owner: 'sales_agnet', stage: 'deal_stage', amount: 'close_value', created: 'engage_date', close_date: 'closed' } } }),
      'pipeline.csv': `${MAVEN_HEADER}\n${MAVEN_ROW}\n`,
    });
    expect(found).toEqual([
      `pipeline.csv:1 owner "sales_agnet": sources.deals.columns.owner names a column this file lacks; closest header: "sales_agent"; the header has: ${MAVEN_HEADER.replace(/,/g, ', ')}`,
      `pipeline.csv:1 close_date "closed": sources.deals.columns.close_date names a column this file lacks; closest header: "close_date"; the header has: ${MAVEN_HEADER.replace(/,/g, ', ')}`,
    ]);
  });

  it('says which required column has no source', async () => {
    const found = await problemsOf({
      'keepscore.config.json': config({ deals: { file: 'pipeline.csv', columns: { id: 'opportunity_id', stage: 'deal_stage', amount: 'close_value', created: 'engage_date' } } }),
      'pipeline.csv': `${MAVEN_HEADER}\n${MAVEN_ROW}\n`,
    });
    // close_date needs no mapping: the export has a column of that name.
    expect(found).toEqual([
      `pipeline.csv:1 owner (empty): missing required column; no column "owner"; map one in sources.deals.columns.owner; the header has: ${MAVEN_HEADER.replace(/,/g, ', ')}`,
    ]);
  });

  it('keeps the headers as the export writes them, and a preset says what it looked for', async () => {
    const found = await problemsOf({
      'keepscore.config.json': config({ deals: { file: 'hs.csv', preset: 'hubspot' } }),
      'hs.csv': 'Record ID,Deal Name,Deal Stage,Amount,Create Date,Deal owner,Closedate\n1,A,Won,10,2026-10-01,Ann,2026-10-02\n',
    });
    expect(found).toEqual([
      'hs.csv:1 close_date (empty): missing required column; the HubSpot deals export has none of: close date; closest header: "Closedate"; map one in sources.deals.columns.close_date; the header has: Record ID, Deal Name, Deal Stage, Amount, Create Date, Deal owner, Closedate',
    ]);
  });
});

describe('an unknown export', () => {
  it('shows its headers and every way it could be read', async () => {
    const [message, ...rest] = await problemsOf({ 'deals.csv': 'Name,E-mail,Phone\nAnn,ann@example.com,555\n' });
    expect(rest).toEqual([]);
    expect(message).toMatch(/^deals\.csv:1: not a deals file Keepscore can read; the header has: Name, E-mail, Phone; expected the columns id, owner, stage, amount, created, close_date, an export Keepscore knows — /);
    for (const known of ['HubSpot deals export (Deal Stage, Deal Name, Close Date)', 'Salesforce opportunities export', 'Pipedrive deals export (Deal - Title', 'Zoho potentials (deals) export']) {
      expect(message).toContain(known);
    }
    expect(message).toMatch(/or a mapping in keepscore\.config\.json "sources"/);
  });

  it('is the same for a file named in sources without a preset or mapping', async () => {
    const found = await problemsOf({
      'deals.csv': 'id,owner,stage,amount,created,close_date\nD1,Ann,Won,1,2026-10-01,2026-10-01\n',
      'keepscore.config.json': config({ activities: { file: 'Tasks.csv' } }),
      'Tasks.csv': 'Task Owner,Subject,Due Date\nAnn,Call back,2026-10-02\n',
    });
    expect(found).toEqual([expect.stringMatching(/^Tasks\.csv:1: not a activities file Keepscore can read; the header has: Task Owner, Subject, Due Date; expected the columns id, date, owner, type, lead, an export Keepscore knows — .*HubSpot calls export/)]);
  });

  it('a canonical file missing a column keeps the plain message', async () => {
    // Half the required columns or more: a canonical file with a column missing, not an export.
    expect(await problemsOf({ 'deals.csv': 'id,owner,stage,amount,created\nD1,Ann,Qualify,1,2026-10-01\n' })).toEqual([
      'deals.csv:1 close_date (empty): missing required column; the header has: id, owner, stage, amount, created',
    ]);
  });

  it('a preset with no export of that kind says what it reads', async () => {
    const found = await problemsOf({
      'deals.csv': 'id,owner,stage,amount,created,close_date\nD1,Ann,Won,1,2026-10-01,2026-10-01\n',
      'keepscore.config.json': config({ stage_history: { file: 'moves.csv', preset: 'pipedrive' } }),
      'moves.csv': 'deal,stage,entered\nD1,Won,2026-10-01\n',
    });
    expect(found).toEqual(['moves.csv:1 "pipedrive": the Pipedrive preset has no stage_history export; it reads: deals, activities']);
  });
});

describe('the sources config', () => {
  it('is validated with the line and key of each mistake', async () => {
    const text = [
      '{',
      '  "sources": {',
      '    "deals": { "file": "../deals.csv", "preset": "hubspott" },',
      '    "activities": [{ "file": "calls.csv", "columns": { "when": "Call Start Time" } }],',
      '    "leads": { "file": "Leads.csv" }',
      '  }',
      '}',
    ].join('\n');
    expect(await problemsOf({ 'keepscore.config.json': text, 'deals.csv': 'x' })).toEqual([
      'keepscore.config.json:3 sources.deals.file "../deals.csv": a file name in the data folder, without folders',
      'keepscore.config.json:3 sources.deals.preset "hubspott": unknown preset; expected one of: hubspot, salesforce, pipedrive, zoho — did you mean hubspot?',
      'keepscore.config.json:4 sources.activities.0.columns.when "Call Start Time": unknown activities column "when"; expected one of: id, date, owner, type, lead, source, deal, next_step',
      `keepscore.config.json:5 sources.leads ${JSON.stringify('{"file":"Leads.csv"}')}: unknown key: leads`,
    ]);
  });

  it('hints at the key meant by a typo, at any depth', async () => {
    const text = ['{', '  "coverageTreshold": 3,', '  "stages": [{ "name": "Demo", "probabilty": 0.2 }],', '  "sources": { "deals": { "file": "d.csv", "colums": {} } },', '  "rates": { "mxn": 0.05 }', '}'].join('\n');
    expect(await problemsOf({ 'keepscore.config.json': text })).toEqual([
      'keepscore.config.json:3 stages.0.probabilty "0.2": unknown key: probabilty — did you mean probability?',
      'keepscore.config.json:4 sources.deals.colums "{}": unknown key: colums — did you mean columns?',
      'keepscore.config.json:5 rates.mxn "0.05": an ISO 4217 code such as MXN, not "mxn"',
      'keepscore.config.json:2 coverageTreshold "3": unknown key: coverageTreshold — did you mean coverageThreshold?',
    ]);
  });

  it('names a missing source file', async () => {
    expect(await problemsOf({ 'keepscore.config.json': config({ deals: { file: 'Potentials.csv', preset: 'zoho' } }) })).toEqual([
      'Potentials.csv: missing file; keepscore.config.json names it in sources.deals',
    ]);
  });

  it('strict: a row missing a required value is an error, not a skipped row', async () => {
    const files = (strict: boolean) => ({
      'keepscore.config.json': config({ deals: { file: 'p.csv', strict, columns: { id: 'opportunity_id', owner: 'sales_agent', stage: 'deal_stage', amount: 'close_value', created: 'engage_date' } } }, { stages: [{ name: 'Engaging' }] }),
      'p.csv': `${MAVEN_HEADER}\n${MAVEN_ROW}\nX1,Ann,GTX,,Engaging,2017-01-01,,\n`,
    });
    const lenient = await readDataset(textSource(files(false)));
    expect(lenient.problems.total).toBe(0);
    expect(lenient.imports[0].skipped).toEqual([{ reason: 'no value for amount, close_date', count: 1, lines: [3] }]);
    expect(await problemsOf(files(true))).toEqual(['p.csv:3 amount (empty): required', 'p.csv:3 close_date (empty): required']);
  });
});

describe('the commands', () => {
  it('validate prints a wrong mapping as a readable problem, never a stack trace', () => {
    const dir = mkdtempSync(join(temp, 'maven-'));
    cpSync(join(ROOT, 'test/fixtures/maven-crm'), dir, { recursive: true });
    const path = join(dir, 'keepscore.config.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"owner": "sales_agent", "team"', '"owner": "sales_agnt", "team"'));
    const result = spawnSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'src/cli/validate.ts'), '--data', dir], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('sales_teams.csv:1 owner "sales_agnt": sources.teams.columns.owner names a column this file lacks; closest header: "sales_agent"; the header has: sales_agent, manager, regional_office');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
  });
});
