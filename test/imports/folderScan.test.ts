/**
 * A folder without `sources` whose exports keep their own names: each kind
 * without its canonical file takes the one export its header says is that
 * kind; several candidates are listed with the snippet that picks one.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/node/loadDataset.ts';
import { formatProblem } from '../../src/core/ingest/problems.ts';
import { ROOT } from '../astroBuild.ts';

const temp = mkdtempSync(join(tmpdir(), 'keepscore-scan-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const HUBSPOT = join(ROOT, 'test/fixtures/hubspot-all-deals');
const FILE = 'hubspot-crm-exports-all-deals-2023-05-16.csv';

function copy(extra: Record<string, string> = {}, config?: object): string {
  const dir = mkdtempSync(join(temp, 'data-'));
  cpSync(HUBSPOT, dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  if (config) writeFileSync(join(dir, 'keepscore.config.json'), JSON.stringify(config));
  return dir;
}

const problemsOf = async (dir: string) => (await loadDataset(dir)).problems.kept.map(formatProblem);

describe('exports found by their headers', () => {
  it('lists two deals exports with the snippet to paste, and reads neither', async () => {
    const second = 'Record ID,Deal Name,Deal Stage,Close Date,Create Date,Deal owner,Amount\n1,A,Closed Won,2023-06-01,2023-05-01,Ann,10\n';
    expect(await problemsOf(copy({ 'hubspot-crm-exports-all-deals-2023-06-16.csv': second }))).toEqual([
      'deals.csv: missing, and 2 files of the folder look like deals exports: ' +
        `${FILE} (HubSpot deals export), hubspot-crm-exports-all-deals-2023-06-16.csv (HubSpot deals export); ` +
        `keepscore.config.json names no sources, so say which to read — paste into it "sources": { "deals": { "file": "${FILE}" } }, ` +
        `or a list to read them all: "sources": { "deals": [{ "file": "${FILE}" }, { "file": "hubspot-crm-exports-all-deals-2023-06-16.csv" }] }`,
    ]);
  });

  it('reads the canonical file when there is one, and no export beside it', async () => {
    const { dataset, imports } = await loadDataset(copy({ 'deals.csv': 'id,owner,stage,amount,created,close_date\nD1,Ann,Closed Won,5,2023-05-01,2023-05-02\n' }));
    expect(dataset.deals.map((d) => d.id)).toEqual(['D1']);
    expect(imports).toEqual([]);
  });

  it('looks no further when the config names sources', async () => {
    const dir = copy({}, { wonStage: 'Closed Won', lostStage: 'Closed Lost', sources: { activities: { file: 'calls.csv' } } });
    expect(await problemsOf(dir)).toEqual(['deals.csv: required file is missing', 'calls.csv: missing file; keepscore.config.json names it in sources.activities']);
  });

  it('names the CSV files it looked at when none is a deals export', async () => {
    const dir = mkdtempSync(join(temp, 'none-'));
    writeFileSync(join(dir, 'contacts.csv'), 'First Name,Last Name,Email\nAnn,Lee,ann@example.com\n');
    expect(await problemsOf(dir)).toEqual([
      'deals.csv: required file is missing, and no other CSV file of the folder (contacts.csv) has a deals header Keepscore recognises ' +
        '(Keepscore\'s columns or a CRM preset\'s): name yours in keepscore.config.json "sources", with a mapping of its columns (README "Importing CRM exports")',
    ]);
  });
});
