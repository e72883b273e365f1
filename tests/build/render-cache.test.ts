/**
 * Incremental builds: the docs loader reuses a page from its on-disk render cache only when the
 * page, every file it read (nested includes too, and paths looked for and missing), the options
 * and the Scissors version are unchanged. One small site, built in sequence: each step says how
 * many pages it must re-render, and the output must be byte-identical to a cold build.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { projectRoot, writeSiteCopy } from '../../scripts/lib/site-copy.mjs';
import { fileHashes } from '../helpers/file-hashes.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-render-cache-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

writeSiteCopy(dir, {
  // A diagram: a page reused from the cache must still bring the diagram library into the build.
  'content/docs/index.mdx': '---\ntitle: Home\n---\n\nNo includes here.\n\n```mermaid\ngraph TD\n  A --> B\n```\n',
  'content/docs/nested.mdx': '---\ntitle: Nested\n---\n\n## Nested\n\n--8<-- "parts/outer.md"\n',
  'content/docs/code.mdx': '---\ntitle: Code\n---\n\n```bash title="parts/run.sh"\n--8<-- "parts/run.sh"\n```\n',
  'content/docs/gone.mdx': '---\ntitle: Gone\n---\n\n--8<-- "parts/gone.md"\n',
  'content/docs/dialect.md': '---\ntitle: Dialect\n---\n\n# Dialect\n\n!!! note "Heads up"\n    Body.\n\n--8<-- "parts/outer.md"\n',
  'parts/outer.md': 'Outer text.\n\n--8<-- "parts/inner.md"\n',
  'parts/inner.md': 'Inner text, first version.\n',
  'parts/run.sh': 'echo one\n',
  'parts/gone.md': 'This file will be deleted.\n',
  // A first base path where the included files are looked for, and are not (yet).
  'alt/README.md': 'Snippets here come before the project root.\n',
});
const configFile = path.join(dir, 'scissors.config.ts');
fs.writeFileSync(configFile, fs.readFileSync(configFile, 'utf8').replace("basePaths: ['.'],", "basePaths: ['alt', '.'],"));

interface Built {
  status: number | null;
  log: string;
  rendered: number;
  reused: number;
}

function build(env: Record<string, string> = {}): Built {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', ...env },
  });
  const log = `${result.stdout}\n${result.stderr}`;
  const counts = /render cache: (\d+) pages rendered, (\d+) reused/.exec(log);
  return { status: result.status, log, rendered: Number(counts?.[1] ?? NaN), reused: Number(counts?.[2] ?? NaN) };
}

function ok(env: Record<string, string> = {}): Built {
  const b = build(env);
  assert.equal(b.status, 0, b.log.slice(-3000));
  return b;
}

const dist = () => fileHashes(path.join(dir, 'dist'));
const page = (url: string) => fs.readFileSync(path.join(dir, 'dist', url, 'index.html'), 'utf8');

/** A build with the cache off must give the same bytes as the build just made. */
function assertSameAsCold(): void {
  const incremental = dist();
  const cold = ok({ SCISSORS_RENDER_CACHE: 'off' });
  assert.ok(Number.isNaN(cold.rendered), 'the cache is off: no render-cache line');
  assert.deepEqual(dist(), incremental);
}

test('a cold build renders every page; an unchanged rebuild reuses them all, byte for byte', () => {
  const cold = ok();
  assert.equal(cold.rendered, 5);
  assert.equal(cold.reused, 0);
  const first = dist();
  assert.ok([...first.keys()].some((file) => file.includes('mermaid-')), 'the diagram library is among the assets');
  const again = ok();
  assert.deepEqual([again.rendered, again.reused], [0, 5]);
  assert.deepEqual(dist(), first);
});

test('an edit deep in a nested include re-renders the pages that include it, and only them', () => {
  fs.writeFileSync(path.join(dir, 'parts/inner.md'), 'Inner text, second version.\n');
  const b = ok();
  // nested.mdx and dialect.md include outer.md, which includes inner.md.
  assert.deepEqual([b.rendered, b.reused], [2, 3]);
  assert.match(page('nested'), /second version/);
  assert.match(page('dialect'), /second version/);
  assertSameAsCold();
});

test('an edit to an included script re-renders its page', () => {
  fs.writeFileSync(path.join(dir, 'parts/run.sh'), 'echo two\n');
  const b = ok();
  assert.deepEqual([b.rendered, b.reused], [1, 4]);
  assert.match(page('code'), /two/);
});

test('a file created where an include was looked for first re-renders the pages that include it', () => {
  fs.mkdirSync(path.join(dir, 'alt/parts'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'alt/parts/inner.md'), 'Inner text from the first base path.\n');
  const b = ok();
  assert.deepEqual([b.rendered, b.reused], [2, 3]);
  assert.match(page('nested'), /from the first base path/);
  assertSameAsCold();
});

test('a changed option re-renders every page', () => {
  fs.writeFileSync(configFile, fs.readFileSync(configFile, 'utf8').replace('checkPaths: true,', 'checkPaths: true,\n    tabLength: 8,'));
  const b = ok();
  assert.deepEqual([b.rendered, b.reused], [5, 0]);
});

test('a new Scissors version (package version or source) re-renders every page', () => {
  const pkg = path.join(dir, 'package.json');
  fs.writeFileSync(pkg, fs.readFileSync(pkg, 'utf8').replace(/"version": "[^"]*"/, '"version": "99.0.0"'));
  const b = ok();
  assert.deepEqual([b.rendered, b.reused], [5, 0]);
  fs.appendFileSync(path.join(dir, 'src/integration/render-cache.ts'), '\n// a source change\n');
  const c = ok();
  assert.deepEqual([c.rendered, c.reused], [5, 0]);
});

test('a deleted include is never served from the cache: the build fails as a cold one would', () => {
  fs.rmSync(path.join(dir, 'parts/gone.md'));
  const b = build();
  assert.notEqual(b.status, 0);
  assert.match(b.log, /SNIPPET_NOT_FOUND/);
  // Restored, the page renders again, and the rest is reused.
  fs.writeFileSync(path.join(dir, 'parts/gone.md'), 'This file came back.\n');
  const c = ok();
  assert.equal(c.reused + c.rendered, 5);
  assert.match(page('gone'), /came back/);
  assertSameAsCold();
});
