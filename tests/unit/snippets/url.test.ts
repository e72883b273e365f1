/**
 * URL includes against a real HTTPS server on 127.0.0.1 (a throwaway self-signed certificate,
 * trusted through the urlCa option): policy, limits, pins, nesting and the offline cache.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SnippetExpander } from '../../../src/snippets/expand.ts';
import { resolveSnippetOptions, type SnippetOptions } from '../../../src/snippets/options.ts';
import { tempTree } from '../../helpers/tmp.ts';

const tree = tempTree({ 'local.md': 'local file\n' });
execFileSync('openssl', [
  'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
  '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', tree.path('key.pem'), '-out', tree.path('cert.pem'),
], { stdio: 'ignore' });
const cert = fs.readFileSync(tree.path('cert.pem'), 'utf8');

let server: https.Server;
let origin = '';
let hits: string[] = [];
const bodies: Record<string, string> = {};

before(async () => {
  server = https.createServer({ key: fs.readFileSync(tree.path('key.pem')), cert }, (req, res) => {
    const url = req.url ?? '';
    hits.push(url);
    if (url === '/slow') return; // never answers
    if (url === '/big') {
      res.setHeader('content-length', String(2048));
      return res.end('x'.repeat(2048));
    }
    if (url === '/to-http') {
      res.statusCode = 302;
      res.setHeader('location', `http://127.0.0.1:1/a.md`);
      return res.end();
    }
    const body = bodies[url];
    if (body === undefined) {
      res.statusCode = 404;
      return res.end('missing');
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  bodies['/a.md'] = `remote A\n--8<-- "${origin}/b.md"\n--8<-- "local.md"\n`;
  bodies['/b.md'] = 'remote B\n';
});
after(() => {
  server.closeAllConnections();
  server.close();
  tree.cleanup();
});

function expander(extra: Partial<SnippetOptions> = {}) {
  return new SnippetExpander(
    resolveSnippetOptions(tree.dir, {
      urlDownload: true,
      urlAllowHosts: ['127.0.0.1'],
      urlCa: cert,
      urlCacheDir: tree.path('cache'),
      urlTimeout: 1,
      urlMaxSize: 1024,
      ...extra,
    }),
  );
}
const page = tree.path('page.md');
const codes = (r: { diagnostics: Array<{ code: string }> }) => r.diagnostics.map((d) => d.code);

describe('URL includes', () => {
  test('off by default: URL_DISABLED and no request', async () => {
    hits = [];
    const r = await new SnippetExpander(resolveSnippetOptions(tree.dir)).expandDocumentAsync(`--8<-- "${origin}/a.md"`, page);
    assert.deepEqual(codes(r), ['URL_DISABLED']);
    assert.deepEqual(hits, []);
  });
  test('downloads, follows nested URL markers, ignores local markers in downloaded text', async () => {
    const r = await expander({ urlCacheDir: tree.path('cache-nested') }).expandDocumentAsync(`--8<-- "${origin}/a.md"`, page);
    assert.deepEqual(r.lines, ['remote A', 'remote B', '', '']);
    assert.deepEqual(codes(r), ['URL_NOT_ALLOWED']);
    assert.equal(r.diagnostics[0]?.severity, 'warning');
  });
  test('http and hosts not in the allowlist are refused before any request', async () => {
    hits = [];
    const r = await expander().expandDocumentAsync(`--8<-- "http://127.0.0.1:9/a.md"\n--8<-- "https://localhost:1/a.md"`, page);
    assert.deepEqual(codes(r), ['URL_NOT_ALLOWED', 'URL_NOT_ALLOWED']);
    assert.deepEqual(hits, []);
  });
  test('a redirect to http is refused', async () => {
    const r = await expander({ urlCacheDir: tree.path('cache-redirect') }).expandDocumentAsync(`--8<-- "${origin}/to-http"`, page);
    assert.deepEqual(codes(r), ['URL_NOT_ALLOWED']);
  });
  test('size limit', async () => {
    const r = await expander({ urlCacheDir: tree.path('cache-big') }).expandDocumentAsync(`--8<-- "${origin}/big"`, page);
    assert.deepEqual(codes(r), ['URL_TOO_LARGE']);
  });
  test('time limit', async () => {
    const start = Date.now();
    const r = await expander({ urlCacheDir: tree.path('cache-slow') }).expandDocumentAsync(`--8<-- "${origin}/slow"`, page);
    assert.deepEqual(codes(r), ['URL_FETCH_FAILED']);
    assert.ok(Date.now() - start < 5000);
  });
  test('HTTP errors are reported with the status', async () => {
    const r = await expander({ urlCacheDir: tree.path('cache-404') }).expandDocumentAsync(`--8<-- "${origin}/nothing"`, page);
    assert.deepEqual(codes(r), ['URL_FETCH_FAILED']);
    assert.match(r.diagnostics[0]?.message ?? '', /HTTP 404/);
  });
  test('a sha256 pin: a match includes, a mismatch is an error', async () => {
    const good = createHash('sha256').update(bodies['/b.md'] ?? '').digest('hex');
    const ok = await expander({ urlCacheDir: tree.path('cache-pin1'), urlPins: { [`${origin}/b.md`]: good } }).expandDocumentAsync(`--8<-- "${origin}/b.md"`, page);
    assert.deepEqual(ok.lines, ['remote B', '']);
    const bad = await expander({ urlCacheDir: tree.path('cache-pin2'), urlPins: { [`${origin}/b.md`]: '0'.repeat(64) } }).expandDocumentAsync(`--8<-- "${origin}/b.md"`, page);
    assert.deepEqual(codes(bad), ['URL_HASH_MISMATCH']);
    assert.deepEqual(bad.lines, []);
  });
  test('a rebuild works offline from the cache', async () => {
    const cacheDir = tree.path('cache-offline');
    await expander({ urlCacheDir: cacheDir }).expandDocumentAsync(`--8<-- "${origin}/b.md"`, page);
    hits = [];
    const again = expander({ urlCacheDir: cacheDir });
    const r = await again.expandDocumentAsync(`--8<-- "${origin}/b.md"`, page);
    assert.deepEqual(r.lines, ['remote B', '']);
    assert.deepEqual(hits, []);
    assert.equal(again.urls.requests, 0);
    // Past its age, with the network failing, the stale copy is used and said so.
    const offline = new SnippetExpander(resolveSnippetOptions(tree.dir, {
      urlDownload: true, urlAllowHosts: ['127.0.0.1'], urlCa: cert, urlCacheDir: cacheDir, urlCacheMaxAge: 0,
    }));
    const dead = `https://127.0.0.1:1/b.md`;
    fs.copyFileSync(
      path.join(cacheDir, `${createHash('sha256').update(`${origin}/b.md`).digest('hex')}.bin`),
      path.join(cacheDir, `${createHash('sha256').update(dead).digest('hex')}.bin`),
    );
    const stale = await offline.expandDocumentAsync(`--8<-- "${dead}"`, page);
    assert.deepEqual(stale.lines, ['remote B', '']);
    assert.deepEqual(codes(stale), ['URL_FETCH_FAILED']);
    assert.equal(stale.diagnostics[0]?.severity, 'warning');
  });
});
