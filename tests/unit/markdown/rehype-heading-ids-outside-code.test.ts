import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { VFile } from 'vfile';
import rehypeHeadingIdsOutsideCode from '../../../src/markdown/rehype-heading-ids-outside-code.ts';

type Transformer = (tree: Root, file: VFile) => void;

/** Headings around and between highlighted blocks (one nested), one with an id of its own. */
function page(): Root {
  const block = (code: string) => h('pre', { class: 'astro-code github-dark', tabindex: '0' }, [h('code', [h('span', { class: 'line' }, [h('span', { style: 'color:#F97583' }, code)])])]);
  return h(null, [
    h('h1', 'Title'),
    block('echo hi'),
    h('h2', ['Usage ', h('code', 'x.sh')]),
    h('div', { class: 'tabbed' }, [block('print(1)'), h('h3', 'Usage')]),
    h('h2', { id: 'mine' }, 'Kept'),
    h('h2', 'Usage'),
  ]) as Root;
}

function run(plugin: () => unknown, tree: Root): VFile {
  const file = new VFile({ path: '/site/page.md' });
  (plugin() as Transformer)(tree, file);
  return file;
}

test('ids and headings as Astro\'s own collector makes them, and the highlighted blocks put back where they were', () => {
  const astro = page();
  const astroFile = run(rehypeHeadingIds, astro);
  const ours = page();
  const blocks = [ours.children[1], (ours.children[3] as Element).children[0]];
  const oursFile = run(rehypeHeadingIdsOutsideCode, ours);
  assert.deepEqual(ours, astro);
  assert.deepEqual(oursFile.data.astro?.headings, astroFile.data.astro?.headings);
  assert.deepEqual(oursFile.data.astro?.headings?.map((heading) => heading.slug), ['title', 'usage-xsh', 'usage', 'mine', 'usage-1']);
  // The very nodes, not copies: later plugins and the stringifier see what Shiki made.
  assert.equal(ours.children[1], blocks[0]);
  assert.equal((ours.children[3] as Element).children[0], blocks[1]);
});

test('a highlighted block is never searched for headings (Astro\'s collector would slug one)', () => {
  const tree = h(null, [h('pre', { class: 'astro-code' }, [h('h2', 'Not a heading')]), h('h2', 'Real')]) as Root;
  assert.deepEqual(run(rehypeHeadingIdsOutsideCode, tree).data.astro?.headings?.map((heading) => heading.slug), ['real']);
  assert.deepEqual(run(rehypeHeadingIds, h(null, [h('pre', { class: 'astro-code' }, [h('h2', 'Not a heading')]), h('h2', 'Real')]) as Root).data.astro?.headings?.map((heading) => heading.slug), ['not-a-heading', 'real']);
});
