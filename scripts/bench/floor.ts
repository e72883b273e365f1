/**
 * `npm run bench -- floor`: the least a Markdown renderer of a site must parse, timed with bare
 * micromark on one core (no extensions: MDX's, GFM's and the directives' only add work; no tree
 * transforms, no highlighting, no HTML). A `.md` page is read as MkDocs reads it — pymdownx.snippets
 * expands the raw text (front matter aside), so what is parsed is the expanded page, included code
 * inside fences too, as Python-Markdown scans it; an MDX page's own text only (what it includes is
 * parsed once per distinct text at most: left out, this is a floor). Run with the side-by-side
 * benchmarks, the floor is printed against what their targets leave the docs loader: the target ×
 * MkDocs' time, less the rest of Scissors' build (its time minus the loader's) in the same rounds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { createExpander } from '../../src/integration/index.ts';
import { splitFrontMatter } from '../../src/markdown/front-matter.ts';
import { loadSiteModel } from '../../src/site/load.ts';
import { sitePages } from '../../src/site/pages.ts';
import { summarise, type Summary } from './stats.ts';

export interface ParseFloor {
  site: string;
  pages: number;
  /** Markdown files parsed once each besides the pages (the Security site's SECURITY.md). */
  includedMarkdown: number;
  kib: number;
  /** Rounds of parsing everything once, after a warm-up round. */
  seconds: Summary;
}

/** Texts to parse: `.md` pages expanded as remark-mkdocs expands them; MDX pages as written. */
export async function siteTexts(location: string): Promise<{ pages: string[]; included: string[] }> {
  const site = await loadSiteModel(location);
  const expander = createExpander(site);
  const pages: string[] = [];
  // The pages that are built: a file whose URL another page takes is not rendered.
  for (const { source } of sitePages(site).pages) {
    const file = path.join(site.docsDir, source);
    const text = fs.readFileSync(file, 'utf8');
    if (!file.endsWith('.md')) {
      pages.push(text);
      continue;
    }
    // As remark-mkdocs: the front matter's lines blanked (numbers kept), the rest expanded.
    const { body, lineCount } = splitFrontMatter(text);
    pages.push(expander.expandDocument(`${'\n'.repeat(lineCount)}${body}`, file).lines.join('\n'));
  }
  return { pages, included: [] };
}

export function parseFloor(site: string, texts: { pages: string[]; included: string[] }, rounds = 3): ParseFloor {
  const all = [...texts.pages, ...texts.included];
  const parseAll = () => {
    const start = performance.now();
    for (const text of all) fromMarkdown(text);
    return (performance.now() - start) / 1000;
  };
  parseAll(); // JIT warm-up: the floor is the best case
  const seconds = summarise(Array.from({ length: rounds }, parseAll));
  const kib = all.reduce((n, text) => n + Buffer.byteLength(text), 0) / 1024;
  return { site, pages: texts.pages.length, includedMarkdown: texts.included.length, kib, seconds };
}

/** The site of `securitySites` as the loader sees it: `copies` times the Security page, and its included Markdown once. */
export function securityTexts(projectRoot: string, copies: number): { pages: string[]; included: string[] } {
  const page = fs.readFileSync(path.join(projectRoot, 'content/docs/security.mdx'), 'utf8');
  return { pages: Array.from({ length: copies }, () => page), included: [fs.readFileSync(path.join(projectRoot, 'SECURITY.md'), 'utf8')] };
}

/** What a target leaves the loader: target × MkDocs' seconds, less Scissors' build outside its loader. */
export function loaderBudget(target: number, mkdocsSeconds: number, scissorsSeconds: number, loaderSeconds: number): number {
  return target * mkdocsSeconds - (scissorsSeconds - loaderSeconds);
}
