// Content collections: the optional MDX narrative of a monthly report,
// src/content/reports/YYYY-MM.mdx, shown on /reports/YYYY-MM/ above the numbers.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const reports = defineCollection({
  // The entry id is the file name without .mdx: the month it belongs to.
  loader: glob({ pattern: '[0-9][0-9][0-9][0-9]-[0-9][0-9].mdx', base: './src/content/reports' }),
  schema: z.object({
    /** Who wrote the commentary, shown under it. */
    author: z.string().optional(),
  }),
});

export const collections = { reports };
