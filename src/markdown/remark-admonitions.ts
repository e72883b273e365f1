/**
 * Admonitions and collapsible blocks as container directives:
 *   :::note[Custom title]        :::tip            :::info[Title only]
 *   body                         body              :::
 *   :::                          :::
 *   :::warning{collapsible}      closed <details>; {collapsible open} starts open
 *   :::note{notitle}             no title bar
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
      const type = admonitionType(node.name);
      if (!type) return;
      const { label, body } = splitLabel(node);
      const attributes = node.attributes ?? {};
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
      const titleChildren: PhrasingContent[] = label && label.length > 0 ? label : [{ type: 'text', value: defaultAdmonitionTitle(node.name) }];
      const extraClasses = typeof attributes.class === 'string' ? attributes.class.split(/\s+/).filter(Boolean) : [];
      const className = ['admonition', `admonition-${type}`, ...extraClasses];
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
        ? { hName: 'details', hProperties: { className, id, open: open || undefined, dataAdmonition: type } }
        : {
            hName: 'div',
            hProperties: {
              className: body.length === 0 ? [...className, 'admonition-title-only'] : className,
              id,
              role: 'note',
              dataAdmonition: type,
            },
          };
    });
  };
}
