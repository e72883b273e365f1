import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { initialFiles, restoreSiteFiles as restore, siteFile as site, writeSiteFile as write } from './dev-site.mjs';


/**
 * Open a page and let it settle: on a cold dev server Vite may optimise a dependency on the
 * first request and reload the page once by itself.
 */
async function open(page: Page, url: string) {
  await page.goto(url);
  // Bounded: "network idle" is a settling aid, not a requirement; once (in one of seven full runs)
  // it never came and the test hung to its timeout. The assertions that follow check the page.
  const settle = () => page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await settle();
  await page.waitForEvent('framenavigated', { timeout: 1500 }).catch(() => undefined);
  await settle();
}

/** Marks the window so a test can tell the page reloaded by itself (the mark is gone). */
async function mark(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { __mark: boolean }).__mark = true;
  });
}
const marked = (page: Page) => page.evaluate(() => Boolean((window as unknown as { __mark?: boolean }).__mark));

async function renders(page: Page, name: string): Promise<{ renders: number; dependencies: string[] }> {
  const response = await page.request.get('/__scissors/dependencies');
  const { pages } = (await response.json()) as { pages: Array<{ page: string; renders: number; dependencies: string[] }> };
  const entry = pages.find((p) => p.page.endsWith(`/content/docs/${name}.mdx`));
  return { renders: entry?.renders ?? 0, dependencies: entry?.dependencies ?? [] };
}

test.describe.configure({ mode: 'serial' });

test('saving an included file updates the open page by itself', async ({ page }) => {
  await open(page, '/live/');
  await expect(page.getByText('version one')).toBeVisible();
  await mark(page);
  try {
    write('parts/live.md', '## Live heading\n\nversion two\n\n--8<-- "parts/nested.md"\n');
    await expect(page.getByText('version two')).toBeVisible({ timeout: 10_000 });
    expect(await marked(page)).toBe(false);
  } finally {
    restore('parts/live.md');
  }
  await expect(page.getByText('version one')).toBeVisible({ timeout: 10_000 });
});

test('a file included by an included file, and a line range, are live too', async ({ page }) => {
  await open(page, '/live/');
  try {
    write('parts/nested.md', 'nested two\n');
    await expect(page.getByText('nested two')).toBeVisible({ timeout: 10_000 });
    write('parts/code.txt', 'line 1\nline 2 v2\nline 3\n');
    await expect(page.locator('pre code')).toHaveText('line 2 v2', { timeout: 10_000 });
  } finally {
    restore('parts/nested.md', 'parts/code.txt');
  }
});

test('code blocks are highlighted in dev, before and after a save (by the cached highlighter: Astro\'s is off)', async ({ page }) => {
  await open(page, '/live/');
  const block = page.locator('pre.astro-code code span.line');
  await expect(block).toHaveText('line 2 v1');
  try {
    write('parts/code.txt', 'line 1\nline 2 v3\nline 3\n');
    await expect(block).toHaveText('line 2 v3', { timeout: 10_000 });
  } finally {
    restore('parts/code.txt');
  }
  await expect(block).toHaveText('line 2 v1', { timeout: 10_000 });
});

test('only pages that include a file re-render when it changes', async ({ page }) => {
  await open(page, '/other/');
  await open(page, '/live/');
  const before = { live: await renders(page, 'live'), other: await renders(page, 'other') };
  try {
    write('parts/nested.md', 'nested three\n');
    await expect(page.getByText('nested three')).toBeVisible({ timeout: 10_000 });
    await open(page, '/other/');
    expect((await renders(page, 'live')).renders).toBeGreaterThan(before.live.renders);
    expect((await renders(page, 'other')).renders).toBe(before.other.renders);
  } finally {
    restore('parts/nested.md');
  }
});

test('a save re-renders the including page once, and never the included Markdown file as a page of its own', async ({ page }) => {
  await open(page, '/live/');
  const registry = async () => ((await (await page.request.get('/__scissors/dependencies')).json()) as { pages: Array<{ page: string; renders: number }> }).pages;
  const before = await renders(page, 'live');
  try {
    write('parts/live.md', '## Live heading\n\nversion once\n\n--8<-- "parts/nested.md"\n');
    await expect(page.getByText('version once')).toBeVisible({ timeout: 10_000 });
    // Astro's dev server loads every Markdown module a page imports to collect its styles: an
    // included file must not be one (it went through the whole pipeline again on every save).
    expect((await registry()).filter((p) => p.page.endsWith('/parts/live.md') || p.page.endsWith('/parts/nested.md'))).toEqual([]);
    expect((await renders(page, 'live')).renders).toBe(before.renders + 1);
  } finally {
    restore('parts/live.md');
  }
  await expect(page.getByText('version one')).toBeVisible({ timeout: 10_000 });
});

test('a page that starts including a file tracks it from the next save, and stops when it stops', async ({ page }) => {
  await open(page, '/grow/');
  try {
    write('content/docs/grow.mdx', '---\ntitle: Grow\n---\n\nPlain page.\n\n--8<-- "parts/grown.md"\n');
    await expect(page.getByText('grown one')).toBeVisible({ timeout: 10_000 });
    write('parts/grown.md', 'grown two\n');
    await expect(page.getByText('grown two')).toBeVisible({ timeout: 10_000 });
    write('content/docs/grow.mdx', initialFiles['content/docs/grow.mdx']);
    await expect(page.getByText('grown two')).toHaveCount(0, { timeout: 10_000 });
    expect((await renders(page, 'grow')).dependencies).toEqual([]);
  } finally {
    restore('content/docs/grow.mdx', 'parts/grown.md');
  }
});

test('a page that comes to need MDX\'s runtime renders through MDX, and back through the static renderer; its include live in both', async ({ page }) => {
  await open(page, '/grow/');
  try {
    write('content/docs/grow.mdx', '---\ntitle: Grow\n---\n\nexport const answer = 6 * 7;\n\nThe answer is {answer}.\n\n--8<-- "parts/grown.md"\n');
    await expect(page.getByText('The answer is 42.')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByText('grown one')).toBeVisible();
    write('parts/grown.md', 'grown two\n');
    await expect(page.getByText('grown two')).toBeVisible({ timeout: 10_000 });
    write('content/docs/grow.mdx', '---\ntitle: Grow\n---\n\nPlain again.\n\n--8<-- "parts/grown.md"\n');
    await expect(page.getByText('Plain again.')).toBeVisible({ timeout: 10_000 });
    write('parts/grown.md', 'grown three\n');
    await expect(page.getByText('grown three')).toBeVisible({ timeout: 10_000 });
  } finally {
    restore('content/docs/grow.mdx', 'parts/grown.md');
  }
  await expect(page.getByText('Plain page.')).toBeVisible({ timeout: 10_000 });
});

test('deleting an included file shows the error with file:line and chain; restoring recovers', async ({ page }) => {
  await open(page, '/live/');
  try {
    fs.rmSync(site('parts/nested.md'));
    const overlay = page.locator('vite-error-overlay');
    await expect(overlay).toContainText('SNIPPET_NOT_FOUND', { timeout: 10_000 });
    await expect(overlay).toContainText('content/docs/live.mdx:5:1');
    await expect(overlay).toContainText('parts/live.md:5:1');
    await expect(overlay).toContainText('parts/nested.md');
  } finally {
    restore('parts/nested.md');
  }
  await expect(page.getByText('nested one')).toBeVisible({ timeout: 15_000 });
});

test('a typo fixed by creating the missing file recovers by itself', async ({ page }) => {
  const response = await page.goto('/typo/');
  expect(response?.status()).toBe(500);
  await expect(page.locator('vite-error-overlay')).toContainText('parts/later.md');
  try {
    write('parts/later.md', 'now it exists\n');
    await expect(page.getByText('now it exists')).toBeVisible({ timeout: 15_000 });
  } finally {
    restore('parts/later.md');
  }
});
