/**
 * The benchmark's parse floor (scripts/bench/floor.ts) must time what a renderer has to parse:
 * a `.md` page expanded as remark-mkdocs expands it (front matter blanked, included code too), an
 * MDX page's own text; and no more: a page whose URL another page takes is not built.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { loaderBudget, parseFloor, siteTexts } from '../../scripts/bench/floor.ts';
import { tempTree } from '../helpers/tmp.ts';

// An MkDocs site: its pages are .md.
const mkdocs = tempTree({
  'mkdocs.yml': 'site_name: Floor\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: "."\n',
  'docs/index.md': '---\ntitle: Home\n---\n# Home\n\n```python\n--8<-- "code.py"\n```\n',
  // Both map to /metrics/: MkDocs builds metrics/index.md there, and so does Scissors.
  'docs/metrics.md': '# Metrics, shadowed\n',
  'docs/metrics/index.md': '# Metrics\n',
  'code.py': 'print("included code")\n',
});
// A Scissors site: MDX pages, whose includes are nodes.
const native = tempTree({
  'scissors.config.ts': 'export default {};\n',
  'content/docs/guide.mdx': '---\ntitle: Guide\n---\n\n--8<-- "part.md"\n\n--8<-- "part.md"\n',
  'content/docs/other.mdx': '---\ntitle: Other\n---\n\n--8<-- "part.md"\n',
  'part.md': 'A part *in Markdown*.\n',
});
after(() => {
  mkdocs.cleanup();
  native.cleanup();
});

test('a .md page is parsed expanded, included code too; a page whose URL another takes is not built', async () => {
  const { pages, included } = await siteTexts(mkdocs.dir);
  assert.equal(pages.length, 2, pages.join('\n---\n'));
  const home = pages.find((p) => p.includes('# Home'));
  assert.ok(home?.includes('print("included code")'), pages.join('\n---\n'));
  assert.ok(home?.startsWith('\n\n\n# Home'), 'front matter blanked, as remark-mkdocs does');
  assert.ok(!pages.some((p) => p.includes('shadowed')));
  assert.deepEqual(included, []);
});

test('an MDX page is parsed as written (what it includes is parsed once at most: not counted)', async () => {
  const { pages, included } = await siteTexts(native.dir);
  assert.equal(pages.length, 2);
  assert.ok(pages.every((p) => p.includes('--8<-- "part.md"')), pages.join('\n---\n'));
  assert.deepEqual(included, []);
});

test('the floor parses every text, and the budget is what the target leaves outside the loader', () => {
  const floor = parseFloor('two', { pages: ['# a\n', '# b\n'], included: ['c\n'] }, 2);
  assert.deepEqual([floor.pages, floor.includedMarkdown, floor.seconds.runs], [2, 1, 2]);
  assert.ok(floor.seconds.median > 0);
  // 0.4 × 20 s, less the 6 s of a 10 s build spent outside its 4 s loader.
  assert.equal(loaderBudget(0.4, 20, 10, 4), 2);
});
