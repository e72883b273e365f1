/**
 * Task lists in MkDocs pages as pymdownx.tasklist with `custom_checkbox` writes them (Material's
 * markup and CSS hooks):
 *   <ul class="task-list"><li class="task-list-item"><label class="task-list-control">
 *     <input type="checkbox" disabled checked><span class="task-list-indicator"></span></label> text</li>
 * GFM's own form (a bare disabled checkbox) stays for MDX pages.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { isMkdocsPage } from '../mkdocs/dialect.ts';
import { walk } from './walk.ts';

const classList = (node: Element): string[] => {
  const c: unknown = node.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};

export default function rehypeTaskLists() {
  return (tree: Root, file: VFile) => {
    if (!isMkdocsPage(file)) return;
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
      if ((node.tagName === 'ul' || node.tagName === 'ol') && classList(node).includes('contains-task-list')) {
        node.properties.className = [...classList(node).filter((c) => c !== 'contains-task-list'), 'task-list'];
      }
    });
  };
}
