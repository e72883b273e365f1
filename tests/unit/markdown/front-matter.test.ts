import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitFrontMatter } from '../../../src/markdown/front-matter.ts';

test('front matter is split off with its line count', () => {
  assert.deepEqual(splitFrontMatter('---\ntitle: x\n---\nBody\n'), { frontMatter: '---\ntitle: x\n---\n', body: 'Body\n', lineCount: 3 });
  assert.deepEqual(splitFrontMatter('---\r\na: 1\r\n---\r\nB'), { frontMatter: '---\r\na: 1\r\n---\r\n', body: 'B', lineCount: 3 });
});

test('no front matter, or a thematic break later on, is all body', () => {
  assert.deepEqual(splitFrontMatter('Text\n---\n'), { frontMatter: '', body: 'Text\n---\n', lineCount: 0 });
});
