/**
 * A fence's meta (`title="x.py"`, line marks) as the `metastring` property of its `code` element,
 * as Astro's MDX pipeline does first of all (its rehype-meta-string): rehype-raw re-creates every
 * element from HTML and drops their `data`, where remark-rehype leaves the meta. Without it, a
 * page with raw HTML lost its code blocks' titles in the static renderer, not in MDX's.
 */
import type { Element, Root } from 'hast';
import { walk } from './walk.ts';

export default function rehypeMetaString() {
  return (tree: Root) => {
    walk(tree, 'element', (node: Element) => {
      const meta = (node.data as { meta?: unknown } | undefined)?.meta;
      if (node.tagName === 'code' && meta) node.properties.metastring = meta as string;
    });
  };
}
