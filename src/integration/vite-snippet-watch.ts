/**
 * Live snippet inclusion in `astro dev`: saving a file that pages include (or creating one they
 * looked for, or deleting one they read) re-renders exactly those pages, and open browsers reload.
 *
 * The included files are watched, not made module-graph edges (`this.addWatchFile`): Astro's dev
 * server walks a page's imported modules to collect its styles and loads every `.md` among them
 * as a page module of its own, so an included SECURITY.md was rendered a second time, for nothing,
 * before each response. Instead, when an included file changes, its dependent pages' modules are
 * handed to the rest of the HMR pipeline as if the pages themselves had changed (Astro's
 * `astro:hmr-reload` then invalidates them and sends the full reload).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EnvironmentModuleNode, Plugin, ViteDevServer } from 'vite';
import { dependenciesOf, dependencyRegistry, dependentsOf, renderCounts } from './dependency-registry.ts';

/** The modules of every page that depends on `file` (a page may be several: `?astroPropagatedAssets`…). */
export function dependentModules(file: string, modulesByFile: (page: string) => Iterable<EnvironmentModuleNode> | undefined): EnvironmentModuleNode[] {
  return dependentsOf(file).flatMap((page) => [...(modulesByFile(page) ?? [])]);
}

export function snippetWatchPlugin(): Plugin {
  let server: ViteDevServer | undefined;
  return {
    name: 'scissors:snippet-watch',
    enforce: 'post',
    transform: {
      filter: { id: /\.mdx?(\?.*)?$/ },
      handler(_code, id) {
        const watcher = server?.watcher;
        if (!watcher) return null;
        // As Vite's addWatchFile: the root is watched already; other existing files are added.
        const root = `${path.resolve(this.environment.config.root)}${path.sep}`;
        for (const dependency of dependenciesOf(path.resolve(id.split('?')[0] ?? id))) {
          if (!dependency.startsWith(root) && !dependency.includes('\0') && fs.existsSync(dependency)) watcher.add(dependency);
        }
        return null;
      },
    },
    hotUpdate: {
      // Before Astro's own hook, which invalidates what it is handed and sends the reload.
      order: 'pre',
      handler({ file, modules }) {
        const graph = this.environment.moduleGraph;
        const pages = dependentModules(file, (page) => graph.getModulesByFile(page));
        if (pages.length === 0) return undefined;
        return [...new Set([...modules, ...pages])];
      },
    },
    configureServer(devServer) {
      server = devServer;
      // What each page depends on and how often it re-rendered: for maintainers and the dev tests.
      devServer.middlewares.use('/__scissors/dependencies', (_req, res) => {
        const pages = [...dependencyRegistry()].map(([page, deps]) => ({
          page,
          dependencies: [...deps].sort(),
          renders: renderCounts().get(page) ?? 0,
        }));
        // What the file watcher really holds (not what we asked it to): a leak shows here.
        const watched = Object.values(devServer.watcher.getWatched()).reduce((n, names) => n + names.length, 0);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ pages, watched }, null, 2));
      });
    },
  };
}
