/**
 * Links and images with HTML attributes, which MDX cannot take as `[text](url){target=…}`:
 *   :a[reproducible]{href="https://…" target="_blank" rel="nofollow"}
 *   :img[Alt text]{src="/images/x.svg" width="300"}
 * Every other attribute is passed through; `href` (or `src`) is required.
 *
 * From MkDocs pages, attr_list on strong, emphasis and code spans (`**x**{: .copyMe}`):
 *   :strong[x]{class="copyMe"}   :em[x]{…}   :code[`x`]{…}
 */
import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { walk } from './walk.ts';
import type { VFile } from 'vfile';

export default function remarkLinkDirective() {
  return (tree: Root, file: VFile) => {
    walk(tree, 'textDirective', (node: TextDirective) => {
      if (node.name === 'img') {
        const { src, class: imgClass, ...imgRest } = node.attributes ?? {};
        if (!src) {
          const at = node.position?.start;
          throw new Error(`${file.path ?? ''}:${at?.line ?? 0}:${at?.column ?? 0} An :img[alt]{src="…"} image needs a src.`);
        }
        const alt = node.children.map((c) => ('value' in c ? c.value : '')).join('');
        node.children = [];
        node.data = { hName: 'img', hProperties: { src, alt, className: imgClass ? imgClass.split(/\s+/) : undefined, ...imgRest } };
        return;
      }
      // Only with a label and attributes (what the MkDocs converter writes): prose such as
      // "file:code" stays text (remark-unknown-directives restores it).
      const withAttributes = node.children.length > 0 && Object.keys(node.attributes ?? {}).length > 0;
      if ((node.name === 'strong' || node.name === 'em') && withAttributes) {
        const { class: className, ...rest } = node.attributes ?? {};
        node.data = { hName: node.name, hProperties: { className: className ? className.split(/\s+/) : undefined, ...rest } };
        return;
      }
      if (node.name === 'code' && withAttributes) {
        const { class: className, ...rest } = node.attributes ?? {};
        const only = node.children.length === 1 ? node.children[0] : undefined;
        // The code span itself takes the attributes, as attr_list does (no wrapper).
        if (only?.type === 'inlineCode') node.children = [{ type: 'text', value: only.value }];
        node.data = { hName: only?.type === 'inlineCode' ? 'code' : 'span', hProperties: { className: className ? className.split(/\s+/) : undefined, ...rest } };
        return;
      }
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
