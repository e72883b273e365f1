import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { createStaticMdxRenderer, type StaticRenderResult } from '../../../src/integration/static-mdx-renderer.ts';
import { scissorsRehypePlugins, scissorsRemarkPlugins, scissorsShikiConfig } from '../../../src/integration/plugins.ts';
import { emojiByShortcode } from '../../../src/markdown/emoji-index.ts';
import { loadIcon, shortcodeToIconPath } from '../../../src/markdown/icon-sets.ts';
import remarkIcons, { iconSvg, resolveShortcode } from '../../../src/markdown/remark-icons.ts';
import { SnippetExpander } from '../../../src/snippets/expand.ts';
import { resolveSnippetOptions } from '../../../src/snippets/options.ts';
import { tempTree } from '../../helpers/tmp.ts';
import { compileMdx, renderMarkdown } from './pipeline.ts';

// A theme's own icons (Material's `overrides/.icons`, pymdownx.emoji `custom_icons`).
const tree = tempTree({
  'overrides/.icons/brand/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><title>Acme</title><path d="M0 0h10v10H0z"/></svg>\n',
  'overrides/.icons/material/github.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><path d="M1 1h6v6H1z"/></svg>\n',
});
after(tree.cleanup);
const md = (text: string) => renderMarkdown(tree.dir, tree.path('page.md'), text);

const require = createRequire(import.meta.url);
/** A file of an installed package, read directly (what the output must carry). */
function packageFile(pkg: string, file: string): string {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  return readFileSync(path.join(dir, file), 'utf8');
}
function simpleIconFile(name: string): string {
  // simple-icons' exports hide package.json; its icons folder is exported.
  return readFileSync(require.resolve(`simple-icons/icons/${name}.svg`), 'utf8');
}
const pathData = (svg: string) => [...svg.matchAll(/<path[^>]* d="([^"]+)"/g)].map((m) => m[1]);
const viewBox = (svg: string) => /viewBox="([^"]+)"/.exec(svg)?.[1];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('icon shortcodes (.md pages)', () => {
  test(':material-NAME: is the @mdi/svg file inside a twemoji span, in Material’s shape', async () => {
    const file = packageFile('@mdi/svg', 'svg/clock-fast.svg');
    const [d] = pathData(file);
    const html = await md('Fast :material-clock-fast: start\n');
    assert.ok(d);
    assert.ok(
      html.includes(`<span class="twemoji" aria-hidden="true"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${d}"></path></svg></span>`),
      html,
    );
    // The package's id and nothing else of its root survive (svgo drops unused ids in Material's build).
    assert.doesNotMatch(html, /mdi-clock-fast/);
  });

  test('octicons keep their size suffix; width/height go (the CSS sizes icons)', async () => {
    for (const name of ['arrow-right-24', 'database-16']) {
      const file = packageFile('@primer/octicons', `build/svg/${name}.svg`);
      const html = await md(`x :octicons-${name}: y\n`);
      assert.ok(html.includes(`viewBox="${viewBox(file)}"><path d="${pathData(file)[0]}"></path></svg></span>`), html);
      assert.doesNotMatch(html, /<svg[^>]* (width|height)=/);
    }
  });

  test('Font Awesome brands, solid and regular map to their folders; the licence comment stays', async () => {
    for (const [style, name] of [['brands', 'github'], ['solid', 'house'], ['regular', 'heart']] as const) {
      const file = packageFile('@fortawesome/fontawesome-free', `svgs/${style}/${name}.svg`);
      const html = await md(`x :fontawesome-${style}-${name}: y\n`);
      assert.ok(html.includes(`<path fill="currentColor" d="${pathData(file)[0]}"></path>`), `${style}/${name}: ${html}`);
      assert.match(html, /<!--! Font Awesome Free/);
    }
  });

  test(':simple-NAME: is the simple-icons file, without its <title> and role', async () => {
    const file = simpleIconFile('python');
    const html = await md('x :simple-python: y\n');
    assert.ok(html.includes(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${pathData(file)[0]}"></path></svg>`), html);
    assert.doesNotMatch(html, /<title>|role="img" viewBox/);
  });

  test('attr_list right after an icon adds to the span: { .lg .middle }, {: #id .c }', async () => {
    const html = await md('- :material-battery-charging:{ .lg .middle } __Features__\n');
    assert.match(html, /<li><span class="twemoji lg middle" aria-hidden="true"><svg [^>]+><path d="[^"]+"><\/path><\/svg><\/span> <strong>Features<\/strong><\/li>/);
    assert.doesNotMatch(html, /\{ \.lg/);
    assert.match(await md('x :material-github:{: #gh .big } y\n'), /<span class="twemoji big" id="gh" aria-hidden="true">/);
    // An author's aria-label names the icon (once): it is read, not hidden.
    assert.match(await md('x :material-github:{ aria-label="GitHub profile" } y\n'), /<span class="twemoji" aria-label="GitHub profile" role="img"><svg/);
    assert.match(await md('x :rocket:{ title="Launch" } y\n'), /<span class="twemoji emoji" title="Launch" role="img" aria-label="rocket"><svg/);
    // Only right after it: with a space between, the braces are text (as in Python-Markdown).
    assert.match(await md('x :material-github: { .lg } y\n'), /<\/span> \{ \.lg \} y/);
  });

  test('an icon that is all a link holds is named (role="img" + aria-label); one beside words is hidden', async () => {
    const html = await md('[:material-twitter:](https://twitter.com/x){target="_blank" rel="nofollow"} and [:octicons-arrow-right-24: All features](#features)\n');
    assert.match(html, /<a href="https:\/\/twitter.com\/x"[^>]*><span class="twemoji" role="img" aria-label="twitter"><svg/);
    assert.match(html, /<a href="#features"><span class="twemoji" aria-hidden="true"><svg[^]*<\/span> All features<\/a>/);
    // simple-icons name the brand in their <title>: that is the label.
    assert.match(await md('[:simple-github:](https://github.com)\n'), /<span class="twemoji" role="img" aria-label="GitHub">/);
  });

  test('a shortcode at the start of a paragraph (read as a text directive at first) still resolves', async () => {
    const html = await md(':material-github: [github.com/x/y](https://github.com/x/y)\n');
    assert.match(html, /^<p><span class="twemoji" aria-hidden="true"><svg/);
  });
});

describe('emoji shortcodes (Twemoji)', () => {
  const cases: Array<[string, string, string]> = [
    ['rocket', '1f680', 'rocket'],
    ['heart', '2764', 'red heart'],
    ['white_check_mark', '2705', 'check mark button'],
    ['warning', '26a0', 'warning'],
    ['heavy_check_mark', '2714', 'check mark'],
    ['partying_face', '1f973', 'partying face'],
    ['mega', '1f4e3', 'megaphone'],
    ['+1', '1f44d', 'thumbs up'],
    ['thumbsup', '1f44d', 'thumbs up'],
  ];
  for (const [name, file, label] of cases) {
    test(`:${name}: is @twemoji/svg/${file}.svg, named for screen readers`, async () => {
      const svg = packageFile('@twemoji/svg', `${file}.svg`);
      const html = await md(`Go :${name}: now\n`);
      assert.match(html, new RegExp(`<span class="twemoji emoji" role="img" aria-label="${escapeRe(label)}" title=":${escapeRe(name)}:"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36">`));
      for (const d of pathData(svg)) assert.ok(html.includes(`d="${d}"`), `${name}: ${d}`);
    });
  }

  test('emoji take attr_list classes too (grid cards: :heart:{ .lg .middle })', async () => {
    assert.match(await md('- :heart:{ .lg .middle } __Support__\n'), /<span class="twemoji emoji lg middle" role="img" aria-label="red heart" title=":heart:">/);
  });

  test('ids inside an emoji are made unique to it (Twemoji calls every clip path "a")', async () => {
    const html = await md('x :wireless: y\n');
    assert.match(html, /<clipPath id="twemoji-1f6dc-a">/);
    assert.match(html, /clip-path="url\(#twemoji-1f6dc-a\)"/);
  });

  test('in headings, admonition titles and table-less prose alike', async () => {
    const html = await md('## Launch :rocket:\n\n!!! note ":warning: Careful"\n    Body :heart:\n');
    assert.equal((html.match(/class="twemoji emoji"/g) ?? []).length, 3, html);
  });
});

describe('text that is not a known shortcode', () => {
  test('unknown shortcodes, times, ratios and ARNs stay exactly as written', async () => {
    const text = 'At 12:30:45, ratio 1:2:3, :foo: and :not-an-icon: and :material-no-such-icon: in arn:aws:lambda:eu-west-1:017000801446:layer:x:3';
    const html = await md(`${text}\n`);
    assert.equal(html, `<p>${text}</p>`);
  });

  test('an unknown shortcode keeps its attribute list as text', async () => {
    assert.equal(await md(':nope:{ .lg .middle } x\n'), '<p>:nope:{ .lg .middle } x</p>');
  });

  test('code spans and code blocks are left alone', async () => {
    const html = await md('Use `:rocket:` or\n\n```\n:material-github: :heart:\n```\n');
    assert.doesNotMatch(html, /twemoji/);
    assert.match(html, /<code>:rocket:<\/code>/);
    assert.match(html, /:material-github: :heart:/);
  });

  test('pymdownx scans left to right: an unknown match is passed over, not re-used', async () => {
    // `:x:` is an emoji, but here the first colon pair is `:ab12cd:` (unknown), which consumes the colon.
    assert.equal(await md('q:ab12cd:x: end\n'), '<p>q:ab12cd:x: end</p>');
    assert.match(await md('q :x: end\n'), /aria-label="cross mark"/);
  });
});

describe('MDX pages', () => {
  test('the real MDX compiler gets elements (JSX), not raw HTML', async () => {
    const out = await compileMdx(tree.dir, tree.path('page.mdx'), 'Hi :rocket: and :material-github:\\{ .lg \\} [:material-twitter:](https://x.test)\n');
    assert.match(out, /className: "twemoji emoji",\s+role: "img",\s+"aria-label": "rocket"/);
    assert.match(out, /className: "twemoji lg",\s+"aria-hidden": "true"/);
    assert.match(out, /_components\.svg, \{\s+xmlns: "http:\/\/www.w3.org\/2000\/svg",\s+viewBox: "0 0 24 24"/);
    assert.ok(out.includes(`d: "${pathData(packageFile('@mdi/svg', 'svg/github.svg'))[0]}"`));
  });

  test('the static MDX renderer renders the same HTML as a .md page', async () => {
    const expander = new SnippetExpander(resolveSnippetOptions(tree.dir));
    const render = createStaticMdxRenderer({
      remarkPlugins: scissorsRemarkPlugins({ expander, root: tree.dir }),
      rehypePlugins: scissorsRehypePlugins({ root: tree.dir }),
      shikiConfig: scissorsShikiConfig(),
    });
    const result: StaticRenderResult = await render('Go :rocket: and :octicons-database-16:\\{ .lg .middle \\} at 12:30:45\n', tree.path('page.mdx'), {});
    assert.equal(result.kind, 'html');
    const html = result.kind === 'html' ? result.page.html : '';
    assert.equal(html, await md('Go :rocket: and :octicons-database-16:{ .lg .middle } at 12:30:45\n'));
  });
});

describe('iconSvg() for layouts', () => {
  test('returns the icon’s markup in Material’s shape', () => {
    const svg = iconSvg('material/lightbulb');
    const [d] = pathData(packageFile('@mdi/svg', 'svg/lightbulb.svg'));
    assert.equal(svg, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${d}"/></svg>`);
    assert.match(iconSvg('fontawesome/brands/github') ?? '', /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 512 512"><!--! Font Awesome Free/);
    assert.match(iconSvg('octicons/mark-github-16') ?? '', /viewBox="0 0 16 16"/);
    assert.match(iconSvg('simple/github') ?? '', /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 24 24"><path d="/);
  });

  test('undefined for unknown names and for anything that is not an icon path', () => {
    for (const name of ['material/no-such-icon', 'nope/github', 'fontawesome/github', 'material/../../package', '/etc/passwd', 'material']) {
      assert.equal(iconSvg(name), undefined, name);
    }
  });

  test('each file is read once: the same object comes back', () => {
    assert.equal(loadIcon('material/lightbulb'), loadIcon('material/lightbulb'));
  });

  test('shortcode names map to .icons paths as Material’s index does', () => {
    assert.equal(shortcodeToIconPath('fontawesome-brands-github'), 'fontawesome/brands/github');
    assert.equal(shortcodeToIconPath('octicons-arrow-right-24'), 'octicons/arrow-right-24');
    assert.equal(shortcodeToIconPath('material-file-code'), 'material/file-code');
    assert.equal(shortcodeToIconPath('simple-awslambda'), 'simple/awslambda');
    assert.equal(shortcodeToIconPath('rocket'), undefined);
  });
});

describe('custom icon folders (custom_icons, overrides/.icons)', () => {
  const dirs = () => [tree.path('overrides/.icons')];
  const render = async (text: string) =>
    String(await unified().use(remarkParse).use(remarkIcons, { customIcons: dirs() }).use(remarkRehype).use(rehypeStringify).process(text));

  test('a folder path becomes a shortcode, like the bundled sets; it comes before them', async () => {
    assert.equal(
      await render('[:brand-logo:](/) and :material-github:'),
      '<p><a href="/"><span class="twemoji" role="img" aria-label="Acme"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10H0z"></path></svg></span></a> and <span class="twemoji" aria-hidden="true"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><path d="M1 1h6v6H1z"></path></svg></span></p>',
    );
  });

  test('without the option the bundled icon is used and the custom one is unknown', async () => {
    assert.equal(resolveShortcode('brand-logo'), undefined);
    assert.match(await md(':material-github: x\n'), /viewBox="0 0 24 24"/);
  });

  test('iconSvg() looks in the custom folders first', () => {
    assert.equal(iconSvg('brand/logo', dirs()), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10H0z"/></svg>');
    assert.match(iconSvg('material/github', dirs()) ?? '', /viewBox="0 0 8 8"/);
    assert.match(iconSvg('material/lightbulb', dirs()) ?? '', /viewBox="0 0 24 24"/);
    assert.equal(iconSvg('../overrides/.icons/brand/logo', dirs()), undefined);
  });
});

describe('powertools-python corpus', () => {
  // Every icon/emoji shortcode its docs use (grep -rhoE ':[a-z0-9_+-]+:' docs, minus ARNs and times).
  const used = [
    'material-linkedin', 'material-twitter', 'material-github', 'material-web', 'material-file-code', 'material-battery-charging',
    'octicons-arrow-right-24', 'octicons-database-16', 'heart', 'partying_face', 'mega', 'heavy_check_mark', 'clipboard',
  ];
  test('all resolve', () => {
    for (const name of used) assert.ok(resolveShortcode(name), name);
  });
  test('simple-awslambda is not in simple-icons any more (removed upstream): it stays literal text', () => {
    assert.equal(resolveShortcode('simple-awslambda'), undefined);
  });
  test('the region, account and ARN pieces are not shortcodes', () => {
    for (const name of ['aws', 'layer', 'aws-us-gov', 'eu-west-1', '017000801446', 'function', 'n', 'e', 'ot', '50']) {
      assert.equal(resolveShortcode(name), undefined, name);
    }
  });
  test('the layer tables: an ARN in bold, its attr_list, then :clipboard: (📋)', async () => {
    const html = await md('| Region | ARN |\n|---|---|\n| **`af-south-1`** | **arn:aws:lambda:af-south-1:017000801446:layer:P-arm64:3**{: .copyMe}:clipboard: |\n');
    assert.equal((html.match(/class="twemoji emoji"/g) ?? []).length, 1, html);
    assert.match(html, /arn:aws:lambda:af-south-1:017000801446:layer:P-arm64:3/);
    assert.match(html, /aria-label="clipboard" title=":clipboard:"/);
    assert.equal(emojiByShortcode('clipboard')?.hexcode, '1F4CB');
  });
});
