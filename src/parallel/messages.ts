/**
 * What the docs loader and its page worker (a process of its own, page-worker.ts) say to each
 * other. On a site whose pages are slow to render, the loader starts the worker, which renders
 * pages from the end of the loader's list while the loader renders from the start (BENCHMARKS.md,
 * "Page worker").
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { RendererSettings } from '../integration/render-cache.ts';
import type { PageRender } from '../integration/render-page.ts';

/** Set in the page worker's environment: the process is the worker. */
export const PAGE_WORKER_ROLE = 'SCISSORS_PAGE_WORKER_ROLE';

/** A page as the worker rendered it; `failed`: the loader renders it itself (and reports the error). */
export type WorkerOutcome = PageRender | { kind: 'failed' };

/** Included files the worker read since its last message: how many reads, and the files first read. */
export interface SnippetReads {
  count: number;
  files: string[];
}

/** Where an outcome is in the worker's output file. */
export interface OutcomeLocation {
  start: number;
  length: number;
}

export type ToWorker =
  /**
   * What to render: `settings`, Astro's resolved settings as the render cache records them (the
   * quick rebuild renders with the same); `root`, the project whose astro.config the renderers come from; `output`, the
   * file the outcomes go to (pages' HTML is too large for the IPC pipe: a message larger than its
   * buffer waits for the busy sender's next turn); `pages`, paths under `base`, in the loader's order.
   */
  | { type: 'start'; settings: RendererSettings; root: string; output: string; base: string; pages: string[] }
  /** The loader renders this page itself. */
  | { type: 'claim'; page: string }
  /** The loader is done: the worker exits. */
  | { type: 'finish' };

export type FromWorker =
  /** The worker renders this page; the loader waits for it. */
  | { type: 'claim'; page: string }
  /**
   * A page rendered, its outcome at `at` in the output file. `source`: the digest of the text it
   * read (the loader keeps the page only if it read the same: the file may change during a build).
   * `reads`: for the build's `snippets: N file reads` line, which counts both processes' reads.
   */
  | { type: 'page'; page: string; source: string; at: OutcomeLocation; reads: SnippetReads }
  /** The worker cannot render as the loader would (it says why once, and renders nothing). */
  | { type: 'unable'; reason: string };

const hasType = (message: unknown, types: readonly string[]): boolean =>
  typeof message === 'object' && message !== null && types.includes(String((message as { type?: unknown }).type));

export const isToWorker = (message: unknown): message is ToWorker => hasType(message, ['start', 'claim', 'finish']);
export const isFromWorker = (message: unknown): message is FromWorker => hasType(message, ['claim', 'page', 'unable']);

/** A page text's digest, to tell that the worker rendered the text the loader read. */
export const textDigest = (text: string) => createHash('sha256').update(text).digest('base64');

/** Appends outcomes to the worker's output file. */
export class OutcomeWriter {
  private readonly fd: number;
  private size = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  write(outcome: WorkerOutcome): OutcomeLocation {
    const bytes = Buffer.from(JSON.stringify(outcome), 'utf8');
    fs.writeSync(this.fd, bytes, 0, bytes.length, this.size);
    const at = { start: this.size, length: bytes.length };
    this.size += bytes.length;
    return at;
  }
}

/** An outcome the worker wrote. */
export function readOutcome(file: string, { start, length }: OutcomeLocation): WorkerOutcome {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(length);
    fs.readSync(fd, bytes, 0, length, start);
    return JSON.parse(bytes.toString('utf8')) as WorkerOutcome;
  } finally {
    fs.closeSync(fd);
  }
}
