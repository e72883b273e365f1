/**
 * How many included files the build read, over every snippet expander the site config created:
 * Astro's copy of the config and the docs loader's native one (native-config.ts) each make one.
 */
import type { FileReader } from '../snippets/read.ts';

const KEY = Symbol.for('scissors.fileReaders');
const holder = globalThis as typeof globalThis & { [KEY]?: Set<FileReader> };

export function registerReader(reader: FileReader): void {
  (holder[KEY] ??= new Set()).add(reader);
}

export function snippetReadTotals(): { reads: number; paths: string[] } {
  let reads = 0;
  const paths = new Set<string>();
  for (const reader of holder[KEY] ?? []) {
    reads += reader.reads;
    for (const file of reader.filesRead) paths.add(file);
  }
  return { reads, paths: [...paths] };
}
