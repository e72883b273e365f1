/**
 * A link that opens a new tab gets `noopener` (the opened page cannot reach `window.opener`);
 * rel values the author wrote, like `nofollow`, are kept.
 */
import type { Element, Root } from 'hast';
import { SKIP, walk } from './walk.ts';
import { isHighlightedCode } from './highlighted-code.ts';

export default function rehypeLinkRel() {
  return (tree: Root) => {
    walk(tree, 'element', (node: Element) => {
      if (isHighlightedCode(node)) return SKIP;
      if (node.tagName !== 'a' || node.properties.target !== '_blank') return;
      const rel: unknown = node.properties.rel;
      const values = Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/).filter(Boolean) : [];
      if (!values.includes('noopener')) values.push('noopener');
      node.properties.rel = values;
    });
  };
}
