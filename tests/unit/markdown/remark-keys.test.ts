import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { tempTree } from '../../helpers/tmp.ts';
import { renderMarkdown } from './pipeline.ts';

const tree = tempTree({});
after(tree.cleanup);

describe('keys (pymdownx.keys) on MkDocs pages', () => {
  test('named keys, aliases and a quoted key; Material\'s markup', async () => {
    const html = await renderMarkdown(tree.dir, tree.path('page.md'), 'Press ++ctrl+alt+del++ or ++cmd+"My Key"++.\n');
    assert.match(html, /<span class="keys"><kbd class="key-control">Ctrl<\/kbd><span>\+<\/span><kbd class="key-alt">Alt<\/kbd><span>\+<\/span><kbd class="key-delete">Del<\/kbd><\/span> or <span class="keys"><kbd class="key-command">Cmd<\/kbd><span>\+<\/span><kbd>My Key<\/kbd><\/span>\./);
  });
  test('an unknown name, code and MDX pages keep the text as written', async () => {
    assert.match(await renderMarkdown(tree.dir, tree.path('page.md'), 'Not ++foo+bar++ nor `++ctrl++`.\n'), /Not \+\+foo\+bar\+\+ nor <code>\+\+ctrl\+\+<\/code>/);
    assert.match(await renderMarkdown(tree.dir, tree.path('page.mdx'), 'Keep ++ctrl++.\n'), /Keep \+\+ctrl\+\+/);
  });
});
