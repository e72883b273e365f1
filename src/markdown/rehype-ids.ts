/**
 * Ids for headings and tabs from one slugger per page (github-slugger, as GitHub and Astro
 * do), so a tab named like a heading never steals its anchor; and a permalink in each heading.
 * Runs before Astro's own heading collector, which keeps ids that are already set.
 *
 * `headingIds: 'python-markdown'` (MkDocs sites) makes the ids MkDocs makes: headings with
 * Python-Markdown's toc slugify and its `_1`, `_2` de-duplication, all headings first; then tabs
 * with pymdownx.tabbed's slugify (pymdownx.slugs, case lower), de-duplicated against them.
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { classList } from './class-list.ts';
import { SKIP, walk } from './walk.ts';
import { isHighlightedCode } from './highlighted-code.ts';

const HEADING = /^h[2-6]$/;

export interface RehypeIdsOptions {
  headingIds?: 'github' | 'python-markdown';
  /** A permalink anchor in every heading but the h1 (toc `permalink`); on by default. */
  permalinks?: boolean;
}

/** Python-Markdown's toc `slugify` (separator `-`, ASCII): NFKD, non-ASCII dropped, `[^\w\s-]` removed, lower case, runs of `-`/space → `-`. */
export function pythonMarkdownSlug(text: string): string {
  const ascii = text.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  return ascii
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '-');
}

/** pymdownx.slugs.slugify(case='lower'): tags stripped, NFC, trimmed, lower case, `[^\w\- ]` removed (Unicode), each space → `-`. */
export function pymdownxSlug(text: string): string {
  return text
    .replace(/<\/?[^>]*>/g, '')
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}_\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Python-Markdown's toc `unique`: `id`, else `id_1`, `id_2`… (an id ending in `_N` counts on from N). */
export function pythonMarkdownUnique(id: string, used: Set<string>): string {
  let candidate = id;
  while (used.has(candidate) || candidate === '') {
    const m = /^(.*)_([0-9]+)$/s.exec(candidate);
    candidate = m ? `${m[1]}_${Number(m[2]) + 1}` : `${candidate}_1`;
  }
  used.add(candidate);
  return candidate;
}

/** A heading's text as Python-Markdown reads it for its id: the text of its content, without drawn icons (SVG). */
function headingText(node: Element): string {
  let out = '';
  const visit = (n: Root | RootContent) => {
    if (n.type === 'text') out += n.value;
    else if (n.type === 'element') {
      if (n.tagName === 'svg') return;
      n.children.forEach(visit);
    } else if (n.type === 'root') n.children.forEach(visit);
  };
  visit(node);
  return out.trim();
}

export default function rehypeIds(options: RehypeIdsOptions = {}) {
  const python = options.headingIds === 'python-markdown';
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    const used = new Set<string>();
    // Ids already written by authors are taken first, so generated ones never collide with them.
    walk(tree, 'element', (node: Element) => {
      if (isHighlightedCode(node)) return SKIP;
      if (typeof node.properties.id === 'string') {
        if (python) used.add(node.properties.id);
        else slugger.slug(node.properties.id);
      }
      return undefined;
    });
    const headingId = (text: string) => (python ? pythonMarkdownUnique(pythonMarkdownSlug(text), used) : slugger.slug(text));
    const tabId = (label: string) => (python ? pythonMarkdownUnique(pymdownxSlug(label), used) : slugger.slug(label));
    if (python) {
      // Python-Markdown's toc gives every heading its id before pymdownx.tabbed names any tab.
      walk(tree, 'element', (node: Element) => {
        if (isHighlightedCode(node)) return SKIP;
        if ((HEADING.test(node.tagName) || node.tagName === 'h1') && typeof node.properties.id !== 'string') node.properties.id = headingId(headingText(node));
        return undefined;
      });
    }
    walk(tree, 'element', (node: Element) => {
      if (isHighlightedCode(node)) return SKIP;
      if (HEADING.test(node.tagName) || node.tagName === 'h1') {
        const text = toString(node);
        const id = typeof node.properties.id === 'string' ? node.properties.id : slugger.slug(text);
        node.properties.id = id;
        if (node.tagName !== 'h1' && options.permalinks !== false) {
          node.children.push({
            type: 'element',
            tagName: 'a',
            properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Permalink: ${text}` },
            // The icon is drawn by CSS: text here would leak into the heading's TOC entry.
            children: [],
          });
        }
        return;
      }
      if (node.tagName === 'div' && classList(node).includes('tabbed-set')) {
        const inputs = node.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'input');
        const labelRow = node.children.find((c): c is Element => c.type === 'element' && classList(c).includes('tabbed-labels'));
        const panelRow = node.children.find((c): c is Element => c.type === 'element' && classList(c).includes('tabbed-content'));
        const labels = labelRow?.children.filter((c): c is Element => c.type === 'element') ?? [];
        const panels = panelRow?.children.filter((c): c is Element => c.type === 'element') ?? [];
        inputs.forEach((input, i) => {
          const id = tabId(String(input.properties.dataTabLabel ?? `tab-${i + 1}`));
          input.properties.id = id;
          const label = labels[i];
          if (label) {
            label.properties.htmlFor = [id];
            label.properties.id = `${id}-label`;
          }
          const panel = panels[i];
          if (panel) {
            panel.properties.id = `${id}-panel`;
            panel.properties.role = 'region';
            panel.properties.ariaLabelledby = `${id}-label`;
          }
        });
      }
    });
  };
}
