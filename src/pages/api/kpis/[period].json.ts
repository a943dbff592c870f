/**
 * `/api/kpis/<period>.json`: the KPI JSON of KPI-SPEC §5 for every month and
 * quarter of the data span, from the live data, byte-for-byte what
 * `npm run --silent kpis -- --data <dir> --period <period>` prints.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { kpiJson } from '../../../core/kpi/json.ts';
import { apiPeriodIds } from '../../../site/reports.ts';
import { getSiteData } from '../../../site/siteData.ts';

export const getStaticPaths = (async () => {
  const site = await getSiteData();
  return apiPeriodIds(site).map((period) => ({ params: { period } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSiteData();
  return new Response(kpiJson(site.report(params.period as string)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
