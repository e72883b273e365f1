/**
 * Which files each page read through snippets, recorded by the remark plugin and read by
 * the Vite plugin (to watch them) and the checker. Kept on globalThis because Astro may load
 * the markdown pipeline and the Vite plugin through different module instances.
 */
import path from 'node:path';

type Registry = Map<string, Set<string>>;

const KEY = Symbol.for('scissors.snippetDependencies');
const RENDERS = Symbol.for('scissors.snippetRenders');
const holder = globalThis as typeof globalThis & { [KEY]?: Registry; [RENDERS]?: Map<string, number> };

/** How many times each page went through the snippet stage (the dev server reports it). */
export function renderCounts(): Map<string, number> {
  holder[RENDERS] ??= new Map();
  return holder[RENDERS];
}

export function countRender(page: string): void {
  const counts = renderCounts();
  const key = path.resolve(page);
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

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
  return recordedDependencies(page) ?? new Set();
}

/** What the last render of `page` recorded, or undefined when no render did (since it was forgotten). */
export function recordedDependencies(page: string): Set<string> | undefined {
  return dependencyRegistry().get(path.resolve(page));
}

/** Forget what `page` depends on, so that a render which reports nothing leaves no record. */
export function forgetDependencies(page: string): void {
  dependencyRegistry().delete(path.resolve(page));
}

/** Pages that depend on `file`. */
export function dependentsOf(file: string): string[] {
  const target = path.resolve(file);
  const pages: string[] = [];
  for (const [page, deps] of dependencyRegistry()) if (deps.has(target)) pages.push(page);
  return pages;
}
