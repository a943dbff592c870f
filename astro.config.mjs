// Keepscore's Astro config: a static site in dist/, MDX for report
// narratives, and the data check that stops a build on bad data.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { validateData } from './src/integrations/validateData.ts';
import { accessSummary } from './src/integrations/accessSummary.ts';

export default defineConfig({
  output: 'static',
  // KEEPSCORE_DIST moves the output, as it does for `npm start` (tests and CI build into temp folders).
  outDir: process.env.KEEPSCORE_DIST || './dist',
  // Stylesheets stay files, never inline <style>: public/_headers' CSP allows styles from 'self' only.
  build: { inlineStylesheets: 'never' },
  // validateData first: nothing else should run on data that will not build.
  // accessSummary: the build's last word on who may read the site (issue 15).
  integrations: [validateData(), mdx(), accessSummary()],
  vite: {
    build: {
      rolldownOptions: {
        // MDX marks its modules with "use astro:head-inject", a directive for Astro's own
        // bundling that the bundler reports as not preserved; Astro handles it, so it is noise.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
