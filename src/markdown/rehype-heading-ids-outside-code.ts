/**
 * Astro's heading collector (rehypeHeadingIds: ids, and `file.data.astro.headings`), run with
 * highlighted code set aside: it walks every node with unist-util-visit, and Shiki's spans are
 * most of a page's nodes but never hold a heading. Both static renderers (MDX and `.md`) end with it.
 */
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import type { Element, Parents as HastParent, Root as HastRoot } from 'hast';
import type { VFile } from 'vfile';
import { isHighlightedCode } from './highlighted-code.ts';
import { SKIP, walk } from './walk.ts';

export default function rehypeHeadingIdsOutsideCode() {
  // Declared as unified's general transformer; it is a plain synchronous (tree, file) function.
  const collect = rehypeHeadingIds() as unknown as (tree: HastRoot, file: VFile) => void;
  return (tree: HastRoot, file: VFile) => {
    const setAside: Array<{ parent: HastParent; index: number; node: Element }> = [];
    walk(tree, 'element', (node: Element, index, parent) => {
      if (!isHighlightedCode(node) || !parent || index === undefined) return undefined;
      setAside.push({ parent, index, node });
      parent.children[index] = { type: 'element', tagName: 'pre', properties: {}, children: [] };
      return SKIP;
    });
    try {
      collect(tree, file);
    } finally {
      for (const { parent, index, node } of setAside) parent.children[index] = node;
    }
  };
}
