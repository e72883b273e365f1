import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { loadMarkdownConfigNatively } from '../../../src/integration/native-config.ts';
import { tempTree } from '../../helpers/tmp.ts';

const tree = tempTree({
  'ok/astro.config.mjs': 'export default { markdown: { shikiConfig: { wrap: true } } };\n',
  'broken/astro.config.mjs': 'import "./missing-module.mjs";\nexport default {};\n',
  'bare/astro.config.mjs': 'export default {};\n',
});
after(tree.cleanup);

test('the site config, loaded by Node itself', async () => {
  assert.deepEqual(await loadMarkdownConfigNatively(tree.path('ok')), { markdown: { shikiConfig: { wrap: true } } });
});

test('a config Node cannot load, a config without Markdown settings and no config at all are reasons, not crashes', async () => {
  assert.match(String((await loadMarkdownConfigNatively(tree.path('broken')) as { reason: string }).reason), /could not load astro\.config\.mjs by itself/);
  assert.match(String((await loadMarkdownConfigNatively(tree.path('bare')) as { reason: string }).reason), /no markdown settings/);
  assert.match(String((await loadMarkdownConfigNatively(tree.path('nowhere')) as { reason: string }).reason), /no astro\.config file/);
});

test('the real site config loads natively, with the unified processor and its plugins', async () => {
  const { isUnifiedProcessor } = await import('@astrojs/markdown-remark');
  const loaded = await loadMarkdownConfigNatively(new URL('../../..', import.meta.url).pathname);
  assert.ok('markdown' in loaded, 'reason' in loaded ? loaded.reason : '');
  const processor = 'markdown' in loaded ? loaded.markdown.processor : undefined;
  assert.ok(processor && isUnifiedProcessor(processor));
  assert.ok(isUnifiedProcessor(processor) && processor.options.remarkPlugins.length > 5);
});
