/**
 * Links with HTML attributes, which MDX cannot take as `[text](url){target=…}`:
 *   :a[reproducible]{href="https://…" target="_blank" rel="nofollow"}
 * Every other attribute is passed through; `href` is required.
 */
import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export default function remarkLinkDirective() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'textDirective', (node: TextDirective) => {
      if (node.name !== 'a') return;
      const { href, class: className, ...rest } = node.attributes ?? {};
      if (!href) {
        const at = node.position?.start;
        throw new Error(`${file.path ?? ''}:${at?.line ?? 0}:${at?.column ?? 0} A :a[text]{href="…"} link needs an href.`);
      }
      node.data = { hName: 'a', hProperties: { href, className: className ? className.split(/\s+/) : undefined, ...rest } };
    });
  };
}
