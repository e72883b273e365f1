/**
 * Admonitions and collapsible blocks as container directives:
 *   :::note[Custom title]        :::tip            :::info[Title only]
 *   body                         body              :::
 *   :::                          :::
 *   :::warning{collapsible}      closed <details>; {collapsible open} starts open
 *   :::note{notitle}             no title bar
 *   :::important                 an alias: styled as its type (tip), named as written
 *   :::admonition[T]{type="x"}   any other type name (MkDocs pages: `???- note`, `??? "T"`):
 *                                kept as written, styled as the first known class or the default
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { walk } from './walk.ts';
import type { VFile } from 'vfile';
import { admonitionType, defaultAdmonitionTitle } from './admonition-types.ts';
import { flag, splitLabel } from './directive-utils.ts';

export default function remarkAdmonitions() {
  return (tree: Root, file: VFile) => {
    walk(tree, 'containerDirective', (node: ContainerDirective) => {
      const generic = node.name === 'admonition';
      const attributes = node.attributes ?? {};
      const extraClasses = typeof attributes.class === 'string' ? attributes.class.split(/\s+/).filter(Boolean) : [];
      // The type as the author wrote it (an alias stays an alias); `undefined` for a block without one.
      const written = generic ? (typeof attributes.type === 'string' && attributes.type !== '' ? attributes.type.toLowerCase() : undefined) : node.name.toLowerCase();
      // Styled as the first class that names a type (Material's CSS matches any class).
      const type = generic ? [written, ...extraClasses].map((c) => (c ? admonitionType(c) : undefined)).find(Boolean) : admonitionType(node.name);
      if (!type && !generic) return;
      const { label, body } = splitLabel(node);
      const collapsible = flag(attributes, 'collapsible') || flag(attributes, 'open');
      const open = flag(attributes, 'open');
      const noTitle = flag(attributes, 'notitle') || (label !== undefined && label.length === 0);
      if (collapsible && noTitle) {
        file.message('A collapsible block needs a title to click on; the default title is used.', {
          place: node.position,
          ruleId: 'admonition-collapsible-notitle',
          source: 'scissors',
        });
      }
      const titleChildren: PhrasingContent[] = label && label.length > 0 ? label : [{ type: 'text', value: defaultAdmonitionTitle(written ?? node.name) }];
      const className = ['admonition', ...(type ? [`admonition-${type}`] : []), ...extraClasses.filter((c) => c !== `admonition-${type}`)];
      const id = typeof attributes.id === 'string' ? attributes.id : undefined;

      const title: Paragraph = {
        type: 'paragraph',
        children: titleChildren,
        data: collapsible
          ? { hName: 'summary', hProperties: { className: ['admonition-title'] } }
          : { hName: 'p', hProperties: { className: ['admonition-title'] } },
      };
      const showTitle = collapsible || !noTitle;
      node.children = showTitle ? [title, ...body] : body;
      node.data = collapsible
        ? { hName: 'details', hProperties: { className, id, open: open || undefined, dataAdmonition: written } }
        : {
            hName: 'div',
            hProperties: {
              className: body.length === 0 ? [...className, 'admonition-title-only'] : className,
              id,
              role: 'note',
              dataAdmonition: written,
            },
          };
    });
  };
}
