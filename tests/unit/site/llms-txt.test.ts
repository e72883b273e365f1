import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readMkdocsConfig } from '../../../src/mkdocs/config.ts';
import { writeLlmsTxt } from '../../../src/site/llms-txt.ts';
import { tempTree } from '../../helpers/tmp.ts';

test('llmstxt: an index of the sections\' pages with their URLs, and their Markdown with snippets expanded', () => {
  const tree = tempTree({
    'mkdocs.yml': [
      'site_name: Demo',
      'site_url: https://example.org/docs/',
      'site_description: Demo docs',
      'markdown_extensions:',
      '  - pymdownx.snippets',
      'plugins:',
      '  - llmstxt:',
      '      markdown_description: For language models.',
      '      sections:',
      '        Usage:',
      '          - index.md',
      '          - guide/*.md: the guides',
    ].join('\n'),
    'docs/index.md': '# Home\n\nWelcome.\n',
    'docs/guide/start.md': '---\ntitle: Getting started\n---\n\n```py\n--8<-- "app.py"\n```\n',
    'docs/other.md': '# Not listed\n',
    'app.py': 'print("hi")\n',
  });
  const site = readMkdocsConfig(tree.path('mkdocs.yml'), { outDir: tree.path('site') });
  fs.mkdirSync(site.outDir, { recursive: true });
  assert.deepEqual(writeLlmsTxt(site), ['llms.txt', 'llms-full.txt']);
  const index = fs.readFileSync(path.join(site.outDir, 'llms.txt'), 'utf8');
  assert.equal(
    index,
    '# Demo\n\n> Demo docs\n\nFor language models.\n\n## Usage\n\n- [Home](https://example.org/docs/)\n- [Getting started](https://example.org/docs/guide/start/)\n',
  );
  const full = fs.readFileSync(path.join(site.outDir, 'llms-full.txt'), 'utf8');
  assert.match(full, /# Getting started\n\nSource: https:\/\/example\.org\/docs\/guide\/start\/\n\n```py\nprint\("hi"\)\n+```/);
  // A page with its own heading is not titled twice.
  assert.equal(full.match(/# Home/g)?.length, 1);
  assert.doesNotMatch(full, /Not listed/);
  tree.cleanup();
});
