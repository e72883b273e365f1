/**
 * Last-updated dates come from the git history (git-dates.ts), and the site hash keys it by the
 * HEAD commit alone. A history that changes under the same HEAD changes the dates a cold build
 * prints: here a shallow clone (CI's usual checkout), whose one commit is the last date of every
 * file, deepened with `git fetch --unshallow`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { siteHash } from '../../../src/incremental/site-hash.ts';
import { loadSiteModel } from '../../../src/site/load.ts';
import { tempTree } from '../../helpers/tmp.ts';

const packageRoot = path.resolve(import.meta.dirname, '../../..');
const gitDates = pathToFileURL(path.join(packageRoot, 'src/integration/git-dates.ts')).href;

const git = (cwd: string, args: string[], date = '2021-06-01T12:00:00Z') =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });

/** The page's last-updated date as PageMeta reads it (a process of its own: the history is read once a process). */
const lastUpdated = (root: string, file: string) =>
  execFileSync(process.execPath, ['--input-type=module', '-e', `import { lastCommitDate } from '${gitDates}'; console.log(lastCommitDate(process.argv[1], [process.argv[2]]));`, root, file], { encoding: 'utf8' }).trim();

test('a page\'s last-updated date that changes under the same HEAD (a shallow clone deepened) changes the site hash', async () => {
  const t = tempTree({
    'origin/mkdocs.yml': 'site_name: History\n',
    'origin/docs/index.md': '# Home\n',
    'origin/docs/old.md': '# Old\n',
  });
  try {
    const origin = t.path('origin');
    git(origin, ['init', '-q']);
    git(origin, ['add', '.']);
    git(origin, ['commit', '-qm', 'first'], '2020-01-01T12:00:00Z');
    fs.writeFileSync(path.join(origin, 'docs/index.md'), '# Home, edited\n');
    git(origin, ['commit', '-qam', 'second']);
    const clone = t.path('clone');
    git(t.dir, ['clone', '-q', '--depth', '1', pathToFileURL(origin).href, clone]);

    const site = await loadSiteModel(clone);
    const before = siteHash({ site, packageRoot, env: {} });
    const shallowDate = lastUpdated(clone, 'docs/old.md');
    git(clone, ['fetch', '-q', '--unshallow']);
    const deepDate = lastUpdated(clone, 'docs/old.md');
    assert.notEqual(deepDate, shallowDate, 'the cold build\'s date for docs/old.md changed');
    assert.notEqual(siteHash({ site, packageRoot, env: {} }), before, `docs/old.md: last updated ${shallowDate} → ${deepDate}, same site hash`);
  } finally {
    t.cleanup();
  }
});
