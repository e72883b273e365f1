import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { MKDOCS_DEV_PORT, mkdocsDevDir, mkdocsFiles } from './dev-mkdocs-site.mjs';

/** `scissors dev` on an MkDocs project: its pages follow edits to the files they include. */
const base = `http://127.0.0.1:${MKDOCS_DEV_PORT}`;
const write = (file: string, text: string) => fs.writeFileSync(path.join(mkdocsDevDir, file), text);

test.afterEach(() => {
  for (const file of ['examples/app.py', 'examples/notes.md']) write(file, mkdocsFiles[file as keyof typeof mkdocsFiles]);
});

test('an edit to an included example and to an included Markdown file shows in the open page', async ({ page }) => {
  await page.goto(`${base}/guide/usage/`);
  await expect(page.locator('pre code')).toContainText('version one');
  await expect(page.locator('.admonition')).toContainText('notes one');

  write('examples/app.py', 'print("version two")\n');
  await expect(page.locator('pre code')).toContainText('version two', { timeout: 15_000 });

  write('examples/notes.md', '!!! note "Notes"\n    notes two\n');
  await expect(page.locator('.admonition')).toContainText('notes two', { timeout: 15_000 });
  // The page link and the auto-appended abbreviations are still there after the re-render.
  await page.goto(`${base}/`);
  await expect(page.locator('article a[href="/guide/usage/#example"]')).toHaveCount(1);
});

test('a save renders the Markdown page once', async ({ page }) => {
  // The snippet stage counts each time a page goes through the pipeline (/__scissors/dependencies).
  const renders = async () => {
    const { pages } = (await (await fetch(`${base}/__scissors/dependencies`)).json()) as { pages: Array<{ page: string; renders: number }> };
    return pages.find((p) => p.page.endsWith('/docs/guide/usage.md'))?.renders ?? 0;
  };
  await page.goto(`${base}/guide/usage/`);
  await expect(page.locator('pre code')).toContainText('version one');
  const before = await renders();
  write('examples/app.py', 'print("version once")\n');
  await expect(page.locator('pre code')).toContainText('version once', { timeout: 15_000 });
  expect(await renders()).toBe(before + 1);
});

test('a missing include is an error naming the page, the line and the include chain; restoring it recovers', async ({ page }) => {
  await page.goto(`${base}/guide/usage/`);
  fs.rmSync(path.join(mkdocsDevDir, 'examples/notes.md'));
  const overlay = page.locator('vite-error-overlay');
  await expect(overlay).toContainText('SNIPPET_NOT_FOUND', { timeout: 15_000 });
  await expect(overlay).toContainText('docs/guide/usage.md:9');
  await expect(overlay).toContainText('examples/notes.md');
  write('examples/notes.md', '!!! note "Notes"\n    notes back\n');
  await expect.poll(async () => (await fetch(`${base}/guide/usage/`)).text(), { timeout: 15_000 }).toContain('notes back');
  await page.goto(`${base}/guide/usage/`);
  await expect(page.locator('.admonition')).toContainText('notes back');
});
