/**
 * Which files each page read through snippets, recorded by the remark plugin and read by
 * the Vite plugin (to watch them) and the checker. Kept on globalThis because Astro may load
 * the markdown pipeline and the Vite plugin through different module instances.
 */
import path from 'node:path';

type Registry = Map<string, Set<string>>;

const KEY = Symbol.for('scissors.snippetDependencies');
const holder = globalThis as typeof globalThis & { [KEY]?: Registry };

export function dependencyRegistry(): Registry {
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Replace what `page` depends on (each render records its full set). */
export function recordDependencies(page: string, dependencies: Iterable<string>): Set<string> {
  const set = new Set(dependencies);
  dependencyRegistry().set(path.resolve(page), set);
  return set;
}

export function dependenciesOf(page: string): Set<string> {
  return dependencyRegistry().get(path.resolve(page)) ?? new Set();
}

/** Pages that depend on `file`. */
export function dependentsOf(file: string): string[] {
  const target = path.resolve(file);
  const pages: string[] = [];
  for (const [page, deps] of dependencyRegistry()) if (deps.has(target)) pages.push(page);
  return pages;
}
