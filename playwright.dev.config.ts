import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

const PORT = Number(process.env.DEV_PORT ?? 4323);
const MKDOCS_PORT = Number(process.env.MKDOCS_DEV_PORT ?? 4325);

/** Browser tests against `astro dev` on a throwaway copy of the site (tests/dev/dev-site.mjs). */
export default defineConfig({
  ...base,
  testDir: './tests/dev',
  testMatch: /dev-.*\.spec\.ts/,
  testIgnore: [],
  timeout: 60_000,
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: [
    {
      command: 'node tests/dev/dev-site.mjs',
      env: { DEV_PORT: String(PORT) },
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
    },
    {
      // `scissors dev` on an MkDocs project (tests/dev/dev-mkdocs.spec.ts).
      command: 'node tests/dev/dev-mkdocs-site.mjs',
      env: { MKDOCS_DEV_PORT: String(MKDOCS_PORT) },
      url: `http://127.0.0.1:${MKDOCS_PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
    },
  ],
});
