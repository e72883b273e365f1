import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { checkExternalUrls, externalPolicyProblem, type HttpCheckOptions } from '../../../src/check/external.ts';
import { tempTree } from '../../helpers/tmp.ts';

const tree = tempTree({});
let server: http.Server;
let base = '';
const hits: Record<string, number> = {};
const times: Record<string, number[]> = {};
let inFlight = 0;
let maxInFlight = 0;

before(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '';
    hits[url] = (hits[url] ?? 0) + 1;
    (times[url] ??= []).push(Date.now());
    const counted = url.startsWith('/many/');
    if (counted) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
    }
    const done = (status: number, headers: Record<string, string> = {}) =>
      setTimeout(() => {
        if (counted) inFlight--;
        res.writeHead(status, headers).end();
      }, 30);
    if (url === '/ok' || url.startsWith('/many/')) return done(200);
    if (url === '/gone') return done(404);
    if (url === '/no-head') return done(req.method === 'HEAD' ? 405 : 200);
    if (url === '/busy') return done((hits[url] ?? 0) === 1 ? 429 : 200, { 'retry-after': '1' });
    if (url === '/flaky') return done((hits[url] ?? 0) === 1 ? 503 : 200);
    if (url === '/slow') return; // never answers
    done(500);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
  tree.cleanup();
});

const options = (extra: Partial<HttpCheckOptions> = {}): HttpCheckOptions => ({
  concurrency: 3,
  timeoutMs: 500,
  retries: 2,
  backoffMs: 50,
  maxRetryAfterMs: 5000,
  cacheTtl: 3600,
  cacheFile: tree.path('links.json'),
  ...extra,
});

describe('external link policy (offline)', () => {
  const policy = { allowHttpHosts: ['localhost'], allow: [], deny: ['evil.example', 'https://ok.example/private/'] };
  test('well-formed https passes', () => assert.equal(externalPolicyProblem('https://slsa.dev/spec/v1.0/about', policy), null));
  test('http needs an allowed host', () => {
    assert.equal(externalPolicyProblem('http://example.org/', policy)?.code, 'EXTERNAL_INSECURE');
    assert.equal(externalPolicyProblem('http://localhost:8080/', policy), null);
  });
  test('other schemes are bad URLs', () => assert.equal(externalPolicyProblem('ftp://example.org/x', policy)?.code, 'EXTERNAL_BAD_URL'));
  test('deny list by host (and subdomain) and by prefix', () => {
    assert.equal(externalPolicyProblem('https://a.evil.example/', policy)?.code, 'EXTERNAL_DENIED');
    assert.equal(externalPolicyProblem('https://ok.example/private/x', policy)?.code, 'EXTERNAL_DENIED');
    assert.equal(externalPolicyProblem('https://ok.example/public', policy), null);
  });
  test('an allow list admits only its hosts', () => {
    const strict = { ...policy, allow: ['slsa.dev'] };
    assert.equal(externalPolicyProblem('https://slsa.dev/x', strict), null);
    assert.equal(externalPolicyProblem('https://github.com/x', strict)?.code, 'EXTERNAL_DENIED');
  });
});

describe('external links over HTTP (127.0.0.1)', () => {
  test('ok, broken, HEAD refused, timeout', async () => {
    const results = await checkExternalUrls([`${base}/ok`, `${base}/gone`, `${base}/no-head`, `${base}/slow`], options({ retries: 0 }));
    assert.equal(results.get(`${base}/ok`)?.ok, true);
    assert.deepEqual(results.get(`${base}/gone`), { ok: false, status: 404 });
    assert.equal(results.get(`${base}/no-head`)?.ok, true);
    assert.equal(results.get(`${base}/slow`)?.ok, false);
  });
  test('retries with backoff after a server error', async () => {
    const results = await checkExternalUrls([`${base}/flaky`], options({ cacheFile: undefined }));
    assert.equal(results.get(`${base}/flaky`)?.ok, true);
    assert.equal(hits['/flaky'], 2);
  });
  test('429 waits for Retry-After', async () => {
    const results = await checkExternalUrls([`${base}/busy`], options({ cacheFile: undefined }));
    assert.equal(results.get(`${base}/busy`)?.ok, true);
    const [first = 0, second = 0] = times['/busy'] ?? [];
    assert.ok(second - first >= 950, `retried after ${second - first} ms`);
  });
  test('bounded concurrency', async () => {
    maxInFlight = 0;
    await checkExternalUrls(Array.from({ length: 12 }, (_, i) => `${base}/many/${i}`), options({ cacheFile: undefined, concurrency: 3 }));
    assert.ok(maxInFlight <= 3, `max in flight ${maxInFlight}`);
    assert.ok(maxInFlight >= 2);
  });
  test('a second run answers good links from the cache file', async () => {
    const cacheFile = tree.path('second-run.json');
    await checkExternalUrls([`${base}/ok`, `${base}/gone`], options({ cacheFile, retries: 0 }));
    const before = { ok: hits['/ok'] ?? 0, gone: hits['/gone'] ?? 0 };
    const again = await checkExternalUrls([`${base}/ok`, `${base}/gone`], options({ cacheFile, retries: 0 }));
    assert.equal(again.get(`${base}/ok`)?.fromCache, true);
    assert.equal(hits['/ok'], before.ok);
    assert.equal(hits['/gone'], before.gone + 1, 'broken links are asked again');
  });
});
