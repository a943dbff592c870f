/**
 * `/api/kpis/<period>.json`: the KPI JSON of KPI-SPEC §5 for every month and
 * quarter of the data span, from the live data, byte-for-byte what
 * `npm run --silent kpis -- --data <dir> --period <period>` prints.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonFiles } from '../../../site/thisBuild.ts';

export const getStaticPaths = (() => jsonFiles.map(({ period, json }) => ({ params: { period }, props: { json } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ json: string }> = ({ props }) => new Response(props.json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
