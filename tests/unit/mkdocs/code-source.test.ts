/**
 * An included, titled code block says where it came from ("included from …", linked to the
 * repository when one is configured) on `.md` pages as on MDX pages.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { tempTree } from '../../helpers/tmp.ts';
import { renderHighlighted } from '../markdown/pipeline-highlighted.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const caption = (html: string) => [...html.matchAll(/<span class="code-source"[^>]*>(.*?)<\/span>/g)].map((m) => m[1]?.replace(/<[^>]+>/g, ''));

describe('included code blocks name their source on .md pages as on MDX pages', () => {
  const tree = tempTree({
    'script.sh': '#!/bin/sh\n# --8<-- [start:main]\necho one\necho two\n# --8<-- [end:main]\n',
  });
  after(tree.cleanup);
  const nested = [
    '=== "Tab"',
    '',
    '    ??? info "Details"',
    '        ```bash title="script.sh"',
    '        --8<-- "script.sh"',
    '        ```',
    '',
    '```sh',
    '--8<-- "script.sh:main"',
    '```',
    '',
    '```text',
    'not included',
    '```',
    '',
  ].join('\n');

  test('the .md path: a whole file inside a tab and a details block, and a section', async () => {
    const html = await renderHighlighted(tree.dir, path.join(tree.dir, 'page.md'), nested);
    assert.deepEqual(caption(html), ['included from script.sh', 'included from script.sh, lines 3–4']);
  });
  test('the MDX path gives the same captions', async () => {
    const mdx = '```bash title="script.sh"\n--8<-- "script.sh"\n```\n\n```sh\n--8<-- "script.sh:main"\n```\n';
    const html = await renderHighlighted(tree.dir, path.join(tree.dir, 'page.mdx'), mdx);
    assert.deepEqual(caption(html), ['included from script.sh', 'included from script.sh, lines 3–4']);
  });
  test('the seed page rendered verbatim links its script like security.mdx does', async () => {
    const seed = fs.readFileSync(path.join(root, 'tests/fixtures/mkdocs/security.md'), 'utf8');
    const html = await renderHighlighted(root, path.join(root, 'content/docs/seed.md'), seed);
    assert.deepEqual(caption(html), ['included from .github/actions/verify-provenance/verify_provenance.sh']);
  });
});
