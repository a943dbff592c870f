/**
 * A folder whose config names no `sources`, holding CRM exports under their
 * own names (`hubspot-crm-exports-all-deals-2023-05-16.csv`) instead of the
 * canonical `deals.csv`: each kind whose canonical file is absent looks at
 * the folder's other CSV files and recognises them by their header rows (a
 * preset's signature, or Keepscore's own columns). One match is read, and
 * its import report says how it was found; several are listed, with the
 * `sources` snippet that picks one.
 */
import type { DataSource } from './dataset.ts';
import type { EncodingSetting } from './decode.ts';
import { readHeader } from './csvReader.ts';
import { detectPreset } from './presets/index.ts';
import type { Problem } from './problems.ts';
import { CLOSE_DATES_FILE, FILE_KINDS, REQUIRED_COLUMNS, type FileKind } from '../schema/rows.ts';

export interface FoundExport {
  file: string;
  kind: FileKind;
  /** What its header says it is: `HubSpot deals export`, or `deals columns`. */
  what: string;
}

/** The first kind (in file order: deals first) whose canonical columns or preset signature the header carries. */
function kindOfHeader(names: readonly string[], kinds: readonly FileKind[]): FoundExport | null {
  for (const kind of kinds) {
    if (REQUIRED_COLUMNS[kind].every((c) => names.includes(c))) return { file: '', kind, what: `${kind} columns` };
    const detected = detectPreset(kind, names);
    if (detected !== null) return { file: '', kind, what: detected.shape.label };
  }
  return null;
}

const snippet = (kind: FileKind, file: string) => `"sources": { "${kind}": { "file": "${file}" } }`;

/** The exports found for the kinds without a canonical file, and a problem per kind with several candidates. */
export async function findExports(folder: Pick<DataSource, 'list' | 'openCsv'>, encoding: EncodingSetting): Promise<{ found: Map<FileKind, FoundExport>; problems: Problem[]; others: string[] }> {
  const found = new Map<FileKind, FoundExport>();
  const problems: Problem[] = [];
  const names = (await folder.list?.()) ?? [];
  const canonical = new Set([...FILE_KINDS.map((kind) => `${kind}.csv`), CLOSE_DATES_FILE]);
  const absent = FILE_KINDS.filter((kind) => !names.includes(`${kind}.csv`));
  const others = names.filter((name) => /\.csv$/i.test(name) && !canonical.has(name)).sort();
  if (absent.length === 0) return { found, problems, others };
  const candidates = new Map<FileKind, FoundExport[]>();
  for (const file of others) {
    const csv = await folder.openCsv(file);
    const header = csv === null ? null : await readHeader(csv, encoding);
    const match = header === null ? null : kindOfHeader(header, absent);
    if (match === null) continue;
    const list = candidates.get(match.kind) ?? [];
    list.push({ ...match, file });
    candidates.set(match.kind, list);
  }
  for (const [kind, list] of candidates) {
    if (list.length === 1) {
      found.set(kind, list[0]);
      continue;
    }
    const files = list.map((f) => `${f.file} (${f.what})`).join(', ');
    const all = list.map((f) => `{ "file": "${f.file}" }`).join(', ');
    problems.push({
      file: `${kind}.csv`, line: 0, column: '', value: '',
      rule:
        `missing, and ${list.length} files of the folder look like ${kind} exports: ${files}; keepscore.config.json names no sources, so say which to read — ` +
        `paste into it ${snippet(kind, list[0].file)}, or a list to read them all: "sources": { "${kind}": [${all}] }`,
    });
  }
  return { found, problems, others };
}

/** The note in the report of an export found by the scan. */
export function foundNote(found: FoundExport): string {
  return `found by its header (${found.what}): keepscore.config.json names no sources and the folder has no ${found.kind}.csv; to read it always, add ${snippet(found.kind, found.file)}`;
}
