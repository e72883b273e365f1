/**
 * Live snippet inclusion in `astro dev`: after a page compiles, each file its snippets read
 * becomes a watched dependency of the page's module, so saving the file re-renders exactly
 * the pages that include it. A file that did not exist yet is watched where it was looked for.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { dependenciesOf, dependencyRegistry, dependentsOf, renderCounts } from './dependency-registry.ts';

export function snippetWatchPlugin(): Plugin {
  return {
    name: 'scissors:snippet-watch',
    enforce: 'post',
    transform: {
      filter: { id: /\.mdx?(\?.*)?$/ },
      handler(_code, id) {
        for (const dependency of dependenciesOf(path.resolve(id.split('?')[0] ?? id))) this.addWatchFile(dependency);
        return null;
      },
    },
    configureServer(server) {
      // What each page depends on and how often it re-rendered: for maintainers and the dev tests.
      server.middlewares.use('/__scissors/dependencies', (_req, res) => {
        const pages = [...dependencyRegistry()].map(([page, deps]) => ({
          page,
          dependencies: [...deps].sort(),
          renders: renderCounts().get(page) ?? 0,
        }));
        // What the file watcher really holds (not what we asked it to): a leak shows here.
        const watched = Object.values(server.watcher.getWatched()).reduce((n, names) => n + names.length, 0);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ pages, watched }, null, 2));
      });
      // A missing snippet created later: nudge the pages that looked for it.
      server.watcher.on('add', (file) => {
        for (const page of dependentsOf(file)) server.watcher.emit('change', page);
      });
    },
  };
}
