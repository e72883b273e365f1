// @ts-check
// One place that wires the site: read the site (this repository's scissors.config.ts, or the
// mkdocs.yml / scissors.config.ts that SCISSORS_CONFIG names), then hand its model to the
// integration and, through the environment, to the layouts and the content config.
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { createScissors } from './src/integration/index.ts';
import { astroSettingsFor } from './src/site/astro-settings.ts';
import { publishSite } from './src/site/current.ts';
import { loadSiteModel } from './src/site/load.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const site = await loadSiteModel(process.env.SCISSORS_CONFIG || here, { outDir: process.env.SCISSORS_OUT_DIR || undefined });
publishSite(site);
const scissors = createScissors(site);

// A plain object rather than astro/config's defineConfig (which only returns it): importing
// astro/config loads Vite, half a second of every native load of this file (the docs loader's,
// the quick rebuild's).
/** @type {import('astro').AstroUserConfig} */
export default {
  ...astroSettingsFor(site, here),
  markdown: scissors.markdown,
  integrations: [scissors.integration, mdx({ optimize: true }), ...(site.siteUrl ? [sitemap()] : [])],
};
