import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagramsPlugin, hasDiagrams } from '../../../src/integration/vite-diagrams.ts';
import { diagramRendered } from '../../../src/markdown/diagram-flag.ts';
import { tempTree } from '../../helpers/tmp.ts';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
const call = (hook: unknown, ...args: unknown[]) => (typeof hook === 'function' ? (hook as Hook).call({}, ...args) : undefined);

test('the diagram library is bundled only when a page of the build has a diagram (always in dev)', () => {
  // This process rendered no diagram: only the page store decides.
  assert.equal(diagramRendered(), false);
  const tree = tempTree({ 'none.html': '<p>No diagram</p><pre class="astro-code"><code>x</code></pre>', 'some.html': '<p>a</p><pre class="chart" tabindex="0"><code>graph TD</code></pre>' });
  assert.equal(hasDiagrams(tree.path('none.html'), ['mermaid']), false);
  assert.equal(hasDiagrams(tree.path('some.html'), ['mermaid', 'chart']), true);
  assert.equal(hasDiagrams(tree.path('missing.html'), ['mermaid']), false);

  const module = (store: string, command: 'build' | 'serve') => {
    const plugin = diagramsPlugin({ pageStore: () => tree.path(store), classes: ['chart'] });
    call(plugin.configResolved, { command });
    const id = call(plugin.resolveId, 'virtual:scissors/diagrams') as string;
    return String(call(plugin.load, id));
  };
  assert.match(module('none.html', 'build'), /loadDiagrams = \(\) => undefined/);
  assert.match(module('some.html', 'build'), /import\(".*src\/scripts\/mermaid\.ts"\)/);
  assert.match(module('none.html', 'serve'), /import\(".*src\/scripts\/mermaid\.ts"\)/);
  tree.cleanup();
});
