// @ts-check
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import scissorsConfig from './scissors.config.ts';
import { parseScissorsOptions, scissors, scissorsMarkdown } from './src/integration/index.ts';

const options = parseScissorsOptions({ ...scissorsConfig, root: fileURLToPath(new URL('.', import.meta.url)) });

export default defineConfig({
  trailingSlash: 'always',
  markdown: scissorsMarkdown(options),
  integrations: [scissors(options), mdx()],
});
