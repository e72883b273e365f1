import assert from 'node:assert/strict';
import { test } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { diagramsPlugin, prebuiltMermaid, publishedPrebuilt } from '../../../src/integration/vite-diagrams.ts';
import { DIAGRAM_PAGE_KEY, diagramRendered } from '../../../src/markdown/diagram-flag.ts';
import remarkMermaid, { rehypeMermaid } from '../../../src/markdown/remark-mermaid.ts';
import { tempTree } from '../../helpers/tmp.ts';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const call = (hook: unknown, ...args: unknown[]) => (typeof hook === 'function' ? (hook as Hook).call({}, ...args) : undefined);

test('the diagram library is bundled only when a page of the build has a diagram (always in dev)', async () => {
  const module = (command: 'build' | 'serve') => {
    const plugin = diagramsPlugin();
    call(plugin.configResolved, { command, base: '/', build: { assetsDir: '_astro' } });
    const id = call(plugin.resolveId, 'virtual:scissors/diagrams') as string;
    return String(call(plugin.load, id));
  };
  // This process has rendered no diagram yet.
  assert.equal(diagramRendered(), false);
  assert.match(module('build'), /loadDiagrams = \(\) => undefined/);
  assert.match(module('serve'), /import\(".*src\/scripts\/mermaid\.ts"\)/);
  // A page with a diagram raises the flag, and marks itself for the render cache.
  const file = new VFile({ value: '```mermaid\ngraph TD\n```\n', data: { astro: { frontmatter: {} } } });
  const pipeline = unified().use(remarkParse).use(remarkMermaid).use(remarkRehype).use(rehypeMermaid);
  await pipeline.run(pipeline.parse(file), file);
  assert.equal(diagramRendered(), true);
  assert.equal((file.data.astro as { frontmatter: Record<string, unknown> }).frontmatter[DIAGRAM_PAGE_KEY], true);
  assert.match(module('build'), /import\(".*src\/scripts\/mermaid\.ts"\)/);
});

test("a build imports mermaid's prebuilt files from the assets and emits them there, instead of bundling the library", () => {
  const found = prebuiltMermaid();
  assert.ok(found, 'mermaid is a dependency: its prebuilt ESM is installed');
  assert.equal(found.files[0]?.relative, 'mermaid.esm.min.mjs');
  assert.ok(found.files.length > 10 && found.files.every((f) => f.relative.endsWith('.mjs')));

  const script = fileURLToPath(new URL('../../../src/scripts/mermaid.ts', import.meta.url));
  const plugin = diagramsPlugin();
  assert.equal(plugin.enforce, 'pre', "before Vite's resolver, which would bundle the sources");
  call(plugin.configResolved, { command: 'build', base: '/docs/', build: { assetsDir: '_astro' } });
  // Only the diagram script's import is redirected.
  assert.equal(call(plugin.resolveId, 'mermaid', '/somewhere/else.ts'), undefined);
  const resolved = call(plugin.resolveId, 'mermaid', script) as { id: string; external: boolean };
  assert.deepEqual(resolved, { id: `/docs/_astro/mermaid-${found.version}/mermaid.esm.min.js`, external: true });

  const emitted: Array<{ fileName: string; source: string }> = [];
  (plugin.generateBundle as Hook).call({ emitFile: (file: { fileName: string; source: string }) => emitted.push(file) });
  const folder = `_astro/mermaid-${found.version}/`;
  assert.deepEqual(
    emitted.map((e) => e.fileName),
    found.files.map((f) => folder + f.relative.replace(/\.mjs$/, '.js')),
  );
  // Every file imports the others by the names they are emitted under (`.js`, which every static server types right).
  const names = new Set(emitted.map((e) => e.fileName));
  let imports = 0;
  for (const { fileName, source } of emitted) {
    assert.doesNotMatch(source, /(?:from|import\(?)\s*["']\.\.?\/[^"']+\.mjs["']/, fileName);
    for (const [, specifier] of source.matchAll(/(?:\bfrom|\bimport\(?)\s*"(\.\.?\/[^"]+)"/g)) {
      imports++;
      assert.ok(names.has(path.posix.join(path.posix.dirname(fileName), specifier!)), `${fileName} imports ${specifier}`);
    }
  }
  assert.ok(imports > 100);

  // In dev, Vite serves mermaid as any other dependency.
  const dev = diagramsPlugin();
  call(dev.configResolved, { command: 'serve', base: '/', build: { assetsDir: '_astro' } });
  assert.equal(call(dev.resolveId, 'mermaid', script), undefined);
});

test('a build that never imports mermaid emits none of its files', () => {
  const plugin = diagramsPlugin();
  call(plugin.configResolved, { command: 'build', base: '/', build: { assetsDir: '_astro' } });
  const emitted: unknown[] = [];
  (plugin.generateBundle as Hook).call({ emitFile: (file: unknown) => emitted.push(file) });
  assert.deepEqual(emitted, []);
});

test('published prebuilt files: relative .mjs imports become .js, nothing else changes', () => {
  const tree = tempTree({ 'a.mjs': 'import{a as b}from"./chunks/x/c.mjs";import "./d.mjs";const e=()=>import("../f.mjs");const s="./g.mjs is text";export{b};' });
  const out = publishedPrebuilt({ relative: 'a.mjs', absolute: tree.path('a.mjs') });
  assert.equal(out.fileName, 'a.js');
  assert.equal(out.source, 'import{a as b}from"./chunks/x/c.js";import "./d.js";const e=()=>import("../f.js");const s="./g.mjs is text";export{b};');
  tree.cleanup();
});
