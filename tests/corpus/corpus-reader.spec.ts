import { expect, test, type Page } from '@playwright/test';

/**
 * What a reader of a real MkDocs Material site gets from Scissors: diagrams drawn, code
 * annotations opened with the keyboard, tabs that switch together, icons, and relative
 * `.md` links that land on the right heading.
 */
async function open(page: Page, url: string): Promise<string[]> {
  const errors: string[] = [];
  // No internet here: the site's scripts from other hosts are refused, not waited for.
  await page.route((u) => u.hostname !== '127.0.0.1', (route) => route.abort());
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return errors;
}

test('mermaid diagrams are drawn as SVG, and only pages with a diagram load the library', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await open(page, '/utilities/batch/');
  const diagrams = page.locator('pre.mermaid');
  expect(await diagrams.count()).toBeGreaterThan(0);
  await expect(diagrams.first().locator('svg')).toBeVisible({ timeout: 15_000 });
  const withDiagram = requests.filter((u) => /mermaid/i.test(u) && u.includes('/_astro/')).length;
  expect(withDiagram).toBeGreaterThan(0);

  // A page of its own: the first page may still be fetching mermaid's chunks for its later diagrams.
  const other = await page.context().newPage();
  const otherRequests: string[] = [];
  other.on('request', (r) => otherRequests.push(r.url()));
  await open(other, '/core/tracer/');
  await other.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  expect(otherRequests.filter((u) => u.includes('/_astro/')).length).toBeGreaterThan(0);
  expect(otherRequests.filter((u) => /mermaid/i.test(u) && u.includes('/_astro/'))).toEqual([]);
});

test('a code annotation opens from the keyboard and closes with Escape', async ({ page }) => {
  await open(page, '/utilities/batch/');
  const marker = page.locator('button.md-annotation').first();
  await marker.focus();
  await expect(marker).toBeFocused();
  const id = await marker.getAttribute('popovertarget');
  expect(id).toBeTruthy();
  const note = page.locator(`[id="${id}"]`);
  await expect(note).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(note).toBeVisible();
  expect((await note.innerText()).trim().length).toBeGreaterThan(3);
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
});

test('tabs with the same label switch together across the page (content.tabs.link)', async ({ page }) => {
  await open(page, '/utilities/batch/');
  const context = page.getByRole('tab', { name: 'As a context manager', exact: true });
  expect(await context.count()).toBeGreaterThan(2);
  await context.first().click();
  for (const tab of await context.all()) await expect(tab).toHaveAttribute('aria-selected', 'true');
  const recommended = page.getByRole('tab', { name: 'Recommended', exact: true });
  await recommended.last().click();
  for (const tab of await recommended.all()) await expect(tab).toHaveAttribute('aria-selected', 'true');
});

test('icons and emoji shortcodes render as inline SVG', async ({ page }) => {
  await open(page, '/');
  const icons = page.locator('article .twemoji svg');
  expect(await icons.count()).toBeGreaterThan(5);
  await expect(icons.first()).toBeVisible();
  const box = await icons.first().boundingBox();
  expect(box?.height ?? 0).toBeGreaterThan(8);
});

test('a relative .md link lands on the right page and heading', async ({ page }) => {
  await open(page, '/');
  const link = page.locator('article a[href="/core/tracer/#install"]').first();
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(page).toHaveURL(/\/core\/tracer\/#install$/);
  const heading = page.locator('#install');
  await expect(heading).toHaveText(/Install/);
  await expect(heading).toBeInViewport();
});

test('navigation.tabs: the top-level sections as tabs, the current one marked; the sidebar marks the page', async ({ page }) => {
  await open(page, '/core/tracer/');
  const tabs = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
  await expect(tabs).toHaveText(['Homepage', 'Tutorial', 'Processes']);
  await expect(tabs.first()).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('navigation', { name: 'Documentation' }).locator('a[aria-current="page"]')).toHaveText('Tracer');
});

test('a corpus page has no accessibility violations in either theme', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, '/utilities/batch/');
    // The site's own extra_javascript/css are theirs; our page is what is checked.
    const results = await new AxeBuilder({ page }).exclude('pre.mermaid svg').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), scheme).toEqual([]);
  }
});
