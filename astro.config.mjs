// Keepscore's Astro config: a static site in dist/, MDX for report
// narratives, and the data check that stops a build on bad data.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { validateData } from './src/integrations/validateData.ts';

export default defineConfig({
  output: 'static',
  outDir: './dist',
  // validateData first: nothing else should run on data that will not build.
  integrations: [validateData(), mdx()],
});
