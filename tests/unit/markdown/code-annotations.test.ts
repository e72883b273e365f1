import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Element } from 'domhandler';
import { findAll, findOne, getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { metaHasClass } from '../../../src/markdown/code-annotations.ts';
import { compileMdxHighlighted, renderHighlighted } from './pipeline-highlighted.ts';

const root = '/tmp/scissors-annotations';
const md = (text: string, annotateCode = true) => renderHighlighted(root, `${root}/content/docs/page.md`, text, { annotateCode });

const classes = (el: Element) => (getAttributeValue(el, 'class') ?? '').split(/\s+/);
const all = (html: string, test: (el: Element) => boolean) => findAll(test, parseDocument(html).children);
const markers = (html: string) => all(html, (el) => classes(el).includes('annotation-marker'));
const counted = (html: string) => all(html, (el) => classes(el).includes('md-annotation'));
/** What a reader sees of each code block, without the markers (as copied, as the signature reads it). */
function codeText(html: string): string[] {
  return all(html, (el) => el.name === 'pre' && classes(el).includes('astro-code')).map((pre) => {
    for (const m of findAll((el) => classes(el).includes('annotation-marker'), [pre])) m.children = [];
    return textContent(pre)
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .replace(/\n+$/, '');
  });
}

const PY = [
  '```python',
  'app = App()  # (1)!',
  'x = call(2)  # keep this, see (2)',
  'y = "(1)"',
  '# (7)',
  '```',
  '',
  '1.  The **app**, with [a link](https://example.com).',
  '2.  Why we call.',
  '',
].join('\n');

describe('code annotations (feature content.code.annotate)', () => {
  test('each marker in a comment becomes a button that opens its list item', async () => {
    const html = await md(PY);
    const found = markers(html);
    assert.equal(found.length, 2);
    assert.deepEqual(found.map((m) => getAttributeValue(m, 'popovertarget')), ['annotation-1-1', 'annotation-1-2']);
    assert.deepEqual(found.map((m) => getAttributeValue(m, 'aria-label')), ['Annotation 1', 'Annotation 2']);
    assert.ok(found.every((m) => m.name === 'button' && getAttributeValue(m, 'type') === 'button'));
    // Counted as Material's are: .md-annotation with the number in .md-annotation__index.
    assert.deepEqual(counted(html).map((m) => textContent(findOne((e) => classes(e).includes('md-annotation__index'), [m])!)), ['1', '2']);
    // The list stays, once, and its items are the popovers the markers open.
    const items = all(html, (el) => el.name === 'li');
    assert.equal(items.length, 2);
    assert.deepEqual(items.map((li) => [getAttributeValue(li, 'id'), getAttributeValue(li, 'popover')]), [['annotation-1-1', 'auto'], ['annotation-1-2', 'auto']]);
    assert.match(textContent(items[0]!), /The app, with a link/);
    assert.equal(all(html, (el) => el.name === 'ol' && classes(el).includes('annotation-list')).length, 1);
  });

  test('(N)! removes the whole comment, (N) only the marker; strings and missing items are left alone', async () => {
    const html = await md(PY);
    assert.deepEqual(codeText(html), ['app = App()\nx = call(2)  # keep this, see\ny = "(1)"\n# (7)']);
  });

  test('the feature off: only blocks with the annotate class', async () => {
    assert.equal(markers(await md(PY, false)).length, 0);
    assert.match(codeText(await md(PY, false))[0]!, /# \(1\)!/);
    const opted = await md(PY.replace('```python', '``` { .python .annotate title="app.py" }'), false);
    assert.equal(markers(opted).length, 2);
    // The attr_list info string: language python, title kept.
    assert.match(opted, /data-language="python"/);
    assert.match(opted, /class="code-title">app\.py</);
  });

  test('no list after the block (Material: empty paragraphs are skipped, anything else stops)', async () => {
    assert.equal(markers(await md(PY.replace('\n1.  The', '\nSome text [link](x).\n\n1.  The'))).length, 0);
    assert.equal(markers(await md(PY.replace('\n1.  The', '\n- bullet\n\n1.  The'))).length, 0);
    // No list at all: the comment is shown as written.
    const bare = await md('```python\nx = 1  # (1)!\n```\n');
    assert.equal(markers(bare).length, 0);
    assert.deepEqual(codeText(bare), ['x = 1  # (1)!']);
    assert.doesNotMatch(bare, /data-code-(comment|markers)/);
  });

  test('other languages\' comments: YAML, JavaScript, SQL, a CSS block comment', async () => {
    const html = await md([
      '```yaml', 'Resources: # (1)!', '  Fn: 1 # (1)!', '```', '', '1. Resources.', '',
      '```js', 'const a = 1; // (1)', '/* (2)! */', '```', '', '1. One', '2. Two', '',
      '```sql', 'SELECT 1; -- (1)!', '```', '', '1. One', '',
      '```css', '/*', ' * (1)', ' */', 'a { color: red; }', '```', '', '1. One', '',
    ].join('\n'));
    // The same item twice in one block is one annotation (Material counts it once), with two markers.
    assert.equal(markers(html).length, 6);
    assert.equal(counted(html).length, 5);
    assert.deepEqual(codeText(html), ['Resources:\n  Fn: 1', 'const a = 1; //', 'SELECT 1;', '/*\n *\n */\na { color: red; }']);
  });

  test('text annotations in a .annotate block (md_in_html)', async () => {
    const html = await md('<div class="annotate" markdown>\n\nA sentence (1) and another (2).\n\n</div>\n\n1. First.\n2. Second.\n', false);
    assert.equal(counted(html).length, 2);
    assert.match(textContent(parseDocument(html).children).replace(/\s+/g, ' '), /A sentence 1 and another 2\./);
  });

  test('in MDX pages too', async () => {
    const js = await compileMdxHighlighted(root, `${root}/content/docs/page.mdx`, PY, { annotateCode: true });
    assert.equal(js.match(/"md-annotation annotation-marker"/g)?.length, 2);
    assert.match(js, /popoverTarget: "annotation-1-1"/);
    assert.match(js, /popover: "auto"/);
  });

  test('meta classes', () => {
    assert.ok(metaHasClass('.annotate title="x"', 'annotate'));
    assert.ok(metaHasClass('{ .annotate }', 'annotate'));
    assert.ok(!metaHasClass('title=".annotated"', 'annotate'));
  });
});
