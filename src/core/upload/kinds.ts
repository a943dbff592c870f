/**
 * Which file an upload is. The kind is a closed enum: it comes from the
 * `file` query parameter, the form's select, or the header row, and the file
 * name written is derived from it (and the config's `sources`) — never from
 * anything the request names, so no request reaches an arbitrary path.
 */
import Papa from 'papaparse';
import type { Config } from '../schema/config.ts';
import { FILE_KINDS, REQUIRED_COLUMNS, type FileKind } from '../schema/rows.ts';
import { sourcesOf } from '../schema/sources.ts';
import { detectDelimiter, headerName } from '../ingest/csvReader.ts';
import { detectPreset } from '../ingest/presets/index.ts';

export type UploadKind = FileKind;
export const UPLOAD_KINDS: readonly UploadKind[] = FILE_KINDS;

/** The kind named by a query parameter or form field; null when absent or 'auto'; undefined when it names no kind. */
export function parseKind(value: string | null | undefined): UploadKind | null | undefined {
  if (value === null || value === undefined) return null;
  const name = value.trim().toLowerCase();
  if (name === '' || name === 'auto') return null;
  return (UPLOAD_KINDS as readonly string[]).includes(name) ? (name as UploadKind) : undefined;
}

/** The header row's cells, normalised as the loader does (BOM, case, space). */
export function headerOf(text: string): string[] {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  const parsed = Papa.parse<string[]>(first, { delimiter: detectDelimiter(first), header: false });
  return (parsed.data[0] ?? []).map(headerName);
}

/**
 * The kind whose required canonical columns the header carries (the one
 * with most of them when several fit), else the kind of a CRM preset whose
 * signature it carries; null when nothing fits.
 */
export function detectKind(header: readonly string[]): UploadKind | null {
  const names = new Set(header);
  let best: UploadKind | null = null;
  for (const kind of UPLOAD_KINDS) {
    const required = REQUIRED_COLUMNS[kind];
    if (!required.every((c) => names.has(c))) continue;
    if (best === null || required.length > REQUIRED_COLUMNS[best].length) best = kind;
  }
  if (best !== null) return best;
  for (const kind of UPLOAD_KINDS) if (detectPreset(kind, header) !== null) return kind;
  return null;
}

/**
 * The data folder's file that holds `kind`: the one file the config's
 * `sources` names for it, else the canonical `<kind>.csv`. A kind read from
 * several files cannot take one upload: the reason is returned instead.
 */
export function targetFile(config: Config, kind: UploadKind): { file: string } | { error: string } {
  const specs = sourcesOf(config.sources, kind);
  if (specs === null) return { file: `${kind}.csv` };
  if (specs.length === 1) return { file: specs[0].file };
  return {
    error: `keepscore.config.json reads ${kind} from ${specs.length} files (${specs.map((s) => s.file).join(', ')}); an upload replaces one file, so update them in the data folder or list one source`,
  };
}
