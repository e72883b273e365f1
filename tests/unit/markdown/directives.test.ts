import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ADMONITION_TYPES } from '../../../src/markdown/admonition-types.ts';
import { tempTree } from '../../helpers/tmp.ts';
import { renderMarkdown } from './pipeline.ts';

const tree = tempTree({});
after(tree.cleanup);
const render = (text: string) => renderMarkdown(tree.dir, tree.path('page.md'), text);

describe('admonitions', () => {
  for (const [type, aliases] of Object.entries(ADMONITION_TYPES)) {
    for (const name of [type, ...aliases]) {
      test(`:::${name} renders as ${type} with the default title`, async () => {
        const html = await render(`:::${name}\nBody\n:::\n`);
        // Styled as its type, named as written (Material keeps an alias's class).
        assert.match(html, new RegExp(`<div class="admonition admonition-${type}" role="note" data-admonition="${name}"><p class="admonition-title">${name[0]?.toUpperCase()}${name.slice(1)}</p>`));
      });
    }
  }
  test('custom title with inline Markdown and a link directive', async () => {
    const html = await render(':::note[Use **this** :a[link]{href="https://x.test" target="_blank" rel="nofollow"}]\nBody\n:::\n');
    assert.match(html, /<p class="admonition-title">Use <strong>this<\/strong> <a href="https:\/\/x.test" target="_blank" rel="nofollow noopener">link<\/a><\/p>/);
  });
  test('a generic block keeps its written type; styled as the first class naming a type, else the default', async () => {
    assert.match(await render(':::admonition[T]{collapsible type="-" class="note"}\nBody\n:::\n'), /<details class="admonition admonition-note note" data-admonition="-"><summary class="admonition-title">T<\/summary>/);
    assert.match(await render(':::admonition[T]{collapsible open}\nBody\n:::\n'), /<details class="admonition" open><summary class="admonition-title">T<\/summary>/);
    assert.match(await render(':::admonition[T]{type="custom"}\nBody\n:::\n'), /<div class="admonition" role="note" data-admonition="custom"><p class="admonition-title">T<\/p>/);
  });
  test('extra classes (inline end) follow the type class', async () => {
    assert.match(await render(':::tip[T]{class="inline end"}\nBody\n:::\n'), /<div class="admonition admonition-tip inline end" role="note" data-admonition="tip">/);
  });
  test('title only', async () => {
    const html = await render(':::info[Just a title]\n:::\n');
    assert.match(html, /class="admonition admonition-info admonition-title-only"/);
  });
  test('no title', async () => {
    const html = await render(':::tip{notitle}\nBody\n:::\n');
    assert.doesNotMatch(html, /admonition-title/);
  });
  test('collapsible closed and open', async () => {
    assert.match(await render(':::warning[Careful]{collapsible}\nBody\n:::\n'), /<details class="admonition admonition-warning" data-admonition="warning"><summary class="admonition-title">Careful<\/summary>/);
    assert.match(await render(':::warning[Careful]{collapsible open}\nBody\n:::\n'), /<details class="admonition admonition-warning" open/);
  });
  test('an unknown block directive is an error with its location', async () => {
    await assert.rejects(render('Text\n\n:::nonsense\nx\n:::\n'), /page\.md:3:1 Unknown block directive "nonsense"/);
  });
  test('prose that looks like a text directive is kept as written', async () => {
    assert.match(await render('Meet at 10:30 or e.g.:later today.\n'), /e\.g\.:later today/);
  });
});

describe('tabs', () => {
  const tabs = '::::tabs\n:::tab[First one]\nA\n:::\n:::tab[Second]\n```sh\nls\n```\n:::\n::::\n';
  test('radio inputs, labels and panels with readable ids', async () => {
    const html = await render(tabs);
    assert.match(html, /<div class="tabbed-set" data-tabs="1:2"><input type="radio" name="__tabbed_1" class="tabbed-input" checked data-tab-label="First one" id="first-one">/);
    assert.match(html, /<label for="second" id="second-label">Second<\/label>/);
    assert.match(html, /<div class="tabbed-block" data-tab-label="Second" id="second-panel" role="region" aria-labelledby="second-label">/);
  });
  test('tab ids never collide with heading ids', async () => {
    const html = await render(`## Second\n\n${tabs}`);
    assert.match(html, /<h2 id="second">/);
    assert.match(html, /id="second-1"/);
  });
  test('a tab outside tabs is an error', async () => {
    await assert.rejects(render(':::tab[Lonely]\nx\n:::\n'), /must sit directly inside a ::::tabs block/);
  });
  test('nesting: an admonition with a fence inside a tab inside a details', async () => {
    const html = await render('::::::info[Outer]{collapsible}\n:::::tabs\n::::tab[T]\n:::note\n```sh\nls\n```\n:::\n::::\n:::::\n::::::\n');
    assert.match(html, /<details[^>]*><summary[^>]*>Outer<\/summary><div class="tabbed-set"/);
    assert.match(html, /<div class="tabbed-block"[^>]*><div class="admonition admonition-note"[^>]*><p class="admonition-title">Note<\/p><pre><code class="language-sh">ls/);
  });
});

describe('figures and headings', () => {
  test('a figure unwraps its image and captions it', async () => {
    const html = await render(':::figure[*Caption*]\n![Alt](/x.svg)\n:::\n');
    assert.equal(html, '<figure class="figure"><img src="/x.svg" alt="Alt"><figcaption><em>Caption</em></figcaption></figure>');
  });
  test('headings get ids and a permalink without text', async () => {
    const html = await render('## Hello world\n');
    assert.equal(html, '<h2 id="hello-world">Hello world<a class="heading-anchor" href="#hello-world" aria-label="Permalink: Hello world"></a></h2>');
  });
});
