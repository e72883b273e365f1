/**
 * The diagram library (mermaid, a few MB) is bundled only when the site has a diagram. page.ts
 * imports `virtual:scissors/diagrams`; in a build its loader is empty unless a page rendered one
 * — bundling mermaid cost every build ~1.4 s and ~330 MiB at 1000 pages (BENCHMARKS.md). Pages
 * are rendered (or reused from the render cache) before the client bundle is made, and each with
 * a diagram raises a process-wide flag (diagram-flag.ts): rendered, reused or compiled as a module.
 *
 * When it is needed, a build does not bundle mermaid either: the library's own prebuilt ESM
 * (`mermaid/dist/mermaid.esm.min.mjs` and its chunks, self-contained) is copied among the
 * assets and imported from there. Bundling it from source cost every site with a diagram
 * ~370 MiB of peak memory and over a second (BENCHMARKS.md); the browser runs the same code.
 * The copies are named `.js` (their imports of each other rewritten to match): many static
 * servers send `.mjs` with a type browsers refuse to run as a module.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { diagramRendered } from '../markdown/diagram-flag.ts';

const ID = 'virtual:scissors/diagrams';
const RESOLVED = `\0${ID}`;

/** mermaid's prebuilt browser build: the entry, relative to its `dist/`, and the chunks it imports. */
const PREBUILT_ENTRY = 'mermaid.esm.min.mjs';
const PREBUILT_CHUNKS = 'chunks/mermaid.esm.min';

export interface PrebuiltFile {
  /** Path relative to mermaid's `dist/` (the entry imports its chunks by these relative paths). */
  relative: string;
  absolute: string;
}

/** Relative `.mjs` imports of the prebuilt files (`from"./chunk-X.mjs"`, `import("./x.mjs")`). */
const RELATIVE_MJS_IMPORT = /((?:\bfrom|\bimport\(?)\s*)(["'])(\.\.?\/[^"']+?)\.mjs\2/g;

/** A prebuilt file as published: `.mjs` → `.js`, in its name and in its imports of the others. */
export function publishedPrebuilt(file: PrebuiltFile): { fileName: string; source: string } {
  const source = fs.readFileSync(file.absolute, 'utf8').replace(RELATIVE_MJS_IMPORT, '$1$2$3.js$2');
  return { fileName: file.relative.replace(/\.mjs$/, '.js'), source };
}

/** mermaid's `dist/` folder and version, as installed; undefined if mermaid is not installed. */
export function prebuiltMermaid(): { dist: string; version: string; files: PrebuiltFile[] } | undefined {
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve('mermaid/package.json');
  } catch {
    return undefined;
  }
  const dist = path.join(path.dirname(manifest), 'dist');
  if (!fs.existsSync(path.join(dist, PREBUILT_ENTRY))) return undefined;
  const version = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
  const chunks = fs
    .readdirSync(path.join(dist, PREBUILT_CHUNKS))
    .filter((name) => name.endsWith('.mjs'))
    .sort()
    .map((name) => `${PREBUILT_CHUNKS}/${name}`);
  const files = [PREBUILT_ENTRY, ...chunks].map((relative) => ({ relative, absolute: path.join(dist, relative) }));
  return { dist, version, files };
}

export function diagramsPlugin(): Plugin {
  const script = fileURLToPath(new URL('../scripts/mermaid.ts', import.meta.url));
  let serving = false;
  let base = '/';
  let assetsDir = '_astro';
  // Set when the client bundle imports mermaid: its prebuilt files are then emitted with it.
  let prebuilt: (NonNullable<ReturnType<typeof prebuiltMermaid>> & { folder: string }) | undefined;
  return {
    name: 'scissors:diagrams',
    // Before Vite's resolver, which would resolve `mermaid` to its sources for bundling.
    enforce: 'pre',
    configResolved(config) {
      serving = config.command === 'serve';
      base = config.base;
      assetsDir = config.build.assetsDir;
    },
    resolveId(id, importer) {
      if (id === ID) return RESOLVED;
      // Only our diagram script imports the library; in dev Vite serves it as any dependency.
      if (id !== 'mermaid' || serving || !importer || path.resolve(importer) !== script) return undefined;
      const found = prebuiltMermaid();
      if (!found) return undefined;
      prebuilt = { ...found, folder: `${assetsDir}/mermaid-${found.version}` };
      return { id: `${base}${prebuilt.folder}/${PREBUILT_ENTRY.replace(/\.mjs$/, '.js')}`, external: true };
    },
    generateBundle() {
      if (!prebuilt) return;
      for (const file of prebuilt.files) {
        const { fileName, source } = publishedPrebuilt(file);
        this.emitFile({ type: 'asset', fileName: `${prebuilt.folder}/${fileName}`, source });
      }
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      // In dev the library is served on demand: nothing to save, and a page may gain a diagram.
      const load = serving || diagramRendered();
      return load ? `export const loadDiagrams = () => import(${JSON.stringify(script)});` : 'export const loadDiagrams = () => undefined;';
    },
  };
}
