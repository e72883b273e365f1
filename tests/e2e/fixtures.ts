import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every page test watches the console and our own origin's requests. This machine has no
 * internet, so requests to other hosts (the OpenSSF badge) are answered with a small local
 * image instead of failing; what is asserted is our page, not their server.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: async ({ page, baseURL }, use) => {
    const errors: string[] = [];
    const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
    await page.route(
      (url) => url.origin !== origin,
      (route) =>
        route.fulfill({
          status: 200,
          contentType: 'image/svg+xml',
          body: '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="20"><rect width="100" height="20" fill="#4c1"/></svg>',
        }),
    );
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // A request cancelled because the test navigated on is not a failure of the site.
      if (request.url().startsWith(origin) && request.failure()?.errorText !== 'net::ERR_ABORTED') {
        errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
      }
    });
    page.on('response', (response) => {
      if (response.url().startsWith(origin) && response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await use(errors);
    expect(errors, 'console errors or failed requests to our origin').toEqual([]);
  },
});

export { expect };

export async function openSecurityPage(page: Page) {
  await page.goto('/security/');
}
