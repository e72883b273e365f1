/**
 * Where a build keeps the HTML the docs loader rendered: one file in Astro's cache folder, each
 * page a byte range of it, named in the page's content-store entry. Kept out of the store itself
 * because Astro bundles the store into the server build as one JavaScript module, and 1000 pages
 * of HTML in one module cost the bundler ~350 MB and a second; one file rather than one per page
 * because a thousand small writes cost half a second here (BENCHMARKS.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { MarkdownHeading } from '@astrojs/markdown-remark';

export const PAGE_HTML_FILE = 'scissors-pages.html';

/** Where a page's HTML is: a byte range of a file (build-time only; never part of the output). */
export interface StoredHtmlLocation {
  file: string;
  start: number;
  length: number;
}

/** What the loader puts in `rendered.metadata` of an entry whose HTML it stored. */
export type StoredPageMetadata = {
  headings: MarkdownHeading[];
  frontmatter: Record<string, unknown>;
  scissorsHtml: StoredHtmlLocation;
};

/** Collects the pages of one build, then writes them in one go. */
export class PageHtmlWriter {
  readonly file: string;
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(cacheDir: string) {
    this.file = path.join(cacheDir, PAGE_HTML_FILE);
  }

  /** A page's HTML, as a string or its UTF-8 bytes (kept, not copied: the render cache shares them). */
  add(html: string | Buffer): StoredHtmlLocation {
    const bytes = typeof html === 'string' ? Buffer.from(html, 'utf8') : html;
    const location = { file: this.file, start: this.size, length: bytes.length };
    this.chunks.push(bytes);
    this.size += bytes.length;
    return location;
  }

  /** Write the file (this build's pages replace the last build's). */
  finish(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, Buffer.concat(this.chunks, this.size));
  }
}

function readRange({ file, start, length }: StoredHtmlLocation): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, start);
    return buffer.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

interface EntryLike {
  rendered?: { metadata?: Record<string, unknown> };
}

/** The stored HTML of a loader-rendered entry, or undefined for one Astro renders (dev, MDX runtime pages). */
export function readStoredPage(entry: EntryLike): { html: string; headings: MarkdownHeading[]; frontmatter: Record<string, unknown> } | undefined {
  const metadata = entry.rendered?.metadata as Partial<StoredPageMetadata> | undefined;
  if (!metadata?.scissorsHtml) return undefined;
  return { html: readRange(metadata.scissorsHtml), headings: metadata.headings ?? [], frontmatter: metadata.frontmatter ?? {} };
}
