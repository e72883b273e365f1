import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { attrListToDirective, convertMkdocs } from '../../../src/mkdocs/convert.ts';
import { tempTree } from '../../helpers/tmp.ts';
import { renderMarkdown } from '../markdown/pipeline.ts';

const tree = tempTree({
  'script.sh': '#!/usr/bin/env bash\nif true; then\n  echo "hi"\nfi\n',
  'part.md': '## From a partial\n\nPartial text.\n',
});
after(tree.cleanup);
const md = (text: string) => renderMarkdown(tree.dir, tree.path('page.md'), text);
const convert = (text: string) => convertMkdocs(text).text;

describe('convertMkdocs: admonitions', () => {
  test('type, title and indented body', () => {
    assert.equal(convert('!!! note "A title"\n    Body line.\n\n    More.\n\nAfter.'), ':::note[A title]\nBody line.\n\nMore.\n:::\n\nAfter.');
  });
  test('no title given, empty title, title only', () => {
    assert.equal(convert('!!! tip\n    x'), ':::tip\nx\n:::');
    assert.equal(convert('!!! tip ""\n    x'), ':::tip{notitle}\nx\n:::');
    assert.equal(convert('!!! info "Only a title"\n\nNext paragraph.'), ':::info[Only a title]\n:::\n\nNext paragraph.');
  });
  test('the title runs from the first to the last quote', () => {
    assert.equal(convert('!!! note "Say "hi" [x](u){target="_blank"}"'), ':::note[Say "hi" :a[x]{href="u" target="_blank"}]\n:::');
  });
  test('collapsible closed and open', () => {
    assert.equal(convert('??? warning "Careful"\n    x'), ':::warning[Careful]{collapsible}\nx\n:::');
    assert.equal(convert('???+ warning "Careful"\n    x'), ':::warning[Careful]{collapsible open}\nx\n:::');
  });
  test('outer blocks get more colons than the blocks inside them', () => {
    assert.equal(convert('!!! note "Outer"\n    !!! tip "Inner"\n        x'), '::::note[Outer]\n:::tip[Inner]\nx\n:::\n::::');
  });
  test('a block-looking line that is not one is kept, with a warning', () => {
    const r = convertMkdocs('!!! "x"');
    assert.equal(r.text, '!!! "x"');
    assert.deepEqual(r.warnings.map((w) => w.line), [1]);
  });
  test('a setext underline (===) is not a tab and is not warned about; === Label without quotes is', () => {
    const r = convertMkdocs('Title\n===\n\n=== Label\n    x');
    assert.equal(r.text, 'Title\n===\n\n=== Label\n    x');
    assert.deepEqual(r.warnings.map((w) => w.line), [4]);
  });
  test('start lines as Python-Markdown reads them: no space, ???+note, classes lower-cased', () => {
    assert.equal(convert('!!!note "x"\n    y'), ':::note[x]\ny\n:::');
    assert.equal(convert('???+note "x"\n    y'), ':::note[x]{collapsible open}\ny\n:::');
    assert.equal(convert('???+ Info\n    y'), ':::info{collapsible open}\ny\n:::');
  });
  test('???- is not a marker: the dash is a class, kept as the type (as pymdownx.details does)', () => {
    assert.equal(convert('???- note "x"\n    y'), ':::admonition[x]{collapsible type="-" class="note"}\ny\n:::');
    assert.equal(convert('???-note "x"\n    y'), ':::admonition[x]{collapsible type="-note"}\ny\n:::');
  });
  test('details without a class; an alias keeps its name; modifiers stay classes', () => {
    assert.equal(convert('???+ "Time based keys"\n    y'), ':::admonition[Time based keys]{collapsible open}\ny\n:::');
    assert.equal(convert('!!! important\n    y'), ':::important\ny\n:::');
    assert.equal(convert('!!! tip inline end "T"\n    y'), ':::tip[T]{class="inline end"}\ny\n:::');
    assert.equal(convert('!!! custom\n    y'), ':::admonition[Custom]{type="custom"}\ny\n:::');
  });
  test('a fence never closed is text, with a warning (a stray fence shows as written in MkDocs)', async () => {
    const r = convertMkdocs('=== "a"\n    ```json\n    {}\n    ```\n    ```\n\nAfter.');
    assert.deepEqual(r.warnings.map((w) => w.line), [5]);
    const html = await md('=== "a"\n    ```json\n    {}\n    ```\n    ```\n\nAfter.\n');
    assert.equal((html.match(/<pre/g) ?? []).length, 1);
    assert.match(html, /<p>```<\/p>/);
  });
  test('an admonition inside a list item stays in the item; an indented one outside a list is code, as in Python-Markdown', async () => {
    assert.equal(convert('- Item\n\n    !!! note "In"\n        Body.\n\n- Two'), '- Item\n\n    :::note[In]\n    Body.\n    :::\n\n- Two');
    const html = await md('1. Item\n\n    ??? tip "More"\n        Body.\n\nAfter.\n\n    !!! note\n');
    assert.match(html, /<li>\s*<p>Item<\/p>\s*<details class="admonition admonition-tip" data-admonition="tip"><summary class="admonition-title">More<\/summary><p>Body.<\/p><\/details>\s*<\/li>/);
    assert.match(html, /<pre><code>!!! note\n<\/code><\/pre>/);
  });
  test('fenced code is verbatim', () => {
    assert.equal(convert('```md\n!!! note "x"\n[a](b){target=_blank}\n```'), '```md\n!!! note "x"\n[a](b){target=_blank}\n```');
  });
});

describe('convertMkdocs: tabs', () => {
  test('consecutive tabs form a set; ===+ selects; ===! starts a new set', () => {
    assert.equal(
      convert('=== "One"\n    1\n\n=== "Two"\n    2\n\n===! "Three"\n    3'),
      '::::tabs\n:::tab[One]\n1\n:::\n:::tab[Two]\n2\n:::\n::::\n::::tabs\n:::tab[Three]\n3\n:::\n::::',
    );
    assert.match(convert('=== "A"\n    a\n===+ "B"\n    b'), /:::tab\[B\]\{selected\}/);
    assert.equal(convert('=== "A"\n    a\n\n===!+ "B"\n    b'), '::::tabs\n:::tab[A]\na\n:::\n::::\n::::tabs\n:::tab[B]{selected}\nb\n:::\n::::');
  });
});

describe('convertMkdocs: attr_list, HTML, comments', () => {
  test('links and images with attributes become directives', () => {
    assert.equal(convert('See [x](https://u){target="_blank" rel="nofollow"}.'), 'See :a[x]{href="https://u" target="_blank" rel="nofollow"}.');
    assert.equal(convert('![Alt](/i.png){ width=300 .wide #pic }'), ':img[Alt]{src="/i.png" width="300" id="pic" class="wide"}');
    assert.equal(attrListToDirective('#a .b .c k=v'), 'id="a" k="v" class="b c"');
    assert.equal(convert('[v](https://c/home#m:graph=~()){target="_blank"}'), ':a[v]{href="https://c/home#m:graph=~()" target="_blank"}');
  });
  test('code spans are left alone', () => assert.equal(convert('`[x](u){a=b}`'), '`[x](u){a=b}`'));
  test('attr_list on strong, emphasis and code spans; a link whose label holds code', () => {
    assert.equal(convert('**arn:aws:x**{: .copyMe}:clipboard:'), ':strong[arn:aws:x]{class="copyMe"}:clipboard:');
    assert.equal(convert('**`pip install "x[all]"`**{.copyMe} and *e*{: #i } `c`{.k}'), ':strong[`pip install "x[all]"`]{class="copyMe"} and :em[e]{id="i"} :code[`c`]{class="k"}');
    assert.equal(convert('Add [**`"x[all]"`**](#){: .copyMe} now'), 'Add :a[**`"x[all]"`**]{href="#" class="copyMe"} now');
    assert.equal(convert('`f"{name}"` and **x**{name}'), '`f"{name}"` and **x**{name}');
  });
  test('HTML comments are dropped, on their own lines or inside one', () => {
    assert.equal(convert('<!-- markdownlint-disable MD041 -->\nText <!-- note --> here.\n<!--\nmulti\n-->\nEnd'), 'Text  here.\nEnd');
  });
  test('<center> with an image and an <i> caption becomes a figure', () => {
    assert.equal(convert('<center>\n![A](x.svg)\n\n<i>Cap</i>\n</center>'), '::::::::figure[*Cap*]\n![A](x.svg)\n::::::::');
  });
  test('an indented <center> (in a tab) becomes a container at its indentation, inside the tab', () => {
    assert.equal(
      convert('=== "A"\n\n    <center>\n    ![I](x.svg)\n\n    _Cap_\n    </center>\n'),
      '::::::::::tabs\n:::::::::tab[A]\n\n::::::::center\n![I](x.svg)\n\n_Cap_\n::::::::\n:::::::::\n::::::::::\n',
    );
  });
  test('tabs are expanded to 4-column stops everywhere, code included (as Python-Markdown does)', () => {
    assert.equal(convert('    ```sh\n    #a\t\t:x\n    ```'), '    ```sh\n    #a      :x\n    ```');
  });
  test('a --- metadata block that starts the page (an included page\'s front matter) is not shown, as with the meta extension', () => {
    assert.equal(convert('\n\n---\ntitle: Other\ndescription: x\n---\n\n## Key features'), '\n\n\n## Key features');
    assert.equal(convert('---\n\nText'), '---\n\nText');
    assert.equal(convert('Intro\n\n---\ntitle: x\n---'), 'Intro\n\n---\ntitle: x\n---');
  });
  test('md_in_html on another tag is kept as raw HTML, with a warning', () => {
    const r = convertMkdocs('<details markdown="1">\n**x**\n</details>');
    assert.equal(r.text, '<details markdown="1">\n**x**\n</details>');
    assert.deepEqual(r.warnings.map((w) => w.line), [1]);
  });
  test('md_in_html: <div markdown> becomes a container', () => {
    assert.equal(convert('<div markdown class="grid cards" id="g">\n**bold**\n</div>'), '::::::::div{#g .grid .cards}\n**bold**\n::::::::');
  });
  test('block attribute lines are kept for the paragraph in .md, dropped with a warning in MDX', () => {
    assert.equal(convertMkdocs('Para\n{: .note }').text, 'Para\n{: .note }');
    const r = convertMkdocs('Para\n{: .note }', { mdx: true });
    assert.equal(r.text, 'Para\n');
    assert.equal(r.warnings[0]?.line, 2);
  });
  test('MDX output escapes braces and bare <, and turns autolinks into links', () => {
    assert.equal(convertMkdocs('a {b} < c <https://x.org>', { mdx: true }).text, 'a \\{b\\} \\< c [https://x.org](https://x.org)');
    assert.equal(convertMkdocs('--8<-- "keep.md"', { mdx: true }).text, '--8<-- "keep.md"');
  });
});

describe('.md pages render as MkDocs Material did', () => {
  test('attr_list on a paragraph (its last line) gives the paragraph the attributes; alone it is dropped with a warning', async () => {
    const html = await md('<div class="grid" markdown>\n\n[**Alma**](https://a.test){target="_blank"}\n{ .card }\n\n</div>\n');
    assert.match(html, /<div class="grid"><p class="card"><a href="https:\/\/a.test" target="_blank" rel="noopener"><strong>Alma<\/strong><\/a><\/p><\/div>/);
    const r = convertMkdocs('Text\n\n{ .x }\n');
    assert.equal(r.text, 'Text\n\n\n');
    assert.deepEqual(r.warnings.map((w) => w.line), [3]);
  });
  test('inline highlighting (pymdownx.inlinehilite): #!lang and :::lang name the language; a shebang is left alone', async () => {
    const html = await md('Use `#!python range(3)` or `:::js x()`, not `#!/bin/sh`.\n');
    assert.match(html, /<code class="highlight language-python">range\(3\)<\/code> or <code class="highlight language-js">x\(\)<\/code>, not <code>#!\/bin\/sh<\/code>/);
  });
  test('attr_list on inline elements reaches the HTML, and no braces are left in the text', async () => {
    const html = await md('!!! info "Add [**`x[all]`**](#){: .copyMe} now"\n\n**arn:1**{: .copyMe} `c`{.k} *e*{: #i }\n');
    assert.match(html, /<p class="admonition-title">Add <a href="#" class="copyMe"><strong><code>x\[all\]<\/code><\/strong><\/a> now<\/p>/);
    assert.match(html, /<strong class="copyMe">arn:1<\/strong> <code class="k">c<\/code> <em id="i">e<\/em>/);
  });
  test('nesting four levels deep: tab > admonition > details > fence with a snippet', async () => {
    const html = await md(
      [
        '=== "Tab"',
        '',
        '    !!! note "Note"',
        '',
        '        ??? info "Details"',
        '',
        '            ```bash title="script.sh"',
        '            --8<-- "script.sh"',
        '            ```',
        '',
      ].join('\n'),
    );
    assert.match(html, /<div class="tabbed-block"[^>]*><div class="admonition admonition-note"[^>]*><p class="admonition-title">Note<\/p><details class="admonition admonition-info"[^>]*><summary class="admonition-title">Details<\/summary><pre><code class="language-bash">#!\/usr\/bin\/env bash\nif true; then\n  echo "hi"\nfi\n?<\/code><\/pre>/);
  });
  test('an included Markdown file is spliced before parsing: its headings are page headings', async () => {
    assert.match(await md('--8<-- "part.md"\n'), /<h2 id="from-a-partial">From a partial/);
  });
  test('abbreviations', async () => {
    const html = await md('Use SLSA, not SLSAX or `SLSA`.\n\n*[SLSA]: Supply-chain Levels for Software Artifacts\n');
    assert.match(html, /Use <abbr title="Supply-chain Levels for Software Artifacts">SLSA<\/abbr>, not SLSAX or <code>SLSA<\/code>\./);
    assert.doesNotMatch(html, /\*\[SLSA\]/);
  });
  test('abbreviations match whole words as Python\'s \\b does (a hyphen is a boundary, C++ needs a word after it); MDX pages keep their rule', async () => {
    const text = 'SLSA-compliant, C++ code, SLSA_x.\n\n*[SLSA]: Supply chain\n*[C++]: A language\n';
    assert.match(await md(text), /<abbr title="Supply chain">SLSA<\/abbr>-compliant, C\+\+ code, SLSA_x\./);
    assert.match(await renderMarkdown(tree.dir, tree.path('page.mdx'), text), /SLSA-compliant, /);
  });
  test('heading attributes', async () => {
    assert.match(await md('## Title { #custom .big }\n'), /<h2 id="custom" class="big">Title<a class="heading-anchor" href="#custom"/);
  });
  test('an escaped marker stays text', async () => {
    assert.match(await md(';--8<-- "part.md"\n'), /<p>--8&#x3C;-- "part.md"<\/p>/);
  });
});

describe('.md pages and URL includes', () => {
  test('a URL include in a .md page is an error naming the line, not a silent gap', async () => {
    const { SnippetExpander } = await import('../../../src/snippets/expand.ts');
    const { resolveSnippetOptions } = await import('../../../src/snippets/options.ts');
    const { default: remarkMkdocs } = await import('../../../src/mkdocs/remark-mkdocs.ts');
    const { default: remarkParse } = await import('remark-parse');
    const { unified } = await import('unified');
    const { VFile } = await import('vfile');
    const expander = new SnippetExpander(resolveSnippetOptions(tree.dir, { urlDownload: true, urlAllowHosts: ['example.org'] }));
    const processor = unified().use(remarkParse).use(remarkMkdocs, { expander, root: tree.dir });
    assert.throws(
      () => processor.parse(new VFile({ path: tree.path('page.md'), value: 'Intro\n\n--8<-- "https://example.org/a.md"\n' })),
      /page\.md:3:1 error URL_NOT_ALLOWED/,
    );
  });
});

test('a fence right after a list item, without a blank line, stays in the item and the list goes on (superfences + Python-Markdown)', () => {
  const { text } = convertMkdocs('1. JSON stored:\n```json\n{"a": 1}\n```\n2. second\n3. third\n');
  assert.equal(text, '1. JSON stored:\n   ```json\n   {"a": 1}\n   ```\n2. second\n3. third\n');
  // After a blank line the fence is the list's end, as in both readers.
  assert.equal(convertMkdocs('- item\n\n```\ncode\n```\n').text, '- item\n\n```\ncode\n```\n');
});

test('<div markdown> keeps its other attributes (style, title), as md_in_html does', async () => {
  const tree = tempTree({});
  const html = await renderMarkdown(tree.dir, `${tree.dir}/page.md`, '<div markdown style="text-align:center;" class="x" title="t">\n\n**Bold**\n\n</div>\n');
  assert.match(html, /<div style="text-align:center;" title="t" class="x"><p><strong>Bold<\/strong><\/p><\/div>/);
  tree.cleanup();
});
