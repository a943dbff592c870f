/** `/csv/<name>.csv`: the CSV download of every table registered in src/site/csvTables.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { csvFileText, type CsvTable } from '../../core/export/csvDownload.ts';
import { allCsvTables } from '../../site/csvTables.ts';

export const getStaticPaths = (async () => {
  const tables = await allCsvTables();
  return tables.map((table) => ({ params: { name: table.filename.replace(/\.csv$/, '') }, props: { table } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ table: CsvTable }> = ({ props }) =>
  new Response(csvFileText(props.table), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${props.table.filename}"` },
  });
