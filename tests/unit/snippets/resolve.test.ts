import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { isWithin, resolveSnippetPath } from '../../../src/snippets/resolve.ts';
import { tempTree } from '../../helpers/tmp.ts';

const tree = tempTree({
  'docs/a.md': 'a',
  'docs/sub/b.md': 'b',
  'docs_private/secret.md': 'secret',
  'outside.md': 'outside',
  'solo/solo.md': 'solo',
  'solo/other.md': 'other',
});
fs.symlinkSync(tree.path('outside.md'), tree.path('docs/link-out.md'));
fs.symlinkSync(tree.path('docs/a.md'), tree.path('docs/link-in.md'));
fs.symlinkSync(tree.path('docs/sub'), tree.path('docs/linked-folder'));
after(tree.cleanup);
const docs = tree.path('docs');

describe('resolveSnippetPath', () => {
  test('finds a file under the base', () => assert.deepEqual(resolveSnippetPath('sub/b.md', [docs], true), { ok: true, file: tree.path('docs/sub/b.md') }));
  test('first base path with the file wins', () => {
    const r = resolveSnippetPath('solo.md', [docs, tree.path('solo')], true);
    assert.deepEqual(r, { ok: true, file: tree.path('solo/solo.md') });
  });
  test('a file as a base path allows only that file', () => {
    assert.equal(resolveSnippetPath('solo.md', [tree.path('solo/solo.md')], true).ok, true);
    assert.equal(resolveSnippetPath('other.md', [tree.path('solo/solo.md')], true).ok, false);
  });
  const outside: Array<[string, string]> = [
    ['../outside.md', 'parent escape'],
    ['../docs_private/secret.md', 'sibling folder sharing the name prefix'],
    [tree.path('outside.md'), 'absolute path'],
    ['link-out.md', 'symlink pointing out'],
    ['sub/../../outside.md', 'escape through a subfolder'],
  ];
  for (const [spec, why] of outside) {
    test(`refuses ${why}`, () => {
      const r = resolveSnippetPath(spec, [docs], true);
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.reason, 'outside');
    });
  }
  test('a symlink inside pointing inside is fine; the path it was looked up by is kept', () =>
    assert.deepEqual(resolveSnippetPath('link-in.md', [docs], true), { ok: true, file: tree.path('docs/a.md'), via: tree.path('docs/link-in.md') }));
  test('a file reached through a symlinked folder: its real path and the path it was looked up by', () => {
    assert.deepEqual(resolveSnippetPath('linked-folder/b.md', [docs], true), { ok: true, file: tree.path('docs/sub/b.md'), via: tree.path('docs/linked-folder/b.md') });
    assert.deepEqual(resolveSnippetPath('linked-folder/b.md', [docs], false), { ok: true, file: tree.path('docs/sub/b.md'), via: tree.path('docs/linked-folder/b.md') });
  });
  test('without restriction, a parent escape resolves', () => assert.equal(resolveSnippetPath('../outside.md', [docs], false).ok, true));
  test('a directory is reported as such', () => {
    const r = resolveSnippetPath('sub', [docs], true);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.reason, 'directory');
  });
  test('a missing file lists where it was looked for', () => {
    const r = resolveSnippetPath('nope.md', [docs, tree.path('solo')], true);
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual(r.tried, [path.join(docs, 'nope.md'), tree.path('solo/nope.md')]);
  });
});

describe('isWithin', () => {
  test('directory boundary, not string prefix', () => {
    assert.equal(isWithin('/a/docs', '/a/docs/x'), true);
    assert.equal(isWithin('/a/docs', '/a/docs_private/x'), false);
    assert.equal(isWithin('/a/docs', '/a/x'), false);
  });
});

/** Found by the engine fuzzer (engine.fuzz.test.ts): pymdownx joins without normalising where it does not restrict. */
describe('unnormalised joins, as os.path.join and os.path.exists see them', () => {
  test('without the restriction, `a.md/../sub/b.md` is not there (a.md is no folder)', () => {
    assert.equal(resolveSnippetPath('a.md/../sub/b.md', [docs], false).ok, false);
    assert.equal(resolveSnippetPath('sub/../sub/b.md', [docs], false).ok, true);
  });
  test('with the restriction, the path is normalised first (abspath), so it is found', () => {
    assert.equal(resolveSnippetPath('a.md/../sub/b.md', [docs], true).ok, true);
  });
  test('a file base path: `x/../solo.md` through a file is not the same file', () => {
    assert.equal(resolveSnippetPath('other.md/../solo.md', [tree.path('solo/solo.md')], true).ok, false);
    assert.equal(resolveSnippetPath('./solo.md', [tree.path('solo/solo.md')], true).ok, true);
  });
});
