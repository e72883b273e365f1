/**
 * The docs loader's side of the page worker (page-worker.ts): it starts the worker, claims each
 * page before rendering it, and awaits from the worker a page the worker claimed first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { RendererSettings } from '../integration/render-cache.ts';
import { addWorkerReads, resetWorkerReads } from '../integration/snippet-read-stats.ts';
import { isFromWorker, PAGE_WORKER_ROLE, readOutcome, textDigest, type OutcomeLocation, type ToWorker, type WorkerOutcome } from './messages.ts';

export interface WorkerStart {
  /** Node's arguments that start the worker (bin/scissors.mjs, which runs it when PAGE_WORKER_ROLE is set). */
  argv: string[];
  /** Astro's resolved settings, as the render cache records them. */
  settings: RendererSettings;
  /** The project whose astro.config the renderers come from. */
  root: string;
  /** The folder of the pages, and the pages to render, in the loader's order. */
  base: string;
  pages: string[];
  /** Where the worker's output folder goes (the build's cache folder: on disk, beside the site's other caches). */
  cacheDir: string;
}

const OUTPUT_PREFIX = 'scissors-page-worker-';
/** An output folder older than this is a build's that was killed (a running one removes its own). */
const STALE_MS = 60 * 60 * 1000;

/** Output folders killed builds left behind. */
function removeStaleOutputs(cacheDir: string): void {
  for (const entry of fs.readdirSync(cacheDir)) {
    const folder = path.join(cacheDir, entry);
    if (entry.startsWith(OUTPUT_PREFIX) && Date.now() - fs.statSync(folder).mtimeMs > STALE_MS) fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Node's arguments of this process minus a debugger's: a worker would wait on `--inspect-brk` (or take the port). */
export const workerExecArgv = (execArgv: readonly string[]) => execArgv.filter((arg) => !/^--(inspect|debug)/.test(arg));

export class WorkerLink {
  private readonly claimedByWorker = new Set<string>();
  private readonly results = new Map<string, { source: string; at: OutcomeLocation }>();
  private readonly waiting = new Map<string, () => void>();
  private readonly folder: string;
  private readonly output: string;
  private readonly worker: ChildProcess;
  private unable: string | undefined;
  private closed = false;

  constructor({ argv, settings, root, base, pages, cacheDir }: WorkerStart) {
    fs.mkdirSync(cacheDir, { recursive: true });
    removeStaleOutputs(cacheDir);
    this.folder = fs.mkdtempSync(path.join(cacheDir, OUTPUT_PREFIX));
    this.output = path.join(this.folder, 'pages.jsonl');
    resetWorkerReads();
    this.worker = spawn(process.execPath, argv, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, [PAGE_WORKER_ROLE]: '1' } });
    this.worker.on('message', (message: unknown) => {
      if (!isFromWorker(message)) return;
      if (message.type === 'claim') this.claimedByWorker.add(message.page);
      else if (message.type === 'page') {
        if (message.reads) addWorkerReads(message.reads.count, message.reads.files);
        this.results.set(message.page, { source: message.source, at: message.at });
        this.waiting.get(message.page)?.();
      } else this.stop(message.reason);
    });
    // A worker that stops (crash, out of memory) must not leave the loader waiting for its pages.
    this.worker.on('error', (error) => this.stop(`the page worker did not start (${error.message})`));
    this.worker.on('exit', (code, signal) => this.stop(`the page worker stopped (${signal ?? `status ${code}`})`));
    this.send({ type: 'start', settings, root, output: this.output, base, pages });
  }

  private send(message: ToWorker): void {
    // A worker that just stopped: the exit handler says so; the message is dropped.
    if (this.worker.connected) this.worker.send(message, undefined, {}, () => undefined);
  }

  private stop(reason: string): void {
    if (this.closed || this.unable !== undefined) return;
    this.unable = reason;
    for (const resolve of this.waiting.values()) resolve();
  }

  /** Why the worker stopped helping, if it did. */
  get unavailable(): string | undefined {
    return this.unable;
  }

  /** Whether the worker said it takes a page (and has not stopped). */
  workerHas(page: string): boolean {
    return this.unable === undefined && this.claimedByWorker.has(page);
  }

  /** Take a page: false when the worker has it already (then `outcome` awaits its result). */
  async claim(page: string): Promise<boolean> {
    // The worker's claims arrive as I/O: let them in before deciding.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.workerHas(page)) return false;
    this.send({ type: 'claim', page });
    return true;
  }

  /** The worker's render of a page it claimed, if it rendered the text the loader read. */
  async outcome(page: string, text: string): Promise<WorkerOutcome | undefined> {
    while (!this.results.has(page) && this.unable === undefined && !this.closed) {
      await new Promise<void>((resolve) => this.waiting.set(page, resolve));
    }
    this.waiting.delete(page);
    const result = this.results.get(page);
    if (!result || result.source !== textDigest(text)) return undefined;
    return readOutcome(this.output, result.at);
  }

  /** The loader is done with the worker: it exits, and its output is removed. */
  finish(): void {
    if (this.closed) return;
    this.closed = true;
    for (const resolve of this.waiting.values()) resolve();
    this.send({ type: 'finish' });
    if (this.worker.connected) this.worker.disconnect();
    fs.rmSync(this.folder, { recursive: true, force: true });
  }
}
