/**
 * A real `astro build` of a copy of this site with one broken page: the build must fail and
 * say where (the page's file:line:col) and what (the path it tried).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { copyProject } from '../../scripts/lib/site-copy.mjs';

const copy = copyProject('scissors-build-');
after(() => fs.rmSync(copy, { recursive: true, force: true }));

test('a page with a missing snippet fails the build with file:line:col and the path tried', () => {
  fs.writeFileSync(
    path.join(copy, 'content/docs/broken.mdx'),
    '---\ntitle: Broken\n---\n\nIntro.\n\n--8<-- "docs/not-there.md"\n',
  );
  const result = spawnSync('npx', ['astro', 'build'], { cwd: copy, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  const output = `${result.stdout}\n${result.stderr}`;
  assert.notEqual(result.status, 0, `the build should fail:\n${output}`);
  assert.match(output, /content\/docs\/broken\.mdx:7:1/);
  assert.match(output, /SNIPPET_NOT_FOUND/);
  assert.match(output, /docs\/not-there\.md/);
});

test('an MDX syntax error fails the build with the page and its line', () => {
  fs.rmSync(path.join(copy, 'content/docs/broken.mdx'), { force: true });
  fs.writeFileSync(path.join(copy, 'content/docs/bad-jsx.mdx'), '---\ntitle: Bad\n---\n\nIntro.\n\n<details><summary>x</summary>\n');
  const result = spawnSync('npx', ['astro', 'build'], { cwd: copy, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  const output = `${result.stdout}\n${result.stderr}`;
  assert.notEqual(result.status, 0, `the build should fail:\n${output}`);
  assert.match(output, /content\/docs\/bad-jsx\.mdx:7:\d+ .*closing tag for `<details>`/);
  fs.rmSync(path.join(copy, 'content/docs/bad-jsx.mdx'));
});
