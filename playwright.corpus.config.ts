import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

const PORT = Number(process.env.CORPUS_PORT ?? 4324);
// The specs find the built site by the same port (tests/corpus/corpus-site.mjs).
process.env.CORPUS_PORT = String(PORT);

/** Browser tests against a real MkDocs Material site built by `scissors build` (tests/corpus/corpus-site.mjs). */
export default defineConfig({
  ...base,
  testDir: './tests/corpus',
  testIgnore: [],
  timeout: 30_000,
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    command: 'node tests/corpus/corpus-site.mjs',
    env: { CORPUS_PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
  },
});
