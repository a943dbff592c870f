/** A data source over in-memory file texts: uploads and tests. */
import type { DataSource } from './dataset.ts';

export function textSource(files: Readonly<Record<string, string>>): DataSource {
  return {
    readText: async (name) => files[name] ?? null,
    openCsv: async (name) => files[name] ?? null,
  };
}
