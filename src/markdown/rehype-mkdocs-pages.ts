/**
 * HTML of MkDocs pages (`.md`) as Material writes it, where it differs from Scissors' own:
 *
 * - Task lists as pymdownx.tasklist with `custom_checkbox` writes them (Material's markup and
 *   CSS hooks): <ul class="task-list"><li class="task-list-item"><label class="task-list-control">
 *   <input type="checkbox" disabled checked><span class="task-list-indicator"></span></label> text</li>
 * - A code block's title is content (Material shows it as the block's filename and its search
 *   finds it): only the copy button, its status and the include caption are skipped by search.
 *
 * - Footnotes as Python-Markdown's footnotes extension writes them: `<sup id="fnref:1"><a
 *   class="footnote-ref" href="#fn:1">1</a></sup>`, and at the end `<div class="footnote"><hr><ol>
 *   <li id="fn:1">… <a class="footnote-backref" href="#fnref:1">↩</a>` (GFM's hidden "Footnotes"
 *   heading is not a heading of the page there).
 *
 * MDX pages keep GFM's bare checkbox and footnotes, and a title bar that search skips whole.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { isMkdocsPage } from '../mkdocs/dialect.ts';
import { classList } from './class-list.ts';
import { walk } from './walk.ts';

const FN = 'user-content-fn-';
const FNREF = 'user-content-fnref-';

/** GFM's reference id (`user-content-fnref-x`, `…-x-2`) as Python-Markdown's (`fnref:x`, `fnref2:x`). */
function refId(gfm: string, labels: Set<string>): string | undefined {
  if (!gfm.startsWith(FNREF)) return undefined;
  const rest = gfm.slice(FNREF.length);
  if (labels.has(rest)) return `fnref:${rest}`;
  const m = /^(.*)-(\d+)$/.exec(rest);
  return m?.[1] !== undefined && labels.has(m[1]) ? `fnref${m[2]}:${m[1]}` : undefined;
}

function footnotes(tree: Root): void {
  const labels = new Set<string>();
  walk(tree, 'element', (node: Element) => {
    if (node.tagName === 'li' && typeof node.properties.id === 'string' && node.properties.id.startsWith(FN)) labels.add(node.properties.id.slice(FN.length));
  });
  if (labels.size === 0) return;
  const numbers = new Map<string, number>();
  walk(tree, 'element', (node: Element, _index, parent) => {
    if (node.tagName === 'a' && 'dataFootnoteRef' in node.properties) {
      const href = String(node.properties.href ?? '');
      const label = href.startsWith(`#${FN}`) ? href.slice(FN.length + 1) : undefined;
      const id = refId(String(node.properties.id ?? ''), labels);
      if (label === undefined || !id) return;
      if (parent?.type === 'element' && (parent as Element).tagName === 'sup') (parent as Element).properties.id = id;
      numbers.set(label, Number(toString(node)) || numbers.size + 1);
      node.properties = { className: ['footnote-ref'], href: `#fn:${label}` };
      return;
    }
    if (node.tagName === 'a' && 'dataFootnoteBackref' in node.properties) {
      const href = String(node.properties.href ?? '');
      const id = refId(href.slice(1), labels);
      if (!id) return;
      const label = id.slice(id.indexOf(':') + 1);
      node.properties = { className: ['footnote-backref'], href: `#${id}`, title: `Jump back to footnote ${numbers.get(label) ?? ''} in the text` };
      node.children = [{ type: 'text', value: '\u21A9' }];
      return;
    }
    if (node.tagName === 'li' && typeof node.properties.id === 'string' && node.properties.id.startsWith(FN)) {
      node.properties.id = `fn:${node.properties.id.slice(FN.length)}`;
      return;
    }
    if (node.tagName === 'section' && 'dataFootnotes' in node.properties) {
      const list = node.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'ol');
      node.tagName = 'div';
      node.properties = { className: ['footnote'] };
      node.children = [{ type: 'element', tagName: 'hr', properties: {}, children: [] }, ...list];
    }
  });
}

export default function rehypeMkdocsPages() {
  return (tree: Root, file: VFile) => {
    if (!isMkdocsPage(file)) return;
    footnotes(tree);
    walk(tree, 'element', (node: Element) => {
      if (node.tagName !== 'li' || !classList(node).includes('task-list-item')) return;
      // The checkbox is the item's first element, or its first paragraph's (a loose list).
      const holder = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p') ?? node;
      const index = holder.children.findIndex((c) => c.type === 'element' && c.tagName === 'input' && c.properties.type === 'checkbox');
      if (index < 0) return;
      const input = holder.children[index] as Element;
      holder.children[index] = {
        type: 'element',
        tagName: 'label',
        properties: { className: ['task-list-control'] },
        children: [input, { type: 'element', tagName: 'span', properties: { className: ['task-list-indicator'] }, children: [] }],
      };
    });
    walk(tree, 'element', (node: Element) => {
      if (node.tagName === 'figcaption' && classList(node).includes('code-header') && 'dataPagefindIgnore' in node.properties) {
        delete node.properties.dataPagefindIgnore;
        for (const child of node.children) {
          if (child.type === 'element' && !classList(child).includes('code-title')) child.properties.dataPagefindIgnore = '';
        }
      }
      if ((node.tagName === 'ul' || node.tagName === 'ol') && classList(node).includes('contains-task-list')) {
        node.properties.className = [...classList(node).filter((c) => c !== 'contains-task-list'), 'task-list'];
      }
    });
  };
}
