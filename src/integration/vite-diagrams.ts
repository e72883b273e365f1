/**
 * The diagram library (mermaid, a few MB) is bundled only when the site has a diagram. page.ts
 * imports `virtual:scissors/diagrams`; in a build its loader is empty unless a page rendered one
 * — bundling mermaid cost every build ~1.4 s and ~330 MiB at 1000 pages (BENCHMARKS.md). Pages
 * are rendered (or reused from the render cache) before the client bundle is made: their HTML
 * is in the page store, and pages compiled as modules say so through a flag.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { diagramRendered } from '../markdown/diagram-flag.ts';

const ID = 'virtual:scissors/diagrams';
const RESOLVED = `\0${ID}`;

export interface DiagramsPluginOptions {
  /** The page store's file (all pages the loader rendered or reused). */
  pageStore: () => string | undefined;
  /** Classes of the diagram `<pre>`s (the site's diagram fences). */
  classes: string[];
}

export function hasDiagrams(storeFile: string | undefined, classes: string[]): boolean {
  if (diagramRendered()) return true;
  if (!storeFile || !fs.existsSync(storeFile) || classes.length === 0) return false;
  const html = fs.readFileSync(storeFile, 'latin1');
  return classes.some((className) => html.includes(`<pre class="${className}"`));
}

export function diagramsPlugin(options: DiagramsPluginOptions): Plugin {
  const script = fileURLToPath(new URL('../scripts/mermaid.ts', import.meta.url));
  let serving = false;
  return {
    name: 'scissors:diagrams',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      // In dev the library is served on demand: nothing to save, and a page may gain a diagram.
      const load = serving || hasDiagrams(options.pageStore(), options.classes);
      return load ? `export const loadDiagrams = () => import(${JSON.stringify(script)});` : 'export const loadDiagrams = () => undefined;';
    },
  };
}
