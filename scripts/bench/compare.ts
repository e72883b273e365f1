/**
 * Scissors against MkDocs Material, side by side in the same run, on the sites issue 14 names:
 *
 * - `security500`: 500 copies of content/docs/security.mdx (each including SECURITY.md and the
 *   verify script) against MkDocs building 500 copies of the MkDocs original of that page
 *   (shared/seed/security.md) with the same included files;
 * - `corpus`: the Powertools Python corpus as it is (`scissors build` reads its mkdocs.yml);
 * - `corpus10`: that corpus with its docs folder replicated ten times under different folders.
 *
 * Both are full builds in fresh processes: `scissors build` (Astro, then Pagefind) and
 * `mkdocs build` (with its search plugin). Rounds are interleaved (Scissors, MkDocs, Scissors, …)
 * so that a slow spell of this shared machine weighs on both; peak RSS is the process tree's.
 * Scissors runs from a private copy of this project, so edits to the tree during a run do not leak in.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, writeSiteCopy } from '../lib/site-copy.mjs';
import { adaptMkdocsYml, MKDOCS } from './mkdocs.ts';
import { samplePeak } from './process-tree.ts';
import { summarise, type Summary } from './stats.ts';

export const CORPUS = path.resolve(projectRoot, '../shared/corpus/powertools-python');
const SEED = path.resolve(projectRoot, '../shared/seed/security.md');

export interface Run {
  seconds: number;
  peak: number;
  log: string;
}

/** Run a command, timing it and sampling the memory of its process tree. */
export function timed(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', ...env } });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const sampler = samplePeak(child.pid ?? 0);
    child.on('close', (code) => {
      const peak = sampler.stop();
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${log.slice(-3000)}`));
      else resolve({ seconds: (performance.now() - start) / 1000, peak, log });
    });
  });
}

/** A private copy of Scissors (machinery, bin, linked node_modules) to build other sites with. */
export function scissorsInstall(dir: string, files: Record<string, string> = {}): string {
  writeSiteCopy(dir, files);
  fs.cpSync(path.join(projectRoot, 'bin'), path.join(dir, 'bin'), { recursive: true });
  return dir;
}

/** Remove the render caches of every site an install built: each timed build is a cold one, as MkDocs' are. */
export function clearRenderCaches(install: string): void {
  fs.rmSync(path.join(install, 'node_modules/.astro/scissors-render-cache'), { recursive: true, force: true });
  const sites = path.join(install, 'node_modules/.cache/scissors/sites');
  for (const key of fs.existsSync(sites) ? fs.readdirSync(sites) : []) fs.rmSync(path.join(sites, key, 'scissors-render-cache'), { recursive: true, force: true });
}

// Run from the install folder (absolute paths): Astro writes its prerender chunks under the working
// directory, and they must resolve packages from the install's node_modules.
export function scissorsBuild(install: string, site: string, out: string, options: { env?: Record<string, string>; cold?: boolean } = {}): Promise<Run> {
  if (options.cold ?? true) clearRenderCaches(install);
  return timed(process.execPath, [path.join(install, 'bin/scissors.mjs'), 'build', site, '--out', out], install, { INIT_CWD: install, ...options.env });
}

export const mkdocsBuild = (site: string, out: string) => timed(MKDOCS, ['build', '-q', '-d', out], site);

/** Copy the corpus; `copies` > 1 replicates its docs folder (all but the theme overrides) under docs/copy-NN/. */
export function corpusCopy(dir: string, copies: number, forMkdocs: boolean): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(CORPUS, dir, { recursive: true });
  const docs = path.join(dir, 'docs');
  const entries = fs.readdirSync(docs).filter((e) => e !== 'overrides');
  for (let n = 2; n <= copies; n++) {
    const target = path.join(docs, `copy-${String(n).padStart(2, '0')}`);
    fs.mkdirSync(target);
    for (const e of entries) fs.cpSync(path.join(docs, e), path.join(target, e), { recursive: true });
  }
  if (forMkdocs) {
    const yml = path.join(dir, 'mkdocs.yml');
    fs.writeFileSync(yml, adaptMkdocsYml(fs.readFileSync(yml, 'utf8')));
  }
  return dir;
}

export const countPages = (dir: string) => {
  let n = 0;
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) if (f.endsWith('index.html')) n++;
  return n;
};

const SEED_MKDOCS_YML = `site_name: Security pages
theme:
  name: material
markdown_extensions:
  - admonition
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.highlight
  - pymdownx.inlinehilite
  - pymdownx.snippets:
      base_path: "."
      check_paths: true
  - toc:
      permalink: true
  - attr_list
  - md_in_html
plugins:
  - search
`;

/** The two Security sites: Scissors (a copy of this project) and MkDocs (the seed page), `pages` copies each. */
export function securitySites(scissorsDir: string, mkdocsDir: string, pages: number): void {
  const page = fs.readFileSync(path.join(projectRoot, 'content/docs/security.mdx'), 'utf8');
  const included = ['SECURITY.md', '.github/actions/verify-provenance/verify_provenance.sh'];
  const files: Record<string, string> = { 'content/docs/index.mdx': '---\ntitle: Security pages\n---\n\nCopies of the Security page.\n' };
  for (const f of included) files[f] = fs.readFileSync(path.join(projectRoot, f), 'utf8');
  for (let i = 1; i <= pages; i++) files[`content/docs/security-${String(i).padStart(3, '0')}.mdx`] = page.replace(/^title: Security$/m, `title: Security ${i}`);
  scissorsInstall(scissorsDir, files);

  fs.rmSync(mkdocsDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(mkdocsDir, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(mkdocsDir, 'mkdocs.yml'), SEED_MKDOCS_YML);
  for (const f of included) {
    fs.mkdirSync(path.dirname(path.join(mkdocsDir, f)), { recursive: true });
    fs.copyFileSync(path.join(projectRoot, f), path.join(mkdocsDir, f));
  }
  fs.writeFileSync(path.join(mkdocsDir, 'docs/index.md'), '# Security pages\n\nCopies of the Security page.\n');
  const seed = fs.readFileSync(SEED, 'utf8');
  for (let i = 1; i <= pages; i++) fs.writeFileSync(path.join(mkdocsDir, `docs/security-${String(i).padStart(3, '0')}.md`), seed.replace(/^title: Security$/m, `title: Security ${i}`));
}

export interface SideBySide {
  name: string;
  scissors: { seconds: Summary; peakMiB: Summary; pages: number; loaderSeconds: Summary; searchPages: string };
  mkdocs: { seconds: Summary; peakMiB: Summary; pages: number };
  ratio: number;
}

/** `rounds` interleaved rounds (Scissors, MkDocs) after one warm-up of each (the OS file cache). */
export async function sideBySide(name: string, rounds: number, scissors: () => Promise<Run>, mkdocs: () => Promise<Run>, outs: { scissors: string; mkdocs: string }, warmUp = true): Promise<SideBySide> {
  if (warmUp) {
    await scissors();
    await mkdocs();
  }
  const s: Run[] = [];
  const m: Run[] = [];
  for (let i = 0; i < rounds; i++) {
    s.push(await scissors());
    m.push(await mkdocs());
  }
  const loader = s.map((r) => Number(/rendered \d+ pages to HTML in ([\d.]+) s/.exec(r.log)?.[1] ?? NaN));
  const seconds = summarise(s.map((r) => r.seconds));
  const mk = summarise(m.map((r) => r.seconds));
  return {
    name,
    scissors: {
      seconds,
      peakMiB: summarise(s.map((r) => r.peak / 2 ** 20)),
      pages: countPages(outs.scissors),
      loaderSeconds: summarise(loader),
      searchPages: /search index of (\d+) pages/.exec(s[0]?.log ?? '')?.[1] ?? '?',
    },
    mkdocs: { seconds: mk, peakMiB: summarise(m.map((r) => r.peak / 2 ** 20)), pages: countPages(outs.mkdocs) },
    ratio: seconds.median / mk.median,
  };
}

export function tmp(name: string): string {
  return path.join(os.tmpdir(), `scissors-bench-${name}`);
}
