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
import type { EnvironmentModuleNode, FSWatcher, Plugin } from 'vite';
import { dependenciesOf, dependencyRegistry, dependentsOf, renderCounts } from './dependency-registry.ts';

/**
 * Hands included files outside the root (the root is watched already) to the dev server's file
 * watcher, each once: the page transform that asks runs at every render. As Vite's addWatchFile,
 * only files that exist: chokidar watches the folder of a missing one. So a missing include is
 * looked for again at each render of a page that includes it, until it is there; and one that is
 * deleted (chokidar then stops watching it) is forgotten, to be handed over again when it is back.
 */
export function outOfRootWatch(watcher: Pick<FSWatcher, 'add' | 'on'>, root: string): (files: Iterable<string>) => void {
  const inRoot = `${path.resolve(root)}${path.sep}`;
  const handedOver = new Set<string>();
  watcher.on('unlink', (file: string) => handedOver.delete(path.resolve(file)));
  return (files) => {
    for (const file of files) {
      if (handedOver.has(file) || file.startsWith(inRoot) || file.includes('\0') || !fs.existsSync(file)) continue;
      watcher.add(file);
      handedOver.add(file);
    }
  };
}

/** The modules of every page that depends on `file` (a page may be several: `?astroPropagatedAssets`…). */
export function dependentModules(file: string, modulesByFile: (page: string) => Iterable<EnvironmentModuleNode> | undefined): EnvironmentModuleNode[] {
  return dependentsOf(file).flatMap((page) => [...(modulesByFile(page) ?? [])]);
}

export function snippetWatchPlugin(): Plugin {
  // Set by the dev server (builds watch nothing).
  let watch: ((files: Iterable<string>) => void) | undefined;
  return {
    name: 'scissors:snippet-watch',
    enforce: 'post',
    transform: {
      filter: { id: /\.mdx?(\?.*)?$/ },
      handler(_code, id) {
        watch?.(dependenciesOf(path.resolve(id.split('?')[0] ?? id)));
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
      watch = outOfRootWatch(devServer.watcher, devServer.config.root);
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
