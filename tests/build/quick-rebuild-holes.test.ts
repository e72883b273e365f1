/**
 * Review of the quick rebuild (src/incremental/): edits after which `scissors build` must give
 * exactly what a cold build gives — or decline to a full build — where it once did not (each test
 * failed before its fix). Each step
 * builds once into dist (the state to start from), edits, builds again, and compares with a cold
 * build of the same sources, file by file; the log's "full build: …" line or quick-rebuild line
 * is in each message.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { projectRoot, writeSiteCopy } from '../../scripts/lib/site-copy.mjs';
import { fileHashes } from '../helpers/file-hashes.ts';
import { scissorsBuildIn, scissorsBuildOk, type ScissorsBuild } from '../helpers/scissors-build.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-quick-holes-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

// Two 1×1 PNGs of different colours.
const GREEN_DOT = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const RED_DOT = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

before(() => {
  writeSiteCopy(dir, {
    'content/docs/index.mdx': '---\ntitle: Home\n---\n\nHome page.\n',
    // No title in front matter: the sidebar's title comes from the source's first `# ` line (titles.ts),
    // here one inside an HTML comment, which the rendered page (and its headings) does not have.
    'content/docs/guide.md': '<!-- An earlier name, kept for later:\n# Draft name\n-->\n\n# Guide\n\nText.\n',
    // A local image: Astro renders this page itself and optimises the image into _astro/.
    'content/docs/picture.md': '---\ntitle: Picture\n---\n\n![A dot](./dot.png)\n',
    // No nav: pages are ordered by title with localeCompare, whose order follows the locale (LANG, LC_ALL).
    'content/docs/apple.mdx': '---\ntitle: Äpple\n---\n\nAn apple.\n',
    'content/docs/zebra.mdx': '---\ntitle: Zebra\n---\n\nA zebra.\n',
    'content/docs/included.mdx': '---\ntitle: Included\n---\n\n--8<-- "parts/part.md"\n',
    'parts/part.md': 'Part, first version.\n',
    // Included through `linked/`, a symlink to one of two folders.
    'content/docs/linked.mdx': '---\ntitle: Linked\n---\n\n--8<-- "linked/part.md"\n',
    'folder-a/part.md': 'Linked part from folder A.\n',
    'folder-b/part.md': 'Linked part from folder B.\n',
  });
  fs.symlinkSync('folder-a', path.join(dir, 'linked'));
  fs.writeFileSync(path.join(dir, 'content/docs/dot.png'), Buffer.from(GREEN_DOT, 'base64'));
  fs.cpSync(path.join(projectRoot, 'bin'), path.join(dir, 'bin'), { recursive: true });
});

const build = (out = 'dist', env: Record<string, string> = {}) => scissorsBuildIn(dir, out, env);

const ok = (out = 'dist', env: Record<string, string> = {}) => scissorsBuildOk(dir, out, env);

const how = (b: ScissorsBuild) => (b.quick ? 'the rebuild was quick' : `full build: ${b.full}`);
const edit = (file: string, from: string, to: string) => {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  assert.ok(text.includes(from), `${file} has ${from}`);
  fs.writeFileSync(full, text.replace(from, to));
};

/** The files of dist that differ from a cold build's (built apart). */
function differencesFromCold(env: Record<string, string> = {}): string[] {
  const cold = ok('cold', { ...env, SCISSORS_QUICK_REBUILD: 'off', SCISSORS_RENDER_CACHE: 'off' });
  assert.equal(cold.quick, false);
  const ours = fileHashes(path.join(dir, 'dist'));
  const theirs = fileHashes(path.join(dir, 'cold'));
  return [...new Set([...ours.keys(), ...theirs.keys()])].filter((f) => ours.get(f) !== theirs.get(f)).sort();
}

test('a page whose sidebar title comes from its source (no front matter title) gets a new one: every page\'s sidebar changes', () => {
  ok();
  // The rendered page is the same but for the comment; its headings and front matter are unchanged.
  edit('content/docs/guide.md', '# Draft name', '# Renamed draft');
  const b = ok();
  const html = fs.readFileSync(path.join(dir, 'dist/index.html'), 'utf8');
  const differences = differencesFromCold();
  assert.deepEqual(differences, [], `${how(b)}; dist/index.html's sidebar says ${/>(Draft name|Renamed draft)</.exec(html)?.[1]}`);
});

test('an image edited (same name) beside a page Astro renders: its optimised copy and the page\'s reference change', () => {
  ok();
  fs.writeFileSync(path.join(dir, 'content/docs/dot.png'), Buffer.from(RED_DOT, 'base64'));
  const b = ok();
  assert.deepEqual(differencesFromCold(), [], how(b));
});

test('the same sources rebuilt under another locale: the sidebar\'s order follows it in a cold build', () => {
  const english = { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' };
  const swedish = { LANG: 'sv_SE.UTF-8', LC_ALL: 'sv_SE.UTF-8' };
  ok(undefined, english);
  const b = ok(undefined, swedish);
  const order = (file: string) => [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/>(Äpple|Zebra)</g)].map((m) => m[1]).join(' < ');
  const differences = differencesFromCold(swedish);
  assert.deepEqual(differences, [], `${how(b)}; sidebar order ${order('dist/index.html')} here, ${order('cold/index.html')} cold`);
});

test('a full build that renders every page as a module (no render cache saved) records the last cache: reverting an include is then "quick" and keeps the newer text', () => {
  const modules = { SCISSORS_RENDER: 'modules' };
  ok();
  edit('parts/part.md', 'first version', 'second version');
  // A full build (the environment changed): every page as a module; the render cache still holds the first version.
  assert.ok(ok(undefined, modules).full);
  // Undo the edit: the render cache's record of the page matches again.
  edit('parts/part.md', 'second version', 'first version');
  const b = ok(undefined, modules);
  const text = /Part, (\w+) version/.exec(fs.readFileSync(path.join(dir, 'dist/included/index.html'), 'utf8'))?.[1];
  assert.deepEqual(differencesFromCold(modules), [], `${how(b)}; dist/included/ says "${text} version"`);
});

test('a symlinked folder an include goes through is re-pointed: the page shows the new target\'s file (the quick rebuild sees the change, and declines: the included files changed; a full build\'s render cache does not serve the old one)', () => {
  const repoint = (to: string) => {
    fs.rmSync(path.join(dir, 'linked'));
    fs.symlinkSync(to, path.join(dir, 'linked'));
  };
  const shown = () => /Linked part from folder (\w)/.exec(fs.readFileSync(path.join(dir, 'dist/linked/index.html'), 'utf8'))?.[1];
  ok();
  // The included file's real path is unchanged and so is its text: only where `linked/` leads changed.
  repoint('folder-b');
  let b = ok();
  assert.equal(shown(), 'B', how(b));
  assert.match(b.full ?? '', /linked\.mdx's page data changed/, how(b));
  assert.deepEqual(differencesFromCold(), [], how(b));
  // Back, in a full build: its render cache must not serve the page it rendered from folder B.
  repoint('folder-a');
  b = ok(undefined, { SCISSORS_QUICK_REBUILD: 'off' });
  assert.equal(shown(), 'A', how(b));
});

test('a page\'s front matter made invalid: declined to the full build, which reports it (not a crash of the quick rebuild)', () => {
  ok();
  edit('content/docs/index.mdx', 'title: Home', 'title: [Home');
  const b = build();
  edit('content/docs/index.mdx', 'title: [Home', 'title: Home');
  assert.notEqual(b.status, 0);
  assert.ok(b.full, `not declined; the log ends:\n${b.log.slice(-1500)}`);
});
