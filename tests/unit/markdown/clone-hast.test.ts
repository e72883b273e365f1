import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from 'hast';
import { cloneHast } from '../../../src/markdown/clone-hast.ts';

const original = (): Element => ({
  type: 'element',
  tagName: 'pre',
  properties: { className: ['astro-code', 'github'], style: 'x', tabIndex: 0, dataLanguage: 'bash' },
  data: { meta: 'title="a"' } as Element['data'],
  position: { start: { line: 1, column: 1 }, end: { line: 2, column: 1 } },
  children: [
    { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: 'echo' }, { type: 'comment', value: 'c' }] },
  ],
});

test('a copy equals its original, deeply', () => {
  assert.deepStrictEqual(cloneHast(original()), original());
});

test('changing the copy never changes the original (properties, arrays, children, data, positions)', () => {
  const source = original();
  const copy = cloneHast(source);
  (copy.properties.className as string[]).push('changed');
  copy.properties.style = 'y';
  (copy.children[0] as Element).children.push({ type: 'text', value: 'more' });
  ((copy.children[0] as Element).children[0] as { value: string }).value = 'rm';
  (copy.data as { meta: string }).meta = 'other';
  if (copy.position) copy.position.start.line = 9;
  assert.deepStrictEqual(source, original());
});
