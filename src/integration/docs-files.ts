/**
 * MkDocs publishes every file of the docs folder that is not a page (media, stylesheets,
 * scripts, downloads) at the same path; so do we: copied after a build, served as they are in
 * dev. Dot files and Markdown sources are not published, as in MkDocs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const isPublished = (relative: string) =>
  !relative.split(/[\\/]/).some((part) => part.startsWith('.')) && !/\.(md|mdx|markdown)$/i.test(relative);

export function docsFiles(docsDir: string, unpublished: string[] = []): string[] {
  if (!fs.existsSync(docsDir)) return [];
  const skipped = unpublished.map((dir) => path.resolve(dir) + path.sep);
  return fs
    .readdirSync(docsDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !skipped.some((dir) => file.startsWith(dir)))
    .map((file) => path.relative(docsDir, file))
    .filter(isPublished)
    .sort();
}

/** Copy the docs folder's files into the built site; a file the build wrote itself wins. */
export function publishDocsFiles(docsDir: string, outDir: string, unpublished: string[] = []): number {
  let copied = 0;
  for (const relative of docsFiles(docsDir, unpublished)) {
    const target = path.join(outDir, relative);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(docsDir, relative), target);
    copied++;
  }
  return copied;
}

const TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.ico': 'image/x-icon', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.pdf': 'application/pdf', '.woff2': 'font/woff2', '.mp4': 'video/mp4',
};

/** `astro dev`: the docs folder's files at their paths under the base. */
export function docsFilesPlugin(docsDir: string, base: string, unpublished: string[] = []): Plugin {
  const root = path.resolve(docsDir);
  const skipped = unpublished.map((dir) => path.resolve(dir) + path.sep);
  return {
    name: 'scissors:docs-files',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        if (!url.startsWith(base)) return next();
        const relative = url.slice(base.length);
        if (!relative || relative.endsWith('/') || !isPublished(relative)) return next();
        const file = path.resolve(root, relative);
        if (!file.startsWith(root + path.sep) || skipped.some((dir) => file.startsWith(dir)) || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        res.setHeader('content-type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
        fs.createReadStream(file).pipe(res);
      });
    },
  };
}
