/**
 * Figures with captions:
 *   :::figure[*Caption*, with Markdown]
 *   ![Alt text](/images/diagram.svg)
 *   :::
 * → <figure class="figure"><img …><figcaption>…</figcaption></figure>
 */
import type { Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { walk } from './walk.ts';
import { splitLabel } from './directive-utils.ts';

export default function remarkFigure() {
  return (tree: Root) => {
    walk(tree, 'containerDirective', (node: ContainerDirective) => {
      // Layout blocks from MkDocs pages: <center> and <div markdown> (md_in_html).
      if (node.name === 'center' || node.name === 'div') {
        const { class: classes, id, ...others } = node.attributes ?? {};
        const extra = typeof classes === 'string' ? classes.split(/\s+/).filter(Boolean) : [];
        node.data = { hName: 'div', hProperties: { ...others, className: node.name === 'center' ? ['centered', ...extra] : extra, id: id ?? undefined } };
        return;
      }
      if (node.name !== 'figure') return;
      const { label, body } = splitLabel(node);
      // A paragraph holding only the image would put a <p> inside the figure: unwrap it.
      const content = body.flatMap((child): Array<RootContent> =>
        child.type === 'paragraph' && child.children.every((c) => c.type === 'image' || (c.type === 'text' && c.value.trim() === ''))
          ? child.children.filter((c) => c.type === 'image')
          : [child],
      );
      const caption = label && label.length > 0
        ? [{ type: 'paragraph' as const, children: label, data: { hName: 'figcaption' } }]
        : [];
      node.children = [...content, ...caption] as ContainerDirective['children'];
      const extra = typeof node.attributes?.class === 'string' ? node.attributes.class.split(/\s+/).filter(Boolean) : [];
      node.data = { hName: 'figure', hProperties: { className: ['figure', ...extra], id: node.attributes?.id ?? undefined } };
    });
  };
}
