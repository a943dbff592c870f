/** `/csv/<name>.csv`: the CSV download of every table on the site's pages (src/site/present/table.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { csvFileText } from '../../core/export/csvDownload.ts';
import { csvOf } from '../../site/present/table.ts';
import { csvFiles } from '../../site/thisBuild.ts';

export const getStaticPaths = (() => csvFiles.map((table) => ({ params: { name: table.id }, props: { csv: csvOf(table) } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ csv: ReturnType<typeof csvOf> }> = ({ props }) =>
  new Response(csvFileText(props.csv), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${props.csv.filename}"` },
  });
