/**
 * Scale and incremental builds on the generated corpus (corpus.ts), with `scissors build` in a
 * private copy of this project (Astro, then Pagefind, as a user runs it).
 *
 * - scale: 100 / 1 000 / 10 000 pages, one cold build each (render cache removed); Pagefind timed apart
 *   on the built site (the CLI's build does not report its share).
 * - incremental: 1000 pages; a cold build (render cache removed), then one file included by one
 *   page edited and built again; interleaved rounds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { corpusFiles } from './corpus.ts';
import { scissorsBuild, scissorsInstall, timed, tmp } from './compare.ts';
import { summarise, type Summary } from './stats.ts';

export interface ScaleBench {
  sizes: Array<{ pages: number; seconds: number; peakMiB: number; outMiB: number; loaderSeconds: number; pagefindSeconds: number }>;
  ratio: number;
}

const htmlBytes = (dir: string) => fs.globSync('**/*.html', { cwd: dir }).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
const loaderSeconds = (log: string) => Number(/rendered \d+ pages to HTML in ([\d.]+) s/.exec(log)?.[1] ?? NaN);

export async function runScaleBench(sizes: number[], log: (line: string) => void): Promise<ScaleBench> {
  const out: ScaleBench['sizes'] = [];
  for (const pages of sizes) {
    const dir = tmp(`scale-${pages}`);
    scissorsInstall(dir, corpusFiles(pages));
    try {
      const run = await scissorsBuild(dir, dir, path.join(dir, 'dist'));
      const pf = await timed(process.execPath, [path.join(dir, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', 'dist', '--output-path', path.join(dir, 'pagefind-timed')], dir);
      // The site's HTML (Pagefind's index apart): what every page's sidebar weighs on.
      const outMiB = htmlBytes(path.join(dir, 'dist')) / 2 ** 20;
      out.push({ pages, seconds: run.seconds, peakMiB: run.peak / 2 ** 20, outMiB, loaderSeconds: loaderSeconds(run.log), pagefindSeconds: pf.seconds });
      log(`  ${pages} pages: ${run.seconds.toFixed(1)} s, peak ${(run.peak / 2 ** 20).toFixed(0)} MiB, HTML ${outMiB.toFixed(1)} MiB; Pagefind alone ${pf.seconds.toFixed(1)} s`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const at = (n: number) => out.find((s) => s.pages === n)?.seconds ?? NaN;
  return { sizes: out, ratio: at(10_000) / at(1000) };
}

export interface IncrementalBench {
  pages: number;
  coldSeconds: Summary;
  warmSeconds: Summary;
  ratio: number;
  log: string;
}

export async function runIncrementalBench(pages: number, log: (line: string) => void, rounds = 3): Promise<IncrementalBench> {
  const dir = tmp(`incremental-${pages}`);
  const files = corpusFiles(pages);
  // One include used by one page only: the edit that should re-render one page.
  files['parts/only-page-1.md'] = 'Only page 1 includes this.\n';
  files['content/docs/page-0001.mdx'] += '\n--8<-- "parts/only-page-1.md"\n';
  scissorsInstall(dir, files);
  const cold: number[] = [];
  const warm: number[] = [];
  let last = '';
  try {
    for (let i = 0; i < rounds; i++) {
      const c = await scissorsBuild(dir, dir, path.join(dir, 'dist'), { cold: true });
      cold.push(c.seconds);
      fs.writeFileSync(path.join(dir, 'parts/only-page-1.md'), `Only page 1 includes this (edit ${i}).\n`);
      const w = await scissorsBuild(dir, dir, path.join(dir, 'dist'), { cold: false });
      warm.push(w.seconds);
      last = /render cache: [^\n]*/.exec(w.log)?.[0] ?? 'no render-cache line in the log';
      log(`  round ${i + 1}: cold ${c.seconds.toFixed(1)} s, one-file rebuild ${w.seconds.toFixed(1)} s (${last})`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const coldSeconds = summarise(cold);
  const warmSeconds = summarise(warm);
  return { pages, coldSeconds, warmSeconds, ratio: warmSeconds.median / coldSeconds.median, log: last };
}

export interface CorpusEditBench {
  example: string;
  coldSeconds: Summary;
  rebuildSeconds: Summary;
  mkdocsSeconds: Summary;
  ratio: number;
  log: string;
}

/**
 * A real site's edit: the corpus built cold, one included example edited, built again; MkDocs
 * (which rebuilds the whole site every time) timed in the same rounds.
 */
export async function runCorpusEditBench(
  build: (cold: boolean) => Promise<{ seconds: number; log: string }>,
  mkdocs: () => Promise<{ seconds: number }>,
  exampleFile: string,
  log: (line: string) => void,
  rounds = 3,
): Promise<CorpusEditBench> {
  const cold: number[] = [];
  const rebuild: number[] = [];
  const mk: number[] = [];
  let last = '';
  for (let i = 0; i < rounds; i++) {
    cold.push((await build(true)).seconds);
    fs.appendFileSync(exampleFile, `\n# edit ${i}\n`);
    const r = await build(false);
    rebuild.push(r.seconds);
    last = /render cache: [^\n]*/.exec(r.log)?.[0] ?? 'no render-cache line in the log';
    mk.push((await mkdocs()).seconds);
    log(`  round ${i + 1}: cold ${cold.at(-1)?.toFixed(1)} s, one-example rebuild ${r.seconds.toFixed(1)} s (${last}), MkDocs ${mk.at(-1)?.toFixed(1)} s`);
  }
  const rebuildSeconds = summarise(rebuild);
  const mkdocsSeconds = summarise(mk);
  return { example: path.basename(exampleFile), coldSeconds: summarise(cold), rebuildSeconds, mkdocsSeconds, ratio: rebuildSeconds.median / mkdocsSeconds.median, log: last };
}
