/**
 * How many included files the build read, over every snippet expander the site config created:
 * Astro's copy of the config and the docs loader's native one (native-config.ts) each make one.
 * Held weakly: a dev server that reloads its config makes a new expander each time, and the old
 * ones (with their file caches) must be free to go.
 */
import type { FileReader } from '../snippets/read.ts';

const KEY = Symbol.for('scissors.fileReaders');
const holder = globalThis as typeof globalThis & { [KEY]?: Set<WeakRef<FileReader>> };

export function registerReader(reader: FileReader): void {
  (holder[KEY] ??= new Set()).add(new WeakRef(reader));
}

export function snippetReadTotals(): { reads: number; paths: string[] } {
  let reads = 0;
  const paths = new Set<string>();
  const readers = holder[KEY] ?? new Set();
  for (const ref of readers) {
    const reader = ref.deref();
    if (!reader) {
      readers.delete(ref);
      continue;
    }
    reads += reader.reads;
    for (const file of reader.filesRead) paths.add(file);
  }
  return { reads, paths: [...paths] };
}
