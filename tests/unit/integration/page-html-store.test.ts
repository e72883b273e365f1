import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { PageHtmlWriter, readStoredPage } from '../../../src/integration/page-html-store.ts';
import { tempTree } from '../../helpers/tmp.ts';

const tree = tempTree({});
after(tree.cleanup);

test('each page reads back exactly its own HTML, multi-byte text included', () => {
  const writer = new PageHtmlWriter(tree.path('cache'));
  const pages = ['<p>first</p>', '<p>Sätteri — “quoted” ✂️</p>', '', '<h2 id="x">x</h2>'];
  const locations = pages.map((html) => writer.add(html));
  writer.finish();
  pages.forEach((html, i) => {
    const stored = readStoredPage({ rendered: { metadata: { headings: [], frontmatter: { n: i }, scissorsHtml: locations[i] } } });
    assert.equal(stored?.html, html);
    assert.deepEqual(stored?.frontmatter, { n: i });
  });
});

test('an entry without stored HTML is left to Astro', () => {
  assert.equal(readStoredPage({ rendered: { metadata: { headings: [] } } }), undefined);
  assert.equal(readStoredPage({}), undefined);
});

test('a new build replaces the last one', () => {
  const first = new PageHtmlWriter(tree.path('cache2'));
  first.add('<p>old old old</p>');
  first.finish();
  const second = new PageHtmlWriter(tree.path('cache2'));
  const location = second.add('<p>new</p>');
  second.finish();
  assert.equal(readStoredPage({ rendered: { metadata: { scissorsHtml: location } } })?.html, '<p>new</p>');
});
