/**
 * The dev server under churn: 100 edits to included files within 10 s, an include deleted and
 * restored, renamed and renamed back, replaced by a directory, a page that includes itself.
 * The server stays up (other pages keep answering), recovers by itself, serves the final content,
 * and what its file watcher holds (`watched` in /__scissors/dependencies, read from the watcher
 * itself) does not grow with the number of edits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { devSiteDir, restoreSiteFiles as restore, siteFile as site, writeSiteFile as write } from './dev-site.mjs';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const t0 = Date.now();
const step = (what: string) => console.log(`[churn ${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}`);

async function state(request: APIRequestContext): Promise<{ watched: number; pages: Array<{ page: string; dependencies: string[] }> }> {
  const response = await request.get('/__scissors/dependencies');
  expect(response.ok()).toBe(true);
  return (await response.json()) as { watched: number; pages: Array<{ page: string; dependencies: string[] }> };
}

/** The page's status and text, polled until `accept` says yes (or the timeout). */
async function until(request: APIRequestContext, url: string, accept: (status: number, body: string) => boolean, timeout = 20_000) {
  const end = Date.now() + timeout;
  let last = { status: 0, body: '' };
  while (Date.now() < end) {
    const response = await request.get(url, { timeout: 10_000 }).catch(() => null);
    if (response) {
      last = { status: response.status(), body: await response.text() };
      if (accept(last.status, last.body)) return last;
    }
    await sleep(200);
  }
  throw new Error(`${url}: still ${last.status} after ${timeout} ms:\n${last.body.slice(0, 2000)}`);
}

/**
 * The page fails (500) and Vite's error overlay names the problem, polled until it does. Each check
 * opens a tab of its own and closes it before the test edits files again: a tab left open took
 * Vite's reloads through the churn, and one such reload stalled the context's teardown past the
 * test's time (CI).
 */
async function fails(context: BrowserContext, url: string, text: string, timeout = 20_000) {
  const end = Date.now() + timeout;
  let last = '';
  const page = await context.newPage();
  try {
    while (Date.now() < end) {
      const response = await page.goto(url, { timeout: 10_000 }).catch(() => null);
      if (response?.status() === 500) {
        // The overlay's text is in its shadow root, which Playwright's text assertions read.
        const shown = await expect(page.locator('vite-error-overlay'))
          .toContainText(text, { timeout: 5_000 })
          .then(() => true, (error: Error) => ((last = error.message), false));
        if (shown) return;
      }
      await sleep(300);
    }
  } finally {
    await page.close();
  }
  throw new Error(`${url}: no error overlay with "${text}" after ${timeout} ms; last overlay:\n${last.slice(0, 2000)}`);
}

/** Another page answers: the server is up. */
async function serverUp(request: APIRequestContext) {
  const response = await request.get('/other/');
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('A page that includes nothing.');
}

test.describe.configure({ mode: 'serial' });
test.setTimeout(150_000);

test.afterAll(() => restore('parts/churn-extra.md', 'parts/churn.md', 'parts/churn-nested.md', 'parts/churn-code.txt', 'parts/churn-renamed.md', 'content/docs/selfie.mdx'));

test('100 edits in under 10 s, deletions, a rename, a directory and a self-include: up, recovered, final content, no watcher leak', async ({ request, context }) => {
  await until(request, '/churn/', (s, b) => s === 200 && b.includes('churn start') && b.includes('nested start') && b.includes('code start'));
  const baseline = await state(request);
  // The count is the watcher's own: a new file in a watched folder shows up in it, and goes.
  write('parts/churn-extra.md', 'extra\n');
  await expect.poll(async () => (await state(request)).watched, { timeout: 10_000 }).toBe(baseline.watched + 1);
  fs.rmSync(site('parts/churn-extra.md'));
  await expect.poll(async () => (await state(request)).watched, { timeout: 10_000 }).toBe(baseline.watched);

  step('churn rounds');
  // Two rounds of 100 edits each (included file, nested include, code include), ~40 ms apart.
  const rounds: number[] = [];
  for (const round of [1, 2]) {
    const started = Date.now();
    for (let i = 0; i < 100; i++) {
      const file = ['parts/churn.md', 'parts/churn-nested.md', 'parts/churn-code.txt'][i % 3] as string;
      if (file === 'parts/churn.md') write(file, `churn r${round} e${i}\n\n--8<-- "parts/churn-nested.md"\n`);
      else if (file === 'parts/churn-nested.md') write(file, `nested r${round} e${i}\n`);
      else write(file, `code r${round} e${i}\n`);
      await sleep(40);
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    // The last edits: 99 → churn-nested? 99 % 3 = 0 → churn.md; 98 → code; 97 → nested.
    await until(request, '/churn/', (s, b) => s === 200 && b.includes(`churn r${round} e99`) && b.includes(`nested r${round} e97`) && b.includes(`code r${round} e98`));
    await serverUp(request);
    rounds.push((await state(request)).watched);
  }

  step('delete and restore');
  // An include deleted, then restored.
  fs.rmSync(site('parts/churn-nested.md'));
  await fails(context, '/churn/', 'SNIPPET_NOT_FOUND');
  await serverUp(request);
  write('parts/churn-nested.md', 'nested restored\n');
  await until(request, '/churn/', (s, b) => s === 200 && b.includes('nested restored'));

  step('rename');
  // Renamed away (the page now misses it), and back.
  fs.renameSync(site('parts/churn-nested.md'), site('parts/churn-renamed.md'));
  await fails(context, '/churn/', 'parts/churn-nested.md');
  await serverUp(request);
  fs.renameSync(site('parts/churn-renamed.md'), site('parts/churn-nested.md'));
  await until(request, '/churn/', (s, b) => s === 200 && b.includes('nested restored'));

  step('directory');
  // Replaced by a directory, then a file again.
  fs.rmSync(site('parts/churn-nested.md'));
  fs.mkdirSync(site('parts/churn-nested.md'));
  await fails(context, '/churn/', 'NOT_A_FILE');
  await serverUp(request);
  fs.rmSync(site('parts/churn-nested.md'), { recursive: true });
  write('parts/churn-nested.md', 'nested after directory\n');
  await until(request, '/churn/', (s, b) => s === 200 && b.includes('nested after directory'));

  step('self-include');
  // A page that includes itself: an error naming the cycle, then fixed.
  write('content/docs/selfie.mdx', '---\ntitle: Selfie\n---\n\nSelf.\n\n--8<-- "content/docs/selfie.mdx"\n');
  await fails(context, '/selfie/', 'INCLUDE_CYCLE');
  await serverUp(request);
  write('content/docs/selfie.mdx', '---\ntitle: Selfie\n---\n\nSelfie fixed.\n');
  await until(request, '/selfie/', (s, b) => s === 200 && b.includes('Selfie fixed.'));

  step('final content');
  // Final content, after everything.
  write('parts/churn.md', 'churn final\n\n--8<-- "parts/churn-nested.md"\n');
  const final = await until(request, '/churn/', (s, b) => s === 200 && b.includes('churn final') && b.includes('nested after directory'));
  expect(final.body).not.toContain('churn r2 e99');

  // The watcher: 200 edits added nothing between rounds, and the whole run only the few paths
  // it touched (the renamed file), not one entry per edit.
  const end = await state(request);
  console.log(`watched files: baseline ${baseline.watched}, after round 1 ${rounds[0]}, after round 2 ${rounds[1]}, at the end ${end.watched}`);
  expect(rounds[1]).toBe(rounds[0]);
  expect(end.watched - baseline.watched).toBeLessThanOrEqual(5);
  const churn = end.pages.find((p) => p.page.endsWith('/content/docs/churn.mdx'));
  expect(churn?.dependencies.map((d) => path.relative(devSiteDir as string, d)).sort()).toEqual(['parts/churn-code.txt', 'parts/churn-nested.md', 'parts/churn.md']);
});
