// @ts-check
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import scissorsConfig from './scissors.config.ts';
import { createScissors, parseScissorsOptions } from './src/integration/index.ts';

const scissors = createScissors(parseScissorsOptions({ ...scissorsConfig, root: fileURLToPath(new URL('.', import.meta.url)) }));

export default defineConfig({
  trailingSlash: 'always',
  markdown: scissors.markdown,
  integrations: [scissors.integration, mdx({ optimize: true })],
});
