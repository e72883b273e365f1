/**
 * Links to page files become page URLs, as MkDocs makes them: `../utilities/idempotency.md#x`
 * written in `core/tracer.md` → `/utilities/idempotency/#x`. On MkDocs sites, links and images
 * to other files under the docs folder (media) point where those files are published: the same
 * path under the site's base. Paths are relative to the page (also in included files: the text
 * is the page's, as with pymdownx.snippets). A target that is neither stays as written, for the
 * checker to report at its file:line:col.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { pageFor, sitePages, type PageSet } from '../site/pages.ts';
import type { SiteModel } from '../site/model.ts';
import { walk } from './walk.ts';

export interface RemarkPageLinksOptions {
  site: Pick<SiteModel, 'docsDir' | 'urlStyle' | 'directoryUrls' | 'pagePattern'>;
  /** The site's base path (`/`, or the path of its URL), ending in `/`. */
  base?: string;
}

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Split `a/b.md#frag?q` into path and the rest (`#…` or `?…`). */
function splitUrl(url: string): [string, string] {
  const cut = url.search(/[?#]/);
  return cut < 0 ? [url, ''] : [url.slice(0, cut), url.slice(cut)];
}

function safeDecode(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

export default function remarkPageLinks(options: RemarkPageLinksOptions) {
  const { site } = options;
  const base = options.base ?? '/';
  const docsDir = path.resolve(site.docsDir);
  let pages: PageSet | undefined;
  let listedAt = 0;
  // Pages are listed once; a link to a page not in the list lists again (a page added in dev),
  // at most once a second.
  const pageAt = (source: string) => {
    if (!pages || (!pages.bySource.has(source) && Date.now() - listedAt > 1000 && fs.existsSync(path.join(docsDir, source)))) {
      pages = sitePages(site);
      listedAt = Date.now();
    }
    return pages.bySource.get(source);
  };

  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    const page = path.relative(docsDir, path.resolve(file.path)).split(path.sep).join('/');
    if (page.startsWith('..') || path.isAbsolute(page)) return;
    const pageDir = path.posix.dirname(page);
    const mkdocs = site.urlStyle === 'mkdocs';

    const rewrite = (url: string, kind: 'link' | 'image'): string | undefined => {
      if (!url || url.startsWith('#') || url.startsWith('/') || HAS_SCHEME.test(url) || url.startsWith('//')) return undefined;
      const [rawPath, rest] = splitUrl(url);
      if (!rawPath) return undefined;
      const target = path.posix.normalize(path.posix.join(pageDir, safeDecode(rawPath)));
      if (target.startsWith('..')) return undefined;
      if (kind === 'link' && /\.mdx?$/.test(target)) {
        const linked = pageAt(target);
        if (linked) return `${base}${linked.url.slice(1)}${rest}`;
        // A page shadowed by another at the same URL (x.md beside x/index.md) still has its URL.
        if (fs.existsSync(path.join(docsDir, target))) return `${base}${pageFor(site, target).url.slice(1)}${rest}`;
        return undefined;
      }
      if (!mkdocs) return undefined;
      // Media and other files are published at their path under the docs folder.
      return fs.existsSync(path.join(docsDir, target)) ? `${base}${encodeURI(target)}${rest}` : undefined;
    };

    walk(tree, (node) => {
      if (node.type === 'link' || node.type === 'definition') {
        const next = rewrite(node.url, 'link');
        if (next !== undefined) node.url = next;
      } else if (node.type === 'image') {
        const next = rewrite(node.url, 'image');
        if (next !== undefined) node.url = next;
      } else if (node.type === 'textDirective' && (node.name === 'a' || node.name === 'img') && node.attributes) {
        // Links and images with attributes (attr_list), before they become elements.
        const key = node.name === 'a' ? 'href' : 'src';
        const value = node.attributes[key];
        const next = typeof value === 'string' ? rewrite(value, node.name === 'a' ? 'link' : 'image') : undefined;
        if (next !== undefined) node.attributes[key] = next;
      }
    });
  };
}
