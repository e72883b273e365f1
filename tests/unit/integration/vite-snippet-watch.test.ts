import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { after, afterEach, test } from 'node:test';
import type { Plugin, ViteDevServer } from 'vite';
import { forgetDependencies, recordDependencies } from '../../../src/integration/dependency-registry.ts';
import { snippetWatchPlugin } from '../../../src/integration/vite-snippet-watch.ts';
import { tempTree } from '../../helpers/tmp.ts';

const tree = tempTree({ 'site/content/docs/page.mdx': '', 'site/parts/in-root.md': 'in\n', 'shared/outside.md': 'out\n' });
after(tree.cleanup);
const root = tree.path('site');
const page = tree.path('site/content/docs/page.mdx');
const inRoot = tree.path('site/parts/in-root.md');
const outside = tree.path('shared/outside.md');
const later = tree.path('shared/later.md');
afterEach(() => forgetDependencies(page));

/** The dev server's file watcher as the plugin uses it: what it was handed, and its events. */
class Watcher extends EventEmitter {
  added: string[] = [];
  add(file: string) {
    this.added.push(file);
    return this;
  }
  getWatched() {
    return {};
  }
}

/** The plugin on a dev server with `watcher`, and its transform of `page` (as a page render runs it). */
function devServer(watcher: Watcher): () => void {
  const plugin: Plugin = snippetWatchPlugin();
  const server = { watcher, config: { root }, middlewares: { use() {} } } as unknown as ViteDevServer;
  (plugin.configureServer as (server: ViteDevServer) => void)(server);
  const { handler } = plugin.transform as { handler: (this: unknown, code: string, id: string) => unknown };
  const context = { environment: { config: { root } } };
  return () => handler.call(context, '', `${page}?astroPropagatedAssets`);
}

/** Counts fs.existsSync calls on `file` while `run` runs. */
function existsChecks(file: string, run: () => void): number {
  const original = fs.existsSync;
  let checks = 0;
  fs.existsSync = (p) => {
    if (p === file) checks++;
    return original(p);
  };
  try {
    run();
  } finally {
    fs.existsSync = original;
  }
  return checks;
}

test('an included file outside the root is checked and handed to the watcher once, not at every render; one inside is never', () => {
  recordDependencies(page, [inRoot, outside]);
  const watcher = new Watcher();
  const render = devServer(watcher);
  const checks = existsChecks(outside, () => {
    for (let i = 0; i < 3; i++) render();
  });
  assert.deepEqual(watcher.added, [outside]);
  assert.equal(checks, 1);
});

test('a missing include outside the root is not watched (chokidar would watch its folder) until a render finds it there', () => {
  recordDependencies(page, [later]);
  const watcher = new Watcher();
  const render = devServer(watcher);
  render();
  render();
  assert.deepEqual(watcher.added, []);
  fs.writeFileSync(later, 'now here\n');
  try {
    render();
    render();
    assert.deepEqual(watcher.added, [later]);
  } finally {
    fs.rmSync(later, { force: true });
  }
});

test('a deleted include outside the root (which the watcher then drops) is handed to it again once it is back', () => {
  recordDependencies(page, [outside]);
  const watcher = new Watcher();
  const render = devServer(watcher);
  render();
  fs.renameSync(outside, `${outside}.away`);
  try {
    watcher.emit('unlink', outside);
    render();
    assert.deepEqual(watcher.added, [outside]);
  } finally {
    fs.renameSync(`${outside}.away`, outside);
  }
  render();
  render();
  assert.deepEqual(watcher.added, [outside, outside]);
});
