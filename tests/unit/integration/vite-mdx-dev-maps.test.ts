import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { build, createServer, type Plugin, type ViteDevServer } from 'vite';
import { mdxDevMapsPlugin } from '../../../src/integration/vite-mdx-dev-maps.ts';

/** Stands in for @astrojs/mdx: a compiled page, one long line of static HTML, no map of its own. */
const fakeMdx: Plugin = {
  name: 'fake-mdx',
  enforce: 'pre',
  transform: {
    filter: { id: /\.mdx$/ },
    handler: () => ({ code: `const html = ${JSON.stringify('<p>static words</p> '.repeat(500))};\nexport function boom() { throw new Error('boom'); }\nexport default html;\n`, map: null }),
  },
};

let dir: string;
let server: ViteDevServer;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-mdx-maps-'));
  fs.writeFileSync(path.join(dir, 'page.mdx'), '# Page\n');
  fs.writeFileSync(path.join(dir, 'util.ts'), 'import page from "./page.mdx";\nexport const n: number = page.length;\n');
  server = await createServer({ root: dir, configFile: false, logLevel: 'silent', appType: 'custom', server: { middlewareMode: true, hmr: false, watch: null }, plugins: [fakeMdx, mdxDevMapsPlugin()] });
});

after(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an MDX page module is served without a source map: none made, none inlined', async () => {
  const ssr = server.environments.ssr;
  const result = await ssr.transformRequest('/page.mdx');
  assert.ok(result);
  assert.deepEqual(result.map, { mappings: '' });
  const fetched = await ssr.fetchModule(path.join(dir, 'page.mdx'));
  assert.ok('code' in fetched);
  assert.doesNotMatch(fetched.code, /sourceMappingURL/);
});

test('a stack trace through the page still names its file', async () => {
  const page = await server.ssrLoadModule('/page.mdx');
  assert.throws(() => (page.boom as () => void)(), (error: Error) => (error.stack ?? '').includes(path.join(dir, 'page.mdx')));
});

test('other modules keep their maps', async () => {
  const result = await server.environments.ssr.transformRequest('/util.ts');
  assert.ok(result?.map && 'version' in result.map && result.map.mappings.length > 0);
});

test('builds are left alone: a page bundled with source maps on keeps its map', async () => {
  const output = await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    plugins: [fakeMdx, mdxDevMapsPlugin()],
    build: { lib: { entry: path.join(dir, 'page.mdx'), formats: ['es'], fileName: 'page' }, sourcemap: true, write: false, minify: false },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : []));
  const page = chunks.find((c) => c.type === 'chunk');
  assert.ok(page && page.type === 'chunk' && page.map && page.map.mappings.length > 0, 'the bundled page has a source map');
});
