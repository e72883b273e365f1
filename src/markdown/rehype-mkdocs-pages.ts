/**
 * HTML of MkDocs pages (`.md`) as Material writes it, where it differs from Scissors' own:
 *
 * - Task lists as pymdownx.tasklist with `custom_checkbox` writes them (Material's markup and
 *   CSS hooks): <ul class="task-list"><li class="task-list-item"><label class="task-list-control">
 *   <input type="checkbox" disabled checked><span class="task-list-indicator"></span></label> text</li>
 * - A code block's title is content (Material shows it as the block's filename and its search
 *   finds it): only the copy button, its status and the include caption are skipped by search.
 *
 * MDX pages keep GFM's bare checkbox and a title bar that search skips whole.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { isMkdocsPage } from '../mkdocs/dialect.ts';
import { walk } from './walk.ts';

const classList = (node: Element): string[] => {
  const c: unknown = node.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};

export default function rehypeMkdocsPages() {
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
