/**
 * `scissors build` after an edit to pages or the files they include: the changed pages are
 * rendered again and put in place in the last build's output, without Astro — only when that
 * gives exactly what a full build gives. One small site built in sequence; each step says whether
 * the build was quick and why not, and the quick output is compared with a cold build's, byte for byte.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { projectRoot, writeSiteCopy } from '../../scripts/lib/site-copy.mjs';
import { fileHashes } from '../helpers/file-hashes.ts';
import { scissorsBuildIn, scissorsBuildOk } from '../helpers/scissors-build.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-quick-rebuild-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

before(() => {
  writeSiteCopy(dir, {
    'content/docs/index.mdx': '---\ntitle: Home\n---\n\nNo includes here.\n',
    'content/docs/nested.mdx': '---\ntitle: Nested\n---\n\n## Nested\n\n--8<-- "parts/outer.md"\n',
    'content/docs/code.mdx': '---\ntitle: Code\n---\n\n```bash title="parts/run.sh"\n--8<-- "parts/run.sh"\n```\n',
    'content/docs/dialect.md': '---\ntitle: Dialect\n---\n\n# Dialect\n\n!!! note "Heads up"\n    Body.\n\n--8<-- "parts/outer.md"\n',
    'parts/outer.md': 'Outer text.\n\n--8<-- "parts/inner.md"\n',
    'parts/inner.md': 'Inner text, first version.\n',
    'parts/run.sh': 'echo one\n',
  });
  fs.cpSync(path.join(projectRoot, 'bin'), path.join(dir, 'bin'), { recursive: true });
});

const build = (out = 'dist', env: Record<string, string> = {}) => scissorsBuildIn(dir, out, env);

const ok = (out = 'dist', env: Record<string, string> = {}) => scissorsBuildOk(dir, out, env);

const hashes = (out: string) => fileHashes(path.join(dir, out));
const page = (url: string) => fs.readFileSync(path.join(dir, 'dist', url, 'index.html'), 'utf8');
const edit = (file: string, from: string | RegExp, to: string) => {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  assert.notEqual(text.replace(from, to), text, `${file} has ${from}`);
  fs.writeFileSync(full, text.replace(from, to));
};

/** The output must be what a cold, full build makes (built apart; the next build is then a full one). */
function assertSameAsCold(): void {
  const cold = ok('cold', { SCISSORS_QUICK_REBUILD: 'off', SCISSORS_RENDER_CACHE: 'off' });
  assert.equal(cold.quick, false);
  assert.deepEqual(hashes('dist'), hashes('cold'));
}

test('the first build is a full one; an unchanged rebuild is quick and changes nothing', () => {
  const cold = ok();
  assert.equal(cold.full, 'no finished build to start from');
  assert.deepEqual([cold.rendered, cold.reused], [4, 0]);
  const first = hashes('dist');
  const again = ok();
  assert.ok(again.quick, again.log);
  assert.deepEqual([again.rendered, again.reused], [0, 4]);
  assert.deepEqual(hashes('dist'), first);
});

test('an edit deep in a nested include is quick: the pages that include it, and only them, byte for byte as a cold build', () => {
  edit('parts/inner.md', 'first version', 'second version');
  const b = ok();
  assert.ok(b.quick, b.log);
  assert.deepEqual([b.rendered, b.reused], [2, 2]);
  assert.match(page('nested'), /second version/);
  assert.match(page('dialect'), /second version/);
  assert.match(b.log, /search index of 4 pages/);
  assertSameAsCold();
});

test('an edit to an included script and to a page\'s text are quick too', () => {
  assert.equal(ok().full, 'no finished build to start from');
  edit('parts/run.sh', 'echo one', 'echo two');
  edit('content/docs/index.mdx', 'No includes here.', 'Still no includes here.');
  const b = ok();
  assert.ok(b.quick, b.log);
  assert.deepEqual([b.rendered, b.reused], [2, 2]);
  assert.match(page('code'), /two/);
  assertSameAsCold();
});

test('a new heading, new front matter or a new include take a full build', () => {
  assert.equal(ok().full, 'no finished build to start from');
  edit('parts/inner.md', 'second version', 'second version\n\n## A new heading');
  const heading = ok();
  assert.equal(heading.full, "dialect.md's headings changed");
  assert.deepEqual([heading.rendered, heading.reused], [2, 2]);
  assert.match(page('dialect'), /A new heading/);

  edit('content/docs/code.mdx', 'title: Code', 'title: Code and more');
  assert.equal(ok().full, "code.mdx's front matter changed");
  assert.match(page('code'), /Code and more/);

  edit('content/docs/index.mdx', 'Still no includes here.', 'Now an include.\n\n--8<-- "parts/run.sh"');
  assert.equal(ok().full, "index.mdx's page data changed (includes or diagrams)");
  assert.ok(ok().quick);
});

test('a changed option, a new page or a new Scissors version take a full build', () => {
  const configFile = path.join(dir, 'scissors.config.ts');
  fs.writeFileSync(configFile, fs.readFileSync(configFile, 'utf8').replace('checkPaths: true,', 'checkPaths: true,\n    tabLength: 8,'));
  assert.match(ok().full ?? '', /^the configuration, the Scissors version, the environment or a file other than pages/);
  fs.writeFileSync(path.join(dir, 'content/docs/new.mdx'), '---\ntitle: New\n---\n\nA new page.\n');
  assert.match(ok().full ?? '', /^the configuration/);
  assert.ok(fs.existsSync(path.join(dir, 'dist/new/index.html')));
  fs.appendFileSync(path.join(dir, 'src/incremental/quick-rebuild.ts'), '\n// a source change\n');
  assert.match(ok().full ?? '', /^the configuration/);
  assert.match(ok(undefined, { SCISSORS_SOME_SETTING: '1' }).full ?? '', /^the configuration/);
  assert.ok(ok(undefined, { SCISSORS_SOME_SETTING: '1' }).quick);
});

test('an output file touched since the last build takes a full build, which restores it', () => {
  ok();
  const file = path.join(dir, 'dist/code/index.html');
  const original = fs.readFileSync(file);
  fs.writeFileSync(file, 'tampered');
  const b = ok();
  assert.equal(b.full, 'the output changed since the last build (code/index.html)');
  assert.deepEqual(fs.readFileSync(file), original);
});

test('a build by other means in between (Astro\'s own, elsewhere) takes a full build: its render cache is not the last build\'s', () => {
  ok();
  edit('parts/run.sh', /echo \w+/, 'echo three');
  // Astro's build alone, into another folder: the render cache now knows the edit, the output does not.
  const astro = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', SCISSORS_OUT_DIR: path.join(dir, 'elsewhere') },
  });
  assert.equal(astro.status, 0, astro.stderr);
  const b = ok();
  assert.equal(b.full, 'the render cache is not the one the last build left');
  assert.match(page('code'), /three/);
});

test('a deleted include fails the build as a cold one would, and leaves nothing to build upon', () => {
  fs.rmSync(path.join(dir, 'parts/outer.md'));
  const b = build();
  assert.notEqual(b.status, 0);
  assert.equal(b.full, 'dialect.md failed to render');
  assert.match(b.log, /SNIPPET_NOT_FOUND/);
  fs.writeFileSync(path.join(dir, 'parts/outer.md'), 'Outer text is back.\n\n--8<-- "parts/inner.md"\n');
  const c = ok();
  assert.equal(c.full, 'no finished build to start from');
  assert.match(page('nested'), /Outer text is back/);
});
