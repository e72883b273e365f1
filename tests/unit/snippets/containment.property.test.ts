/**
 * Property: whatever path a marker names — `..` runs, absolute paths, symlinks out of and
 * within the base, sibling folders sharing the base's name prefix, odd bytes — no file outside
 * the base path is ever read, and no outside content reaches the output.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { SnippetExpander } from '../../../src/snippets/expand.ts';
import { resolveSnippetOptions } from '../../../src/snippets/options.ts';
import { FileReader } from '../../../src/snippets/read.ts';
import { isWithin } from '../../../src/snippets/resolve.ts';
import { tempTree } from '../../helpers/tmp.ts';

const tree = tempTree({
  'docs/a.md': 'inside a\n',
  'docs/sub/b.md': 'inside b\n',
  'docs_private/secret.md': 'SECRET sibling\n',
  'outside/secret.md': 'SECRET outside\n',
  'secret.md': 'SECRET root\n',
});
fs.symlinkSync(tree.path('outside/secret.md'), tree.path('docs/link-out.md'));
fs.symlinkSync(tree.path('outside'), tree.path('docs/dir-out'));
fs.symlinkSync(tree.path('docs/a.md'), tree.path('docs/sub/link-in.md'));
after(tree.cleanup);
const base = fs.realpathSync(tree.path('docs'));

class RecordingReader extends FileReader {
  readonly paths: string[] = [];
  override read(file: string, encoding: string): string[] {
    this.paths.push(file);
    return super.read(file, encoding);
  }
}

const segment = fc.oneof(
  fc.constantFrom('..', '.', '', 'a.md', 'sub', 'b.md', 'link-out.md', 'dir-out', 'link-in.md', 'secret.md', 'docs', 'docs_private', 'outside', '~', '%2e%2e', '..\\..', 'a.md\u0000', ' ', '\u00e9', '\t'),
  fc.string({ maxLength: 4 }).filter((s) => !s.includes('"') && !/[\r\n]/.test(s)),
);
const pathSpec = fc.tuple(fc.constantFrom('', '/', `${tree.dir}/`, './', '../'), fc.array(segment, { minLength: 1, maxLength: 6 }), fc.constantFrom('', ':1:2', ':-1', ':x')).map(
  ([prefix, parts, suffix]) => `${prefix}${parts.join('/')}${suffix}`,
);

test('no file outside the base path is ever read', () => {
  fc.assert(
    fc.property(pathSpec, (spec) => {
      const reader = new RecordingReader();
      const expander = new SnippetExpander(resolveSnippetOptions(base, { checkPaths: false }), reader);
      const result = expander.expandDocument(`--8<-- "${spec}"\n`, `${base}/page.md`);
      for (const file of reader.paths) assert.ok(isWithin(base, fs.realpathSync(file)), `read ${file} for "${spec}"`);
      assert.ok(!result.lines.some((l) => l.includes('SECRET')), `outside content leaked for "${spec}"`);
    }),
    { numRuns: 2000, seed: 20261125 },
  );
});

test('nested includes cannot escape either', () => {
  fs.writeFileSync(tree.path('docs/hop.md'), '--8<-- "../secret.md"\n--8<-- "link-out.md"\n--8<-- "dir-out/secret.md"\n');
  const reader = new RecordingReader();
  const result = new SnippetExpander(resolveSnippetOptions(base), reader).expandDocument('--8<-- "hop.md"', `${base}/page.md`);
  assert.deepEqual(result.diagnostics.map((d) => d.code), ['OUTSIDE_BASE_PATH', 'OUTSIDE_BASE_PATH', 'OUTSIDE_BASE_PATH']);
  assert.ok(reader.paths.every((p) => isWithin(base, p)));
});
