/**
 * The page worker process itself (bin/scissors.mjs with SCISSORS_PAGE_WORKER_ROLE=1), spoken to
 * as the docs loader speaks to it: it renders the pages it is given from the last, skips those the
 * loader claimed, renders them as the loader's own renderers do, and leaves quietly when the loader
 * is done before it is up.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { renderPage } from '../../../src/integration/render-page.ts';
import { createRenderersOutsideAstro } from '../../../src/integration/site-renderers.ts';
import type { RendererSettings } from '../../../src/integration/render-cache.ts';
import { PAGE_WORKER_ROLE, readOutcome, textDigest, type FromWorker, type ToWorker } from '../../../src/parallel/messages.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-page-worker-unit-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const settings: RendererSettings = { shikiConfig: {}, image: { domains: [], remotePatterns: [] } };
const pages: Record<string, string> = {
  'a.mdx': '---\ntitle: A\n---\n\n## First\n\n```python\nprint("a")\n```\n',
  'b.mdx': '---\ntitle: B\n---\n\n:::note\nSecond, with a [link](https://example.org/).\n:::\n',
  'c.mdx': '---\ntitle: C\n---\n\nThird.\n',
};
for (const [name, text] of Object.entries(pages)) fs.writeFileSync(path.join(dir, name), text);

function startWorker() {
  const worker = spawn(process.execPath, [path.join(root, 'bin/scissors.mjs')], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, [PAGE_WORKER_ROLE]: '1' },
  });
  let output = '';
  worker.stdout?.on('data', (d) => (output += d));
  worker.stderr?.on('data', (d) => (output += d));
  const messages: FromWorker[] = [];
  worker.on('message', (m: FromWorker) => messages.push(m));
  const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));
  const send = (m: ToWorker) => worker.send(m);
  return { worker, messages, exited, send, output: () => output };
}

async function until(done: () => boolean) {
  for (let i = 0; i < 600 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(done(), 'timed out');
}

test('the worker renders its pages from the last, skips the ones the loader claimed, and renders as the loader does', async () => {
  const output = path.join(dir, 'out-1.jsonl');
  const w = startWorker();
  w.send({ type: 'start', settings, root, output, base: dir, pages: Object.keys(pages) });
  w.send({ type: 'claim', page: 'a.mdx' });
  const rendered = () => w.messages.filter((m) => m.type === 'page');
  await until(() => rendered().length === 2);
  assert.deepEqual(
    w.messages.map((m) => `${m.type} ${'page' in m ? m.page : ''}`),
    ['claim c.mdx', 'page c.mdx', 'claim b.mdx', 'page b.mdx'],
  );
  const renderers = await createRenderersOutsideAstro(root, settings);
  assert.ok(typeof renderers !== 'string', String(renderers));
  for (const message of rendered()) {
    if (message.type !== 'page') continue;
    const text = pages[message.page] as string;
    assert.equal(message.source, textDigest(text));
    // As the docs loader reads a page.
    const { frontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
    const expected = await renderPage(renderers, path.join(dir, message.page), content, frontmatter);
    assert.deepEqual(readOutcome(output, message.at), JSON.parse(JSON.stringify(expected)));
  }
  w.send({ type: 'finish' });
  assert.equal(await w.exited, 0, 'the worker exits when the loader is done');
  assert.equal(w.output(), '');
});

test('each page message carries the included files the worker read since the last one, for the build\'s read count', async () => {
  fs.writeFileSync(path.join(dir, 'inc-1.mdx'), '---\ntitle: One\n---\n\n--8<-- "SECURITY.md:1:2"\n');
  fs.writeFileSync(path.join(dir, 'inc-2.mdx'), '---\ntitle: Two\n---\n\n--8<-- "SECURITY.md:1:2"\n\n--8<-- "README.md:1:1"\n');
  const w = startWorker();
  w.send({ type: 'start', settings, root, output: path.join(dir, 'out-reads.jsonl'), base: dir, pages: ['inc-1.mdx', 'inc-2.mdx'] });
  const rendered = () => w.messages.flatMap((m) => (m.type === 'page' ? [m] : []));
  await until(() => rendered().length === 2);
  // From the last page: it reads both files; the first page's include was read already.
  assert.deepEqual(
    rendered().map((m) => [m.page, m.reads.count, [...m.reads.files].sort()]),
    [
      ['inc-2.mdx', 2, [path.join(root, 'README.md'), path.join(root, 'SECURITY.md')]],
      ['inc-1.mdx', 0, []],
    ],
  );
  w.send({ type: 'finish' });
  assert.equal(await w.exited, 0);
});

test('a loader done before the worker is up (its output folder already removed) leaves the worker nothing to do: it exits quietly', async () => {
  const w = startWorker();
  w.send({ type: 'start', settings, root, output: path.join(dir, 'removed/out.jsonl'), base: dir, pages: Object.keys(pages) });
  w.send({ type: 'finish' });
  assert.equal(await w.exited, 0);
  assert.deepEqual(w.messages, []);
  assert.equal(w.output(), '');
});

test('a page that fails to render is left to the loader, which reports the error: the worker prints nothing', async () => {
  fs.writeFileSync(path.join(dir, 'broken.md'), '# Broken\n\n--8<-- "no/such/file.md"\n');
  const output = path.join(dir, 'out-broken.jsonl');
  const w = startWorker();
  w.send({ type: 'start', settings, root, output, base: dir, pages: ['broken.md'] });
  await until(() => w.messages.some((m) => m.type === 'page'));
  const message = w.messages.find((m) => m.type === 'page');
  assert.ok(message?.type === 'page');
  assert.deepEqual(readOutcome(output, message.at), { kind: 'failed' });
  w.send({ type: 'finish' });
  assert.equal(await w.exited, 0);
  assert.equal(w.output(), '', "the error is the loader's to print, once");
});
