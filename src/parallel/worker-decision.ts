/**
 * Whether the docs loader starts a page worker. A second process pays its own start-up (~1 s to
 * load the config and the pipeline) and JIT warm-up, it competes with the loader for this
 * machine's cores and memory bandwidth, and it holds its own heap (300–500 MB). Measured
 * (BENCHMARKS.md, "Page worker"): on pages that take ~100 ms each (the Powertools corpus ×10) it
 * cut the build by a quarter; on pages of ~10 ms (500 Security pages, generated pages) the build
 * was slower with it; on a 39-page site it saved 4 % for a third more memory. So the loader first
 * renders on its own, and starts the worker only when the pages it has rendered so far say the
 * rest is long work.
 */
import os from 'node:os';

/** How long the loader renders before it judges (JIT warm-up inflates the first pages' cost). */
export const SAMPLE_MS = 2000;
/** The average a page must take for the worker to pay off. */
export const SLOW_PAGE_MS = 40;
/** Fewer pages left than this, and the worker's start-up is most of what it would save. */
export const MIN_PAGES_LEFT = 50;

/**
 * `SCISSORS_PAGE_WORKER`: `auto` (default: the loader decides), `on` (a worker from the first
 * page, for tests and comparisons) or `off`. A single core leaves nothing to share.
 */
export function pageWorkerMode(env: NodeJS.ProcessEnv = process.env, cores = os.availableParallelism()): 'auto' | 'on' | 'off' {
  const asked = env.SCISSORS_PAGE_WORKER;
  if (asked === 'off' || cores < 2) return 'off';
  return asked === 'on' ? 'on' : 'auto';
}

/**
 * After each page the loader rendered itself: start the worker or not (with why, worth a log line),
 * or undefined: too early to tell.
 */
export function workerDecision(spentMs: number, rendered: number, left: number): { start: boolean; why?: string } | undefined {
  if (left < MIN_PAGES_LEFT) return { start: false };
  if (spentMs < SAMPLE_MS) return undefined;
  const perPage = spentMs / rendered;
  if (perPage < SLOW_PAGE_MS) return { start: false, why: `not started: pages take ${perPage.toFixed(0)} ms each; a worker pays off from ${SLOW_PAGE_MS} ms` };
  return { start: true, why: `started after ${rendered} pages of ${perPage.toFixed(0)} ms each` };
}
