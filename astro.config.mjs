// @ts-check
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import scissorsConfig from './scissors.config.ts';
import { createScissors, parseScissorsOptions } from './src/integration/index.ts';

const options = parseScissorsOptions({ ...scissorsConfig, root: fileURLToPath(new URL('.', import.meta.url)) });
const scissors = createScissors(options);

export default defineConfig({
  site: options.siteUrl,
  trailingSlash: 'always',
  markdown: scissors.markdown,
  integrations: [scissors.integration, mdx({ optimize: true }), ...(options.siteUrl ? [sitemap()] : [])],
});
