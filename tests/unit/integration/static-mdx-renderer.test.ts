import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, describe, test } from 'node:test';
import { evaluate } from '@mdx-js/mdx';
import { toHtml } from 'hast-util-to-html';
import * as hastRuntime from 'hastscript/jsx-runtime';
import { createStaticMdxRenderer, type StaticRenderResult } from '../../../src/integration/static-mdx-renderer.ts';
import { scissorsRehypePlugins, scissorsRemarkPlugins, scissorsShikiConfig } from '../../../src/integration/plugins.ts';
import { SnippetExpander } from '../../../src/snippets/expand.ts';
import { resolveSnippetOptions } from '../../../src/snippets/options.ts';
import { tempTree } from '../../helpers/tmp.ts';
import type { Root } from 'mdast';

const tree = tempTree({ 'parts/policy.md': '## Reporting\n\nWrite to us.\n' });
after(tree.cleanup);
const expander = new SnippetExpander(resolveSnippetOptions(tree.dir));
const render = createStaticMdxRenderer({
  remarkPlugins: scissorsRemarkPlugins({ expander, root: tree.dir }),
  rehypePlugins: scissorsRehypePlugins({ root: tree.dir }),
  shikiConfig: scissorsShikiConfig(),
});
const page = tree.path('content/docs/page.mdx');

/** Appends a marked paragraph to the tree it is given: a render that started from a changed tree shows two. */
function markEachRender() {
  return (root: Root) => {
    root.children.push({ type: 'paragraph', data: { hProperties: { 'data-render-mark': '' } }, children: [{ type: 'text', value: 'mark' }] });
  };
}

function html(result: StaticRenderResult): string {
  assert.equal(result.kind, 'html', result.kind === 'needs-runtime' ? result.reason : '');
  return result.kind === 'html' ? result.page.html : '';
}

/** What MDX's own runtime makes of the same text (static HTML elements only, no plugins). */
async function mdxRuntimeHtml(text: string): Promise<string> {
  // hastscript's runtime marks a fragment with `null`, which MDX's options do not accept: map a sentinel.
  const fragment = Symbol('fragment');
  const jsx = (type: unknown, props: unknown, key?: string) => hastRuntime.jsx((type === fragment ? null : type) as never, props as never, key);
  const { default: Content } = await evaluate(text, { Fragment: fragment, jsx, jsxs: jsx, elementAttributeNameCase: 'html' } as never);
  return toHtml(Content({}) as never);
}

describe('static MDX renderer', () => {
  test('a code block keeps its title on a page with raw HTML, as in MDX (rehype-raw drops the fence meta it carried)', async () => {
    const out = html(await render('Press <kbd>Ctrl</kbd>.\n\n```bash title="x.sh"\necho hi\n```\n', page, {}));
    assert.match(out, /<kbd>Ctrl<\/kbd>/);
    assert.match(out, /<span class="code-title">x\.sh<\/span>/);
  });

  test('renders a page with snippets, directives and code: headings and dependencies reported', async () => {
    const result = await render('# Title\n\n:::note[Heads up]\n:::\n\n--8<-- "parts/policy.md"\n\n```bash title="x.sh"\necho hi\n```\n', page, { title: 'T' });
    const out = html(result);
    assert.match(out, /<h2 id="reporting">Reporting/);
    assert.match(out, /class="admonition admonition-note/);
    assert.match(out, /<pre class="astro-code/);
    assert.ok(result.kind === 'html');
    assert.deepEqual(result.page.headings.map((h) => h.slug), ['title', 'reporting']);
    assert.deepEqual(result.page.frontmatter.snippetDependencies, ['parts/policy.md']);
    assert.equal(result.page.frontmatter.title, 'T');
  });

  test('an include reached through a symlinked folder is listed once among the included files, by its real path', async () => {
    fs.symlinkSync('parts', tree.path('linked'));
    try {
      const result = await render('--8<-- "linked/policy.md"\n', page, {});
      assert.ok(result.kind === 'html');
      assert.deepEqual(result.page.frontmatter.snippetDependencies, ['parts/policy.md']);
    } finally {
      fs.rmSync(tree.path('linked'));
    }
  });

  test("dev's kept parses: a page rendered again gives what a fresh render gives, its includes read anew", async () => {
    const reusing = createStaticMdxRenderer({
      remarkPlugins: [...scissorsRemarkPlugins({ expander, root: tree.dir }), markEachRender],
      rehypePlugins: scissorsRehypePlugins({ root: tree.dir }),
      shikiConfig: scissorsShikiConfig(),
      reuseParses: true,
    });
    const fresh = createStaticMdxRenderer({
      remarkPlugins: [...scissorsRemarkPlugins({ expander, root: tree.dir }), markEachRender],
      rehypePlugins: scissorsRehypePlugins({ root: tree.dir }),
      shikiConfig: scissorsShikiConfig(),
    });
    const text = '# Kept\n\n--8<-- "parts/kept.md"\n\nAnd <kbd>K</kbd>.\n';
    fs.writeFileSync(tree.path('parts/kept.md'), 'First version.\n');
    const first = html(await reusing(text, page, {}));
    // The tree a render changed (a plugin appended to it) is not the one the next render starts from.
    assert.equal(first.match(/data-render-mark/g)?.length, 1);
    assert.equal(html(await reusing(text, page, {})), first);
    fs.writeFileSync(tree.path('parts/kept.md'), 'Second, longer version.\n');
    const second = html(await reusing(text, page, {}));
    assert.match(second, /Second, longer version/);
    assert.equal(second, html(await fresh(text, page, {})));
    // Another text of the page is parsed, not taken from the last one.
    const edited = html(await reusing(text.replace('# Kept', '# Edited'), page, {}));
    assert.match(edited, /<h1 id="edited">Edited/);
    assert.equal(edited, html(await fresh(text.replace('# Kept', '# Edited'), page, {})));
  });

  test('static HTML elements keep their attributes, as MDX itself renders them', async () => {
    const text = '<div class="grid cards" data-cols="2" hidden>\n\n**Bold** text and <span aria-label="x" title="y">inline</span>\n\n</div>\n\n<br />\n';
    const normalise = (s: string) => s.replace(/\n/g, '');
    assert.equal(normalise(html(await render(text, page, {}))), normalise(await mdxRuntimeHtml(text)));
  });

  test('a JSX link that opens a new tab gets noopener, and a JSX heading an id and permalink, like Markdown ones', async () => {
    const out = html(await render('<h2>Written as JSX</h2>\n\nSee <a href="https://x.test" target="_blank">this</a>.\n', page, {}));
    assert.match(out, /<h2 id="written-as-jsx">Written as JSX<a class="heading-anchor"/);
    assert.match(out, /<a href="https:\/\/x.test" target="_blank" rel="noopener">this<\/a>/);
  });

  test('images from the site root or the web stay static', async () => {
    const out = html(await render('![a](/images/a.svg) ![b](https://example.org/b.png)\n', page, {}));
    assert.match(out, /<img src="\/images\/a.svg" alt="a">/);
  });

  test('MDX comments render nothing, with the same line breaks as MDX', async () => {
    const text = '{/* first */}\n\nBefore {/* a note to editors */} after.\n\n{/* a whole line */}\n\n<div>x</div>\n';
    const out = html(await render(text, page, {}));
    assert.doesNotMatch(out, /note to editors|first|whole line/);
    assert.equal(out, await mdxRuntimeHtml(text));
  });

  const needsRuntime: Array<[string, string, RegExp]> = [
    ['an import', 'import Card from "./card.astro";\n\nText\n', /import\/export/],
    ['an export', 'export const version = "2";\n\nText\n', /import\/export/],
    ['an expression', 'Version {1 + 1}\n', /the expression \{1 \+ 1\}.*line 1/],
    ['a component', 'Text\n\n<Tabs>\nx\n</Tabs>\n', /the component <Tabs>.*line 3/],
    ['a member component', '<ui.Card />\n', /the component <ui\.Card>/],
    ['an attribute expression', '<a href={url}>x</a>\n', /href=\{…\}/],
    ['a spread attribute', '<div {...props}>x</div>\n', /spread attribute/],
    ['a fragment', '<>x</>\n', /fragment/],
    ['a JSX-style attribute name', '<div className="x">y</div>\n', /JSX attribute className/],
    ['a local image', 'Look: ![diagram](./diagram.png)\n', /local image \.\/diagram\.png/],
    ['a local image by reference', '![diagram][d]\n\n[d]: images/d.png\n', /local image images\/d\.png/],
    ['SVG (case-sensitive attributes)', '<svg viewBox="0 0 1 1"></svg>\n', /<svg>/],
  ];
  for (const [what, text, reason] of needsRuntime) {
    test(`${what} needs the MDX runtime, and says so`, async () => {
      const result = await render(text, page, {});
      assert.equal(result.kind, 'needs-runtime');
      assert.match(result.kind === 'needs-runtime' ? result.reason : '', reason);
    });
  }

  test('a page that needs the runtime is not expanded (its snippets are left to the module build)', async () => {
    const before = expander.reader.reads;
    await render('export const x = 1;\n\n--8<-- "parts/missing.md"\n', page, {});
    assert.equal(expander.reader.reads, before);
  });

  test('a snippet error is an error with the page position, not a fallback', async () => {
    await assert.rejects(render('Intro.\n\n--8<-- "parts/not-there.md"\n', page, {}), /page\.mdx:3:1.*SNIPPET_NOT_FOUND|SNIPPET_NOT_FOUND[\s\S]*page\.mdx:3:1/);
  });
});
