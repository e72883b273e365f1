import { expect, test } from './fixtures.ts';

const tabs = (page: import('@playwright/test').Page) => page.locator('.tabbed-set').first();

test.describe('tabs', () => {
  test('WAI-ARIA pattern with roving tabindex, walked with the keyboard only', async ({ page, pageErrors }) => {
    await page.goto('/security/');
    const list = tabs(page).getByRole('tablist');
    const manually = list.getByRole('tab', { name: 'Manually' });
    const automated = list.getByRole('tab', { name: 'Automated' });
    await expect(manually).toHaveAttribute('aria-selected', 'true');
    await expect(manually).toHaveAttribute('tabindex', '0');
    await expect(automated).toHaveAttribute('tabindex', '-1');
    await expect(tabs(page).locator('[role="tabpanel"]:not([hidden])')).toHaveCount(1);
    await manually.focus();
    await page.keyboard.press('ArrowRight');
    await expect(automated).toBeFocused();
    await expect(automated).toHaveAttribute('aria-selected', 'true');
    await expect(tabs(page).locator('[role="tabpanel"]:not([hidden])')).toContainText('I\'m glad you asked!');
    await page.keyboard.press('ArrowRight'); // wraps around
    await expect(manually).toBeFocused();
    await page.keyboard.press('End');
    await expect(automated).toBeFocused();
    await page.keyboard.press('Home');
    await expect(manually).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(automated).toBeFocused();
    // Tab moves from the selected tab into its panel, not through the other tabs.
    await page.keyboard.press('Tab');
    await expect(tabs(page).locator('[role="tabpanel"]:not([hidden])')).toBeFocused();
    const outline = await tabs(page).locator('[role="tabpanel"]:not([hidden])').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    expect(pageErrors).toEqual([]);
  });

  test('same-label tabs stay in sync across the site and the choice survives a reload', async ({ page, pageErrors }) => {
    await page.goto('/security/');
    await tabs(page).getByRole('tab', { name: 'Automated' }).click();
    await page.reload();
    await expect(tabs(page).getByRole('tab', { name: 'Automated' })).toHaveAttribute('aria-selected', 'true');
    await page.goto('/verify-in-ci/');
    await expect(tabs(page).getByRole('tab', { name: 'Automated' })).toHaveAttribute('aria-selected', 'true');
    await expect(tabs(page).locator('[role="tabpanel"]:not([hidden])')).toContainText('composite action');
    await tabs(page).getByRole('tab', { name: 'Manually' }).click();
    await page.goto('/security/');
    await expect(tabs(page).getByRole('tab', { name: 'Manually' })).toHaveAttribute('aria-selected', 'true');
    expect(pageErrors).toEqual([]);
  });

  test('a URL fragment naming a tab selects it and scrolls to it; clicking updates the URL without jumping', async ({ page, pageErrors }) => {
    await page.goto('/security/#automated');
    const automated = tabs(page).getByRole('tab', { name: 'Automated' });
    await expect(automated).toHaveAttribute('aria-selected', 'true');
    await expect(automated).toBeInViewport();
    const before = await page.evaluate(() => window.scrollY);
    await tabs(page).getByRole('tab', { name: 'Manually' }).click();
    await expect(page).toHaveURL(/#manually$/);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(2);
    expect(pageErrors).toEqual([]);
  });

  test('hidden panels are hidden="until-found": a text fragment opens the right tab', async ({ page, pageErrors }) => {
    await page.goto('/security/');
    const panel = page.locator('.tabbed-block[data-tab-label="Automated"]');
    await expect(panel).toHaveAttribute('hidden', 'until-found');
    await page.goto('/verify-in-ci/');
    await page.goto('/security/#:~:text=glad%20you%20asked');
    await expect(tabs(page).getByRole('tab', { name: 'Automated' })).toHaveAttribute('aria-selected', 'true', { timeout: 5000 });
    // Revealed is ours to assert; where the browser then scrolls is its own business (and timing:
    // this once missed the viewport under load, with the tab already open).
    await expect(page.getByText("I'm glad you asked!")).toBeVisible();
    expect(pageErrors).toEqual([]);
  });

  test('printing shows every panel with its label', async ({ page, pageErrors }) => {
    await page.goto('/security/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.tabbed-block[data-tab-label="Automated"]')).toBeVisible();
    await expect(page.locator('.tabbed-block[data-tab-label="Manually"]')).toBeVisible();
    const label = await page.locator('.tabbed-block[data-tab-label="Automated"]').evaluate((el) => getComputedStyle(el, '::before').content);
    expect(label).toBe('"Automated"');
    expect(pageErrors).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every tab still works, and nothing interactive is left dead', async ({ page }) => {
    await page.goto('/security/');
    const manual = page.locator('.tabbed-block[data-tab-label="Manually"]');
    const automated = page.locator('.tabbed-block[data-tab-label="Automated"]');
    await expect(manual).toBeVisible();
    await page.locator('.tabbed-labels label', { hasText: 'Automated' }).click();
    await expect(automated).toBeVisible();
    await expect(automated).toContainText("I'm glad you asked!");
    await expect(manual).toBeHidden();
    await expect(page.locator('button[data-copy]').first()).toBeHidden();
    await expect(page.locator('[data-theme-toggle]')).toBeHidden();
    await expect(page.locator('[data-search]')).toBeHidden();
  });
});

test.describe('code blocks', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test('the copy button copies exactly the code and says so', async ({ page, pageErrors }) => {
    await page.goto('/security/');
    const frame = page.locator('.tabbed-block[data-tab-label="Manually"] .code-frame');
    await frame.locator('button[data-copy]').click();
    await expect(frame.locator('button[data-copy]')).toHaveText('Copied');
    await expect(frame.locator('.copy-status')).toHaveText('Code copied to clipboard');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      './slsa-verifier-darwin-arm64 verify-artifact \\\n    --provenance-path "multiple.intoto.jsonl" \\\n    --source-uri github.com/aws-powertools/powertools-lambda-python \\\n    aws_lambda_powertools-2.20.0-py3-none-any.whl',
    );
    expect(pageErrors).toEqual([]);
  });

  test('an included block says which file and lines it shows, and links there', async ({ page, pageErrors }) => {
    await page.goto('/verify-in-ci/');
    const source = page.locator('.code-source').last();
    await expect(source).toContainText(/verify_provenance\.sh, lines \d+–\d+/);
    await expect(source.getByRole('link')).toHaveAttribute('href', /verify_provenance\.sh#L\d+-L\d+$/);
    expect(pageErrors).toEqual([]);
  });

  test('long lines scroll inside the block, not the page', async ({ page, pageErrors }) => {
    await page.setViewportSize({ width: 360, height: 700 });
    await page.goto('/verify-in-ci/');
    const pre = page.locator('pre').first();
    expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

test.describe('page shell', () => {
  test('the theme toggle respects the system, switches, and remembers without a flash', async ({ page, pageErrors }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/security/');
    const toggle = page.locator('[data-theme-toggle]');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(light).toBe('rgb(255, 255, 255)');
    // On the next page the choice is applied by the inline head script, before the first paint.
    await page.goto('/verify-in-ci/');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(pageErrors).toEqual([]);
  });

  test('no layout shift while the page settles (theme and remembered tabs restored)', async ({ page, pageErrors }) => {
    await page.goto('/security/');
    await tabs(page).getByRole('tab', { name: 'Automated' }).click();
    await page.locator('[data-theme-toggle]').click();
    await page.goto('/security/');
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>) total += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    expect(shift).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test('the table of contents marks the section being read', async ({ page, pageErrors }) => {
    await page.goto('/security/');
    await page.getByRole('heading', { name: 'Coordinated disclosure' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect(page.locator('nav.toc a[aria-current="true"]')).toHaveText('Coordinated disclosure');
    expect(pageErrors).toEqual([]);
  });

  test('search finds a word that only an included file contains', async ({ page, pageErrors }) => {
    await page.goto('/');
    await page.locator('[data-search] > button').click();
    const input = page.getByRole('dialog').locator('input');
    await input.fill('embargo');
    await input.fill('safe harbour');
    await input.fill('Idempotency');
    const result = page.getByRole('dialog').locator('.pagefind-ui__result-link').first();
    await expect(result).toHaveAttribute('href', /\/security\//);
    expect(pageErrors).toEqual([]);
  });

  test('a missing page gets the 404 page', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });

  test('on a phone the navigation is a menu', async ({ page, pageErrors }) => {
    await page.setViewportSize({ width: 360, height: 700 });
    await page.goto('/security/');
    const menu = page.locator('.nav-drawer > summary');
    await expect(menu).toBeVisible();
    const link = page.getByRole('navigation', { name: 'Documentation' }).getByRole('link', { name: 'Verifying releases in CI' });
    await expect(link).toBeHidden();
    await menu.click();
    await link.click();
    await expect(page).toHaveURL(/\/verify-in-ci\/$/);
    expect(pageErrors).toEqual([]);
  });

  test('edit-this-page, included files and last-updated', async ({ page, pageErrors }) => {
    await page.goto('/security/');
    const meta = page.locator('.page-meta');
    await expect(meta.getByRole('link', { name: 'Edit this page' })).toHaveAttribute('href', /\/edit\/develop\/content\/docs\/security\.mdx$/);
    await expect(meta.getByRole('link', { name: 'SECURITY.md' })).toHaveAttribute('href', /\/edit\/develop\/SECURITY\.md$/);
    await expect(meta.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
    expect(pageErrors).toEqual([]);
  });

  test('a sitemap lists every page', async ({ request }) => {
    const sitemap = await (await request.get('/sitemap-0.xml')).text();
    for (const path of ['/security/', '/verify-in-ci/']) expect(sitemap).toContain(path);
  });
});
