/**
 * How many included files the build read, over every snippet expander the site config created:
 * Astro's copy of the config and the docs loader's native one (native-config.ts) each make one,
 * and the page worker's, in its own process, reports its reads to the loader (`addWorkerReads`).
 * Held weakly: a dev server that reloads its config makes a new expander each time, and the old
 * ones (with their file caches) must be free to go.
 */
import type { FileReader } from '../snippets/read.ts';

const KEY = Symbol.for('scissors.fileReaders');
const WORKER_KEY = Symbol.for('scissors.workerReads');
const holder = globalThis as typeof globalThis & { [KEY]?: Set<WeakRef<FileReader>>; [WORKER_KEY]?: { count: number; files: Set<string> } };

export function registerReader(reader: FileReader): void {
  (holder[KEY] ??= new Set()).add(new WeakRef(reader));
}

/** A page worker starts: what earlier ones of this process read is not this build's. */
export function resetWorkerReads(): void {
  holder[WORKER_KEY] = { count: 0, files: new Set() };
}

/** Reads a page worker did in its process. */
export function addWorkerReads(count: number, files: Iterable<string>): void {
  const tally = (holder[WORKER_KEY] ??= { count: 0, files: new Set() });
  tally.count += count;
  for (const file of files) tally.files.add(file);
}

/** The readers still in use. */
export function liveReaders(): FileReader[] {
  const readers = holder[KEY] ?? new Set();
  const live: FileReader[] = [];
  for (const ref of readers) {
    const reader = ref.deref();
    if (reader) live.push(reader);
    else readers.delete(ref);
  }
  return live;
}

export function snippetReadTotals(): { reads: number; paths: string[] } {
  const worker = holder[WORKER_KEY];
  let reads = worker?.count ?? 0;
  const paths = new Set<string>(worker?.files);
  for (const reader of liveReaders()) {
    reads += reader.reads;
    for (const file of reader.filesRead) paths.add(file);
  }
  return { reads, paths: [...paths] };
}
