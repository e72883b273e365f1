/**
 * Ids for headings and tabs from one slugger per page (github-slugger, as GitHub and Astro
 * do), so a tab named like a heading never steals its anchor; and a permalink in each heading.
 * Runs before Astro's own heading collector, which keeps ids that are already set.
 */
import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, walk } from './walk.ts';
import { isHighlightedCode } from './highlighted-code.ts';

const HEADING = /^h[2-6]$/;

function classes(node: Element): string[] {
  const c: unknown = node.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

export default function rehypeIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    // Ids already written by authors are taken first, so generated ones never collide with them.
    walk(tree, 'element', (node: Element) => {
      if (isHighlightedCode(node)) return SKIP;
      if (typeof node.properties.id === 'string') slugger.slug(node.properties.id);
      return undefined;
    });
    walk(tree, 'element', (node: Element) => {
      if (isHighlightedCode(node)) return SKIP;
      if (HEADING.test(node.tagName) || node.tagName === 'h1') {
        const text = toString(node);
        const id = typeof node.properties.id === 'string' ? node.properties.id : slugger.slug(text);
        node.properties.id = id;
        if (node.tagName !== 'h1') {
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
      if (node.tagName === 'div' && classes(node).includes('tabbed-set')) {
        const inputs = node.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'input');
        const labelRow = node.children.find((c): c is Element => c.type === 'element' && classes(c).includes('tabbed-labels'));
        const panelRow = node.children.find((c): c is Element => c.type === 'element' && classes(c).includes('tabbed-content'));
        const labels = labelRow?.children.filter((c): c is Element => c.type === 'element') ?? [];
        const panels = panelRow?.children.filter((c): c is Element => c.type === 'element') ?? [];
        inputs.forEach((input, i) => {
          const id = slugger.slug(String(input.properties.dataTabLabel ?? `tab-${i + 1}`));
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
