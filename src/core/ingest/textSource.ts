/** A data source over in-memory files: uploads and tests. Bytes are decoded like a file's; text is taken as it is. */
import type { DataSource } from './dataset.ts';
import { decodeBytes } from './decode.ts';

export function textSource(files: Readonly<Record<string, string | Uint8Array>>): DataSource {
  const get = (name: string) => (Object.hasOwn(files, name) ? files[name] : null);
  return {
    readText: async (name) => {
      const file = get(name);
      return file === null || typeof file === 'string' ? file : decodeBytes(file).text;
    },
    openCsv: async (name) => get(name),
  };
}
