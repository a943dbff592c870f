/**
 * The site model and pages of this build, made once when the first route
 * loads this module (an ES module is evaluated once per process), from the
 * data folder of `KEEPSCORE_DATA`, the configured base URL and the access
 * mode of `KEEPSCORE_ACCESS`, and never
 * changed after. Routes import it; components get their parts as props.
 * (src/integrations/validateData.ts has already stopped a build on bad data.)
 */
import { getCollection } from 'astro:content';
import { dataDir } from '../node/dataFolder.ts';
import { buildSiteModel } from './model.ts';
import { kpiJsonFiles, siteDownloads, sitePages } from './pages.ts';

export const site = await buildSiteModel(dataDir(process.cwd()), import.meta.env.BASE_URL, process.env);

const narratives = new Set((await getCollection('reports')).map((entry) => entry.id));

export const pages = sitePages(site, narratives);

export const csvFiles = siteDownloads(pages);

export const jsonFiles = kpiJsonFiles(site);
