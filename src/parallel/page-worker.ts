/**
 * The page worker: a process the docs loader starts when its pages are slow to render. It makes
 * the site's renderers as the quick rebuild does (astro.config loaded natively, Astro's resolved
 * settings as the loader's render cache records them) and renders pages from the end of the loader's list while the loader
 * renders from the start; each says which page it takes, so a page is rendered once (twice at
 * worst, when both take it at the same moment: the loader keeps its own). The loader stores the
 * results in its order, so the site is the same with or without the worker
 * (tests/build/page-worker.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { liveReaders } from '../integration/snippet-read-stats.ts';
import type { FileReader } from '../snippets/read.ts';
import { isToWorker, OutcomeWriter, textDigest, type FromWorker, type OutcomeLocation, type SnippetReads, type ToWorker, type WorkerOutcome } from './messages.ts';

type Start = Extract<ToWorker, { type: 'start' }>;

export async function runPageWorker(): Promise<void> {
  try {
    await work();
  } finally {
    // Done (or unable): the channel closed, the process ends.
    if (process.connected) process.disconnect();
  }
}

async function work(): Promise<void> {
  // The loader may be gone by the time a page is done (it rendered that page too, and finished):
  // a message then has nowhere to go, and is dropped.
  const send = (message: FromWorker) => {
    if (process.connected) process.send?.(message, undefined, {}, () => undefined);
  };
  let start: Start | undefined;
  let finished = false;
  // Pages the loader took, and pages this worker took.
  const theirs = new Set<string>();
  const ours = new Set<string>();
  let wake: (() => void) | undefined;
  process.on('message', (message) => {
    if (!isToWorker(message)) return;
    if (message.type === 'start') start = message;
    else if (message.type === 'claim') theirs.add(message.page);
    else finished = true;
    wake?.();
  });
  // The loader gone (its build ended or failed): nothing left to do.
  process.on('disconnect', () => process.exit(0));
  const nextMessage = () => new Promise<void>((resolve) => (wake = resolve));
  // Between pages: let the loader's claims in (they arrive as I/O, after a page's synchronous work).
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

  const [{ createRenderersOutsideAstro }, { parseFrontmatter }, { renderPage }] = await Promise.all([
    import('../integration/site-renderers.ts'),
    import('@astrojs/markdown-remark'),
    import('../integration/render-page.ts'),
  ]);
  while (!start && !finished) await nextMessage();
  if (!start) return;
  const { settings, root, base, pages } = start;
  // As the quick rebuild makes them: the loader sends what its render cache records.
  const renderers = await createRenderersOutsideAstro(root, settings);
  if (finished) return;
  if (typeof renderers === 'string') return void send({ type: 'unable', reason: renderers });
  // The loader may have finished while this worker was starting (a small or fast site): then its
  // output folder is gone, and there is nothing to do.
  if (finished) return;
  let output: OutcomeWriter;
  try {
    output = new OutcomeWriter(start.output);
  } catch (error) {
    return void send({ type: 'unable', reason: `its output file cannot be written (${error instanceof Error ? error.message : String(error)})` });
  }

  // What this process read of included files, reported with each page as what is new since the
  // last: each reader's count and the tail of its files (first reads are appended), not all so far.
  const reported = new Map<FileReader, { reads: number; files: number }>();
  const newReads = (): SnippetReads => {
    let count = 0;
    const files: string[] = [];
    for (const reader of liveReaders()) {
      const before = reported.get(reader) ?? { reads: 0, files: 0 };
      count += reader.reads - before.reads;
      files.push(...reader.filesRead.slice(before.files));
      reported.set(reader, { reads: reader.reads, files: reader.filesRead.length });
    }
    return { count, files };
  };

  let next = pages.length - 1;
  while (!finished) {
    await turn();
    while (next >= 0 && (theirs.has(pages[next] as string) || ours.has(pages[next] as string))) next--;
    if (next < 0) {
      await nextMessage();
      continue;
    }
    const page = pages[next] as string;
    ours.add(page);
    send({ type: 'claim', page });
    let outcome: WorkerOutcome;
    let source = '';
    // A renderer prints a page's error before throwing it (as Astro does); the loader prints it when
    // it renders the page again, so the worker's copy would be the same error twice, out of order.
    const printError = console.error;
    console.error = () => undefined;
    try {
      const absolute = path.join(base, page);
      const text = fs.readFileSync(absolute, 'utf8');
      source = textDigest(text);
      const { frontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
      outcome = await renderPage(renderers, absolute, content, frontmatter);
    } catch {
      // The loader renders the page again and reports the error (the renderer printed it here too: not kept).
      outcome = { kind: 'failed' };
    } finally {
      console.error = printError;
    }
    let at: OutcomeLocation;
    try {
      at = output.write(outcome);
    } catch (error) {
      return void send({ type: 'unable', reason: `its output file cannot be written (${error instanceof Error ? error.message : String(error)})` });
    }
    send({ type: 'page', page, source, at, reads: newReads() });
  }
}
