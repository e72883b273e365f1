/**
 * Proof that MkDocs Material pages render unchanged: the seed page, byte for byte, is a `.md`
 * page of a copy of this site; its rendered article must match content/docs/security.mdx's,
 * and the MDX that `npm run migrate` makes of it must render like the seed itself.
 *
 * What is compared is an outline of the DOM, in document order: headings (level, id, text),
 * admonitions and collapsible blocks (type, title, open state, title-only), tab sets (labels,
 * which is selected), code blocks (title, language, every line of code), links (href, target,
 * rel), images (alt, src), figures (the caption's italic text). Normalised: whitespace runs;
 * permalink anchors (generated); and, for seed vs our MDX page only, the figure's image and the
 * credit after the caption's italic text, because our page shows our own SVG with its licence
 * credit where the seed embeds slsa.dev's image.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { getAttributeValue, hasAttrib, textContent } from 'domutils';
import { copyProject } from '../../scripts/lib/site-copy.mjs';

const site = copyProject('scissors-seed-');
after(() => fs.rmSync(site, { recursive: true, force: true }));

before(() => {
  fs.copyFileSync(path.join(site, 'tests/fixtures/mkdocs/security.md'), path.join(site, 'content/docs/seed.md'));
  const migrate = spawnSync(process.execPath, ['scripts/migrate.ts', 'tests/fixtures/mkdocs/security.md', '--out', 'content/docs/migrated'], {
    cwd: site,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: site },
  });
  assert.equal(migrate.status, 0, migrate.stderr);
  const build = spawnSync('npx', ['astro', 'build'], { cwd: site, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  assert.equal(build.status, 0, build.stdout + build.stderr);
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const cls = (el: Element) => (getAttributeValue(el, 'class') ?? '').split(/\s+/);

function outline(file: string, options: { normaliseFigure: boolean }): string[] {
  const html = fs.readFileSync(path.join(site, 'dist', file), 'utf8');
  const doc = parseDocument(html);
  const out: string[] = [];
  const walk = (node: Element, inFigcaption: boolean) => {
    for (const child of node.children) {
      if (child.type !== 'tag') continue;
      const el = child as Element;
      const classes = cls(el);
      if (/^h[1-6]$/.test(el.name)) {
        out.push(`${el.name}#${getAttributeValue(el, 'id') ?? ''} ${squash(textContent(el))}`);
        continue;
      }
      if (classes.includes('heading-anchor') || classes.includes('code-source') || classes.includes('copy-button')) continue;
      if (classes.includes('admonition')) {
        const title = el.children.find((c) => c.type === 'tag' && cls(c as Element).includes('admonition-title')) as Element | undefined;
        const body = el.children.filter((c) => c.type === 'tag' && !cls(c as Element).includes('admonition-title'));
        out.push(`${el.name === 'details' ? `details open=${hasAttrib(el, 'open')}` : 'admonition'} ${getAttributeValue(el, 'data-admonition')} "${title ? squash(textContent(title)) : ''}" ${body.length === 0 ? 'title-only' : ''}`);
        walk(el, false);
        out.push('end');
        continue;
      }
      if (classes.includes('tabbed-set')) {
        const inputs = el.children.filter((c) => c.type === 'tag' && (c as Element).name === 'input') as Element[];
        out.push(`tabs ${inputs.map((i) => `${getAttributeValue(i, 'data-tab-label')}${hasAttrib(i, 'checked') ? '*' : ''}`).join('|')}`);
      }
      if (classes.includes('tabbed-block')) out.push(`tab ${getAttributeValue(el, 'data-tab-label')}`);
      if (classes.includes('code-frame')) {
        const pre = el.children.find((c) => c.type === 'tag' && (c as Element).name === 'pre') as Element;
        const title = squash(textContent((el.children.find((c) => c.type === 'tag' && cls(c as Element).includes('code-header')) as Element) ?? el).replace(/Copy$/, ''));
        const lines = textContent(pre).split('\n');
        out.push(`code title="${el.name === 'figure' ? title.replace(/included from.*$/, '').trim() : ''}" lang=${getAttributeValue(pre, 'data-language')} lines=${lines.length}`);
        for (const line of lines) out.push(`  | ${line}`);
        continue;
      }
      if (el.name === 'figure') {
        const em = (el.children.find((c) => c.type === 'tag' && (c as Element).name === 'figcaption') as Element | undefined)?.children.find(
          (c) => c.type === 'tag' && (c as Element).name === 'em',
        );
        out.push(`figure caption="${em ? squash(textContent(em)) : ''}"`);
        if (options.normaliseFigure) continue;
      }
      if (el.name === 'a' && !inFigcaption) {
        const rel = (getAttributeValue(el, 'rel') ?? '').split(/\s+/).filter(Boolean).sort().join(' ');
        out.push(`a href=${getAttributeValue(el, 'href')} target=${getAttributeValue(el, 'target') ?? ''} rel=${rel} "${squash(textContent(el))}"`);
      }
      if (el.name === 'img') out.push(`img alt="${getAttributeValue(el, 'alt')}" src=${getAttributeValue(el, 'src')}`);
      walk(el, inFigcaption || el.name === 'figcaption');
    }
  };
  const article = doc.children.length ? (findArticle(doc as unknown as Element) as Element) : undefined;
  assert.ok(article, `${file} has an <article>`);
  walk(article, false);
  return out;
}

function findArticle(node: Element): Element | undefined {
  for (const child of node.children ?? []) {
    if (child.type !== 'tag') continue;
    if ((child as Element).name === 'article') return child as Element;
    const found = findArticle(child as Element);
    if (found) return found;
  }
  return undefined;
}

describe('MkDocs Material pages', () => {
  test('the seed, as a .md page, renders like content/docs/security.mdx', () => {
    const seed = outline('seed/index.html', { normaliseFigure: true });
    const ours = outline('security/index.html', { normaliseFigure: true });
    assert.ok(seed.length > 60, 'the outline covers the page');
    assert.deepEqual(seed, ours);
  });

  test('the included script is in the seed page, inside tab > details > fence', () => {
    const seed = outline('seed/index.html', { normaliseFigure: true });
    const tab = seed.indexOf('tab Automated');
    const details = seed.findIndex((l, i) => i > tab && l.startsWith('details open=false info'));
    const code = seed.findIndex((l, i) => i > details && l.startsWith('code title=".github/actions/verify-provenance/verify_provenance.sh" lang=bash'));
    assert.ok(tab >= 0 && details > tab && code > details, seed.join('\n'));
    assert.equal(seed[code + 1], '  | #!/usr/bin/env bash');
  });

  test('npm run migrate round-trips the seed: the MDX renders like the seed itself', () => {
    assert.deepEqual(outline('migrated/security/index.html', { normaliseFigure: false }), outline('seed/index.html', { normaliseFigure: false }));
  });
});
