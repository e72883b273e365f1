/**
 * Builds render plain MDX pages to HTML in the docs loader and leave pages that need MDX's
 * runtime to Astro's MDX modules. Both paths must give the same site: a copy of this site (plus
 * a page that needs the runtime) is built both ways and every output file compared.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { copyProject } from '../../scripts/lib/site-copy.mjs';
import { fileHashes } from '../helpers/file-hashes.ts';
import { writeImagePage } from '../helpers/image-page.ts';

const copy = copyProject('scissors-static-render-');
after(() => fs.rmSync(copy, { recursive: true, force: true }));

function build(outDir: string, env: Record<string, string> = {}) {
  const result = spawnSync('npx', ['astro', 'build', '--force', '--outDir', outDir], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

let staticDist = '';
let moduleDist = '';
let staticLog = '';
let moduleLog = '';
before(() => {
  fs.writeFileSync(
    path.join(copy, 'content/docs/runtime.mdx'),
    '---\ntitle: Runtime\n---\n\nexport const release = "2." + (10 * 2);\n\nThe release is {release}.\n\n--8<-- "SECURITY.md:1:3"\n',
  );
  fs.writeFileSync(
    path.join(copy, 'content/docs/html.mdx'),
    [
      '---\ntitle: HTML in MDX\n---\n',
      '{/* editors: keep this page short */}\n',
      '<div class="grid" data-cols="2">\n\n**Bold** and <abbr title="Supply-chain Levels for Software Artifacts">SLSA</abbr>.\n\n</div>\n',
      'Press <kbd>Ctrl</kbd>+<kbd>C</kbd> {/* inline comment */} to copy.\n',
      '<details open>\n<summary>More</summary>\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n</details>\n',
      '<span>alone on its line</span>\n',
      'Text <div>a block inside a paragraph</div> that HTML parsing splits.\n',
      '<h2>A heading written as JSX</h2>\n',
      'See <a href="https://example.org/" target="_blank">a new tab</a>.\n',
      ':::note[Inside]\n<em>JSX in a directive</em>\n:::\n',
      // rehype-raw re-creates the code element: its title must survive it (it did in MDX, not here).
      '```bash title="x.sh"\necho hi\n```\n',
    ].join('\n'),
  );
  // A page with a local image: Astro imports and optimises it, so the page is a module.
  writeImagePage(path.join(copy, 'content/docs'));
  // A Markdown page (MkDocs dialect): Astro's own Markdown renderer on both paths.
  fs.writeFileSync(
    path.join(copy, 'content/docs/dialect.md'),
    '---\ntitle: MkDocs dialect\n---\n\n# MkDocs dialect\n\n!!! note "Heads up"\n    Body with `code`.\n\n=== "One"\n\n    ```bash\n    --8<-- "SECURITY.md:1:2"\n    ```\n\n=== "Two"\n\n    Text.\n',
  );
  staticDist = path.join(copy, 'dist-static');
  moduleDist = path.join(copy, 'dist-modules');
  staticLog = build(staticDist);
  moduleLog = build(moduleDist, { SCISSORS_RENDER: 'modules' });
});

test('the two builds really took the two paths', () => {
  // Without this, a loader that quietly fell back to modules would make the comparison below vacuous.
  assert.match(staticLog, /rendered (\d+) pages to HTML in [\d.]+ s; 2 as MDX modules/);
  const rendered = Number(/rendered (\d+) pages to HTML/.exec(staticLog)?.[1]);
  assert.ok(rendered >= 5, `only ${rendered} pages rendered by the loader`);
  assert.doesNotMatch(moduleLog, /pages to HTML/);
});

test('loader-rendered and module-rendered builds are byte-identical', () => {
  const a = fileHashes(staticDist);
  const b = fileHashes(moduleDist);
  assert.deepEqual([...a.keys()], [...b.keys()]);
  const different = [...a].filter(([file, hash]) => b.get(file) !== hash).map(([file]) => file);
  assert.deepEqual(different, []);
});

test('a page that needs the MDX runtime still renders, through its module', () => {
  const html = fs.readFileSync(path.join(staticDist, 'runtime/index.html'), 'utf8');
  assert.match(html, /The release is 2\.20\./);
  assert.match(staticLog, /content\/docs\/runtime\.mdx needs the MDX runtime: import\/export \(line 5\): rendered as an MDX module/);
});

test('a local image is optimised by Astro, as on a module page', () => {
  const html = fs.readFileSync(path.join(staticDist, 'image/index.html'), 'utf8');
  assert.match(staticLog, /content\/docs\/image\.mdx needs the MDX runtime: the local image \.\/dot\.png/);
  assert.match(html, /<img src="\/_astro\/dot\.[^"]+\.webp" alt="A dot"/);
});

test('static HTML and comments in MDX render as written', () => {
  const html = fs.readFileSync(path.join(staticDist, 'html/index.html'), 'utf8');
  assert.match(html, /<div class="grid" data-cols="2"><p><strong>Bold<\/strong> and <abbr title="Supply-chain Levels for Software Artifacts">SLSA<\/abbr>.<\/p><\/div>/);
  assert.doesNotMatch(html, /editors: keep/);
  assert.match(html, /<h2 id="a-heading-written-as-jsx">A heading written as JSX<a class="heading-anchor"/);
  assert.match(html, /<a href="https:\/\/example.org\/" target="_blank" rel="noopener">a new tab<\/a>/);
});
