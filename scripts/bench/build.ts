/**
 * Build benchmark: a generated corpus of N Security-like pages built with the real pipeline
 * (wall time, ms per page, peak RSS of the whole process tree), against the bare pipeline.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSiteCopy } from '../lib/site-copy.mjs';
import { renderBare } from './bare.ts';
import { corpusFiles } from './corpus.ts';
import { samplePeak } from './process-tree.ts';
import { summarise, type Summary } from './stats.ts';

export interface BuildBench {
  pages: number;
  wallSeconds: Summary;
  msPerPage: number;
  peakRssMiB: Summary;
  bareSeconds: Summary;
  ratio: number;
  snippetReads: string;
  siteDir?: string;
}

function build(dir: string): Promise<{ seconds: number; peak: number; log: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('npx', ['astro', 'build'], { cwd: dir, env: { ...process.env, FORCE_COLOR: '0' } });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const sampler = samplePeak(child.pid ?? 0);
    child.on('close', (code) => {
      const peak = sampler.stop();
      if (code !== 0) reject(new Error(`build failed:\n${log.slice(-2000)}`));
      else resolve({ seconds: (performance.now() - start) / 1000, peak, log });
    });
  });
}

/** Build N pages `runs` times after one warm-up; keeps the site (for the check benchmark) when asked. */
export async function runBuildBench(pages: number, runs = 3, keep = false): Promise<BuildBench> {
  const dir = path.join(os.tmpdir(), `scissors-bench-build-${pages}`);
  writeSiteCopy(dir, corpusFiles(pages));
  try {
    await build(dir); // warm-up
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await build(dir));
    const bare = [];
    await renderBare(dir); // warm-up (Shiki grammars, JIT)
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await renderBare(dir);
      bare.push((performance.now() - start) / 1000);
    }
    const wallSeconds = summarise(results.map((r) => r.seconds));
    const bareSeconds = summarise(bare);
    const reads = /snippets: (\d+ file reads, \d+ distinct files)/.exec(results[0]?.log ?? '')?.[1] ?? 'unknown';
    return {
      pages,
      wallSeconds,
      msPerPage: (wallSeconds.median * 1000) / pages,
      peakRssMiB: summarise(results.map((r) => r.peak / 2 ** 20)),
      bareSeconds,
      ratio: wallSeconds.median / bareSeconds.median,
      snippetReads: reads,
      siteDir: keep ? dir : undefined,
    };
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}
