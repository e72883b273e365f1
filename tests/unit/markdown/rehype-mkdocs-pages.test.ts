import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { tempTree } from '../../helpers/tmp.ts';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeMkdocsPages from '../../../src/markdown/rehype-mkdocs-pages.ts';
import { renderHighlighted } from './pipeline-highlighted.ts';

const render = async (path: string, text: string) =>
  String(await unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeMkdocsPages).use(rehypeStringify).process(new VFile({ path, value: text })));

const tree = tempTree({});
after(tree.cleanup);

describe('code titles on MkDocs pages', () => {
  test('the title is content (search keeps it); the button and the status are skipped', async () => {
    const fence = '```bash title="run.sh"\necho hi\n```\n';
    const md = await renderHighlighted(tree.dir, tree.path('page.md'), fence);
    assert.match(md, /<figcaption class="code-header"><span class="code-title">run\.sh<\/span><button [^>]*data-pagefind-ignore=""[^>]*>Copy<\/button><span class="copy-status[^>]*data-pagefind-ignore=""/);
    const mdx = await renderHighlighted(tree.dir, tree.path('page.mdx'), fence);
    assert.match(mdx, /<figcaption class="code-header" data-pagefind-ignore=""><span class="code-title">run\.sh<\/span><button type="button" class="copy-button" data-copy="" hidden aria-label="Copy code to clipboard">Copy/);
  });
});

describe('task lists', () => {
  test('MkDocs pages: pymdownx.tasklist custom_checkbox markup (Material)', async () => {
    const html = await render('page.md', '* [x] Done\n* [ ] To do\n');
    assert.match(html, /<ul class="task-list">/);
    assert.match(html, /<li class="task-list-item"><label class="task-list-control"><input type="checkbox" checked disabled><span class="task-list-indicator"><\/span><\/label> Done<\/li>/);
    assert.match(html, /<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled><span class="task-list-indicator"><\/span><\/label> To do<\/li>/);
  });
  test('a loose list: the checkbox in the paragraph is wrapped too', async () => {
    assert.match(await render('page.md', '* [x] A\n\n* [ ] B\n'), /<li class="task-list-item">\s*<p><label class="task-list-control"><input type="checkbox" checked disabled>/);
  });
  test('MDX pages keep GFM\'s bare checkbox', async () => {
    const html = await render('page.mdx', '* [x] Done\n');
    assert.match(html, /<ul class="contains-task-list">\s*<li class="task-list-item"><input type="checkbox" checked disabled> Done<\/li>/);
  });
});

describe('footnotes on MkDocs pages', () => {
  test('Python-Markdown ids and classes; no hidden "Footnotes" heading', async () => {
    const html = await render('page.md', 'A[^1] b[^n] c[^1].\n\n[^1]: One.\n[^n]: Two.\n');
    assert.match(html, /A<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1<\/a><\/sup> b<sup id="fnref:n"><a class="footnote-ref" href="#fn:n">2<\/a><\/sup> c<sup id="fnref2:1"><a class="footnote-ref" href="#fn:1">1<\/a><\/sup>/);
    assert.match(html, /<div class="footnote"><hr><ol>\s*<li id="fn:1">\s*<p>One\. <a class="footnote-backref" href="#fnref:1" title="Jump back to footnote 1 in the text">↩<\/a> <a class="footnote-backref" href="#fnref2:1"/);
    assert.doesNotMatch(html, /<h2|data-footnote/);
  });
  test('MDX pages keep GFM footnotes', async () => {
    assert.match(await render('page.mdx', 'A[^1].\n\n[^1]: One.\n'), /<section data-footnotes class="footnotes">/);
  });
});
