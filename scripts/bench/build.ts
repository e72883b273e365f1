/**
 * Build benchmark: a generated corpus of N Security-like pages built with the real pipeline
 * (wall time, ms per page, peak RSS of the whole process tree), against the bare pipeline. Both
 * run as fresh Node processes, as a build always does: a warm, in-process bare run would compare
 * a JIT-compiled pipeline with a cold one (measured: 3.9 s warm against 5.5 s cold here).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, writeSiteCopy } from '../lib/site-copy.mjs';
import { corpusFiles } from './corpus.ts';
import { timed, type Run } from './compare.ts';
import { summarise, type Summary } from './stats.ts';

export interface BuildBench {
  pages: number;
  wallSeconds: Summary;
  msPerPage: number;
  peakRssMiB: Summary;
  /** Plain unified with Astro's rehype-shiki: the limit issue 9 names. */
  bareSeconds: Summary;
  ratio: number;
  /** The docs loader's own renderer alone (code-block cache): the stricter limit. */
  bareOursSeconds: Summary;
  ratioOurs: number;
  snippetReads: string;
  siteDir?: string;
}

const build = (dir: string) => timed(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], dir);
const bare = (dir: string, variant: 'plain' | 'ours') => timed(process.execPath, [path.join(projectRoot, 'scripts/bench/bare.ts'), dir, variant], dir);

/**
 * Runs of the three, interleaved (build, bare, bare with our renderer, build, …) after one warm-up
 * round: this machine's noise comes in spells of minutes, and interleaving puts each spell on all
 * three alike, so their ratios hold even when the absolute times drift.
 */
async function interleaved(runs: number, kinds: Array<() => Promise<Run>>): Promise<Run[][]> {
  for (const once of kinds) await once(); // warm-up: the OS file cache, not the process (each run is a new process)
  const results: Run[][] = kinds.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, once] of kinds.entries()) results[k]?.push(await once());
  }
  return results;
}

/** Build N pages `runs` times after one warm-up; keeps the site (for the check benchmark) when asked. */
export async function runBuildBench(pages: number, runs = 3, keep = false): Promise<BuildBench> {
  const dir = path.join(os.tmpdir(), `scissors-bench-build-${pages}`);
  writeSiteCopy(dir, corpusFiles(pages));
  try {
    const [builds = [], plain = [], ours = []] = await interleaved(runs, [() => build(dir), () => bare(dir, 'plain'), () => bare(dir, 'ours')]);
    const wallSeconds = summarise(builds.map((r) => r.seconds));
    const bareSeconds = summarise(plain.map((r) => r.seconds));
    const bareOursSeconds = summarise(ours.map((r) => r.seconds));
    const reads = /snippets: (\d+ file reads, \d+ distinct files)/.exec(builds[0]?.log ?? '')?.[1] ?? 'unknown';
    return {
      pages,
      wallSeconds,
      msPerPage: (wallSeconds.median * 1000) / pages,
      peakRssMiB: summarise(builds.map((r) => r.peak / 2 ** 20)),
      bareSeconds,
      ratio: wallSeconds.median / bareSeconds.median,
      bareOursSeconds,
      ratioOurs: wallSeconds.median / bareOursSeconds.median,
      snippetReads: reads,
      siteDir: keep ? dir : undefined,
    };
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}
