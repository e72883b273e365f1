import assert from 'node:assert/strict';
import { test } from 'node:test';

test('plugins named by string are refused with a clear message; imported ones pass', async () => {
  const { importedPlugins } = await import('../../../src/integration/site-renderers.ts');
  const plugin = () => undefined;
  assert.deepEqual(importedPlugins([plugin, [plugin, { a: 1 }]], 'remark'), [plugin, [plugin, { a: 1 }]]);
  assert.throws(() => importedPlugins(['remark-toc'], 'remark'), /remark plugin "remark-toc" is given by name; import it in astro.config/);
  assert.throws(() => importedPlugins([['rehype-slug', {}]], 'rehype'), /rehype plugin "rehype-slug"/);
});
