import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { registerReader, snippetReadTotals } from '../../../src/integration/snippet-read-stats.ts';
import { FileReader } from '../../../src/snippets/read.ts';
import { tempTree } from '../../helpers/tmp.ts';

const tree = tempTree({ 'a.md': 'a\n', 'b.md': 'b\n' });
after(tree.cleanup);

test('reads add up over every registered reader; files read by both count once', () => {
  const before = snippetReadTotals();
  const first = new FileReader();
  const second = new FileReader();
  registerReader(first);
  registerReader(second);
  first.read(tree.path('a.md'), 'utf-8');
  first.read(tree.path('a.md'), 'utf-8'); // cached: not a read
  second.read(tree.path('a.md'), 'utf-8');
  second.read(tree.path('b.md'), 'utf-8');
  const after = snippetReadTotals();
  assert.equal(after.reads - before.reads, 3);
  assert.deepEqual(after.paths.filter((p) => p.startsWith(tree.dir)).sort(), [tree.path('a.md'), tree.path('b.md')]);
});
