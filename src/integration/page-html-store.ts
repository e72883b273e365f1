/**
 * Where a build keeps the HTML the docs loader rendered: one file per page in Astro's cache
 * folder, named in the content store entry. Kept out of the store itself because Astro bundles
 * the store into the server build as one JavaScript module, and 1000 pages of HTML in one module
 * cost the bundler ~350 MB and a second (BENCHMARKS.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MarkdownHeading } from '@astrojs/markdown-remark';

export const PAGE_HTML_FOLDER = 'scissors-pages';

/** What the loader puts in `rendered.metadata` of an entry whose HTML is in a file. */
export interface StoredPageMetadata {
  headings: MarkdownHeading[];
  frontmatter: Record<string, unknown>;
  /** Absolute path of the page's HTML file (build-time only; never part of the output). */
  scissorsHtmlFile: string;
}

export class PageHtmlStore {
  readonly folder: string;
  constructor(cacheDir: string) {
    this.folder = path.join(cacheDir, PAGE_HTML_FOLDER);
  }

  /** Start a build: the folder holds exactly this build's pages. */
  reset(): void {
    fs.rmSync(this.folder, { recursive: true, force: true });
    fs.mkdirSync(this.folder, { recursive: true });
  }

  write(id: string, html: string): string {
    // Ids are slugs with `/`; encode them so every page is one flat file.
    const file = path.join(this.folder, `${encodeURIComponent(id)}.html`);
    fs.writeFileSync(file, html);
    return file;
  }
}

interface EntryLike {
  rendered?: { metadata?: Record<string, unknown> };
}

/** The stored HTML of a loader-rendered entry, or undefined for one Astro renders (dev, MDX runtime pages). */
export function readStoredPage(entry: EntryLike): { html: string; headings: MarkdownHeading[]; frontmatter: Record<string, unknown> } | undefined {
  const metadata = entry.rendered?.metadata as Partial<StoredPageMetadata> | undefined;
  if (typeof metadata?.scissorsHtmlFile !== 'string') return undefined;
  return { html: fs.readFileSync(metadata.scissorsHtmlFile, 'utf8'), headings: metadata.headings ?? [], frontmatter: metadata.frontmatter ?? {} };
}
