/**
 * The loader's side of the page worker. A stand-in worker (a script spoken to over the IPC
 * channel, as the real one) claims every page at once and then answers each as its name says. A
 * page is kept only when the worker rendered the text the loader read;
 * a worker that stops releases the loader, which then renders the rest itself.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { RendererSettings } from '../../../src/integration/render-cache.ts';
import { snippetReadTotals } from '../../../src/integration/snippet-read-stats.ts';
import { WorkerLink, workerExecArgv } from '../../../src/parallel/worker-link.ts';

const messages = path.resolve(import.meta.dirname, '../../../src/parallel/messages.ts');
const settings: RendererSettings = { shikiConfig: { theme: 'x' }, image: null };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-worker-link-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const worker = path.join(dir, 'worker.ts');
fs.writeFileSync(
  worker,
  `
import { OutcomeWriter, textDigest } from ${JSON.stringify(messages)};
process.on('message', (message) => {
  if (message.type !== 'start') return;
  const output = new OutcomeWriter(message.output);
  for (const page of message.pages) process.send({ type: 'claim', page });
  for (const page of message.pages) {
    if (page === 'crash.md') process.exit(3);
    const html = { kind: 'html', html: '<p>' + page + '</p>', headings: [], frontmatter: {}, warnings: [], dependencies: [] };
    const outcome = page === 'failed.md' ? { kind: 'failed' } : html;
    const text = page === 'edited.md' ? 'the text before the edit' : 'text of ' + page;
    process.send({ type: 'page', page, source: textDigest(text), at: output.write(outcome), reads: { count: 1, files: ['/included/' + page] } });
  }
});
process.on('disconnect', () => process.exit(0));
`,
);

async function linkFor(pages: string[]) {
  const link = new WorkerLink({ argv: [worker], settings, root: dir, base: dir, pages, cacheDir: path.join(dir, 'cache') });
  // The worker's claims arrive as messages: wait for the last one.
  for (let i = 0; i < 200 && !link.workerHas(pages.at(-1) as string) && !link.unavailable; i++) await new Promise((r) => setTimeout(r, 25));
  return link;
}

test('a page the worker claimed is its own; the loader waits for it and keeps it when it rendered the same text', async () => {
  const link = await linkFor(['good.md', 'edited.md', 'failed.md']);
  try {
    assert.equal(await link.claim('good.md'), false, 'the worker took it');
    assert.deepEqual(await link.outcome('good.md', 'text of good.md'), {
      kind: 'html',
      html: '<p>good.md</p>',
      headings: [],
      frontmatter: {},
      warnings: [],
      dependencies: [],
    });
    assert.equal(await link.outcome('edited.md', 'text of edited.md'), undefined, 'rendered from text the loader did not read');
    assert.deepEqual(await link.outcome('failed.md', 'text of failed.md'), { kind: 'failed' });
    assert.equal(link.unavailable, undefined);
    // What the worker read counts in the build's `snippets: N file reads` line.
    const { reads, paths } = snippetReadTotals();
    assert.ok(reads >= 3, `${reads} reads`);
    for (const page of ['good.md', 'edited.md', 'failed.md']) assert.ok(paths.includes(`/included/${page}`), paths.join(', '));
  } finally {
    link.finish();
  }
});

test("a worker that stops releases the loader: its unfinished pages are the loader's again", async () => {
  const link = await linkFor(['good.md', 'crash.md']);
  try {
    assert.equal(await link.outcome('crash.md', 'text of crash.md'), undefined);
    assert.match(link.unavailable ?? '', /the page worker stopped \(status 3\)/);
    assert.equal(await link.claim('crash.md'), true, 'the loader takes it back');
  } finally {
    link.finish();
  }
});

test('a debugger flag of the loader is not given to the worker (it would wait for a debugger, or take the port)', () => {
  assert.deepEqual(workerExecArgv(['--heap-growing-percent=50', '--inspect-brk=9229', '--inspect', '--max-old-space-size=4096']), [
    '--heap-growing-percent=50',
    '--max-old-space-size=4096',
  ]);
});

test("the worker's output folder is in the cache folder, and gone when the loader is done", async () => {
  const link = await linkFor(['good.md']);
  const outputs = () => fs.readdirSync(path.join(dir, 'cache')).filter((e) => e.startsWith('scissors-page-worker-'));
  assert.equal(outputs().length, 1);
  link.finish();
  assert.deepEqual(outputs(), []);
});
