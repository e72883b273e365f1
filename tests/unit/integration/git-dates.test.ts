import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { after, test } from 'node:test';
import { lastCommitDate } from '../../../src/integration/git-dates.ts';
import { tempTree } from '../../helpers/tmp.ts';

const tree = tempTree({ 'content/page.mdx': 'page', 'SECURITY.md': 'policy' });
after(tree.cleanup);

function commit(date: string, files: string[]) {
  const env = { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` };
  execFileSync('git', ['add', ...files], { cwd: tree.dir });
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', date], { cwd: tree.dir, env });
}

test("a page's date is the newest commit of the page and the files it includes", () => {
  execFileSync('git', ['init', '-q'], { cwd: tree.dir });
  commit('2024-01-10', ['content/page.mdx', 'SECURITY.md']);
  fs.writeFileSync(tree.path('SECURITY.md'), 'policy, edited');
  commit('2025-03-04', ['SECURITY.md']);
  assert.equal(lastCommitDate(tree.dir, ['content/page.mdx']), '2024-01-10');
  assert.equal(lastCommitDate(tree.dir, ['content/page.mdx', 'SECURITY.md']), '2025-03-04');
  assert.equal(lastCommitDate(tree.dir, ['not-tracked.md']), null);
});

test('outside a git checkout there is no date, rather than an invented one', () => {
  const plain = tempTree({ 'a.md': 'a' });
  try {
    assert.equal(lastCommitDate(plain.dir, ['a.md']), null);
  } finally {
    plain.cleanup();
  }
});
