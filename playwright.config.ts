import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/lib/browser.mjs';

const PORT = Number(process.env.PREVIEW_PORT ?? 4322);
const chromium: string | null = findChromium();
if (!chromium) throw new Error('Chromium not found: run `npm test` (it installs Debian chromium) or set CHROMIUM_BIN.');

export default defineConfig({
  testDir: './tests/e2e',
  testIgnore: /dev-.*\.spec\.ts/,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // Always a fresh build, so the tests never pass against a stale dist/.
    command: `npm run build && npm run preview -- --host 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
  },
});
