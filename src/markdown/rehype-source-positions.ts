/**
 * Check builds only: every link, image and media element carries `data-scissors-src` with the
 * source file:line:col it came from, so problems found in HTML point at what to edit.
 * Included content already has it (set by remark-snippets from the included file's positions).
 */
import path from 'node:path';
import type { Element, Root } from 'hast';
import { walk } from './walk.ts';
import type { VFile } from 'vfile';

const TAGS = new Set(['a', 'img', 'source', 'video', 'audio', 'iframe', 'area']);

export default function rehypeSourcePositions(options: { root: string }) {
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    const rel = path.relative(options.root, file.path);
    walk(tree, 'element', (node: Element) => {
      if (!TAGS.has(node.tagName) || node.properties.dataScissorsSrc) return;
      const start = node.position?.start;
      if (start) node.properties.dataScissorsSrc = `${rel}:${start.line}:${start.column}`;
    });
  };
}
