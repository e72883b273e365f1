import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { pageFacts } from '../../../src/check/html.ts';
import { classify, resolveInDist, sitePathOf } from '../../../src/check/links.ts';
import { tempTree } from '../../helpers/tmp.ts';

const dist = tempTree({ 'index.html': '', 'security/index.html': '', 'images/x.svg': '', 'about.html': '' });
after(dist.cleanup);

describe('classify', () => {
  test('fragments, internal, external, skipped, bad', () => {
    assert.deepEqual(classify('#a%20b', '/x/'), { kind: 'fragment', fragment: 'a b' });
    assert.deepEqual(classify('../security/#top', '/x/y/'), { kind: 'internal', pathname: '/x/security/', fragment: 'top' });
    assert.deepEqual(classify('/images/x.svg', '/x/'), { kind: 'internal', pathname: '/images/x.svg', fragment: '' });
    assert.deepEqual(classify('https://slsa.dev/a#b', '/'), { kind: 'external', url: 'https://slsa.dev/a#b' });
    assert.deepEqual(classify('mailto:a@b.c', '/'), { kind: 'skip' });
    assert.equal(classify('javascript:alert(1)', '/').kind, 'bad');
  });
});

describe('resolveInDist', () => {
  test('pages and assets', () => {
    assert.equal(resolveInDist(dist.dir, '/security/'), dist.path('security/index.html'));
    assert.equal(resolveInDist(dist.dir, '/security'), dist.path('security/index.html'));
    assert.equal(resolveInDist(dist.dir, '/about'), dist.path('about.html'));
    assert.equal(resolveInDist(dist.dir, '/images/x.svg'), dist.path('images/x.svg'));
    assert.equal(resolveInDist(dist.dir, '/nope/'), null);
    assert.equal(resolveInDist(dist.dir, '/../../etc/passwd'), null);
  });
  test('site paths', () => {
    assert.equal(sitePathOf(dist.dir, dist.path('index.html')), '/');
    assert.equal(sitePathOf(dist.dir, dist.path('security/index.html')), '/security/');
  });
});

describe('pageFacts', () => {
  test('ids and references with their recorded sources', () => {
    const facts = pageFacts(
      '<h2 id="a">A</h2><a name="legacy"></a><a href="#a" data-scissors-src="p.mdx:3:5">x</a><img src="/i.png" srcset="/i-2x.png 2x, /i-3x.png 3x"><link rel="stylesheet" href="/s.css"><link rel="preconnect" href="https://x">',
    );
    assert.deepEqual([...facts.ids].sort(), ['a', 'legacy']);
    assert.deepEqual(facts.references.map((r) => r.url), ['#a', '/i.png', '/i-2x.png', '/i-3x.png', '/s.css']);
    assert.equal(facts.references[0]?.source, 'p.mdx:3:5');
  });
});
