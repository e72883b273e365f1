/**
 * Content tabs:
 *   ::::tabs
 *   :::tab[Manually]
 *   any content
 *   :::
 *   :::tab[Automated]
 *   …
 *   :::
 *   ::::
 * Rendered as radio inputs + labels + panels (Material's alternate style), so switching
 * works without JavaScript; ids come from the labels (see rehype-ids).
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { walk } from './walk.ts';
import type { VFile } from 'vfile';
import { flag, splitLabel } from './directive-utils.ts';

export default function remarkTabs() {
  return (tree: Root, file: VFile) => {
    let setIndex = 0;
    walk(tree, 'containerDirective', (node: ContainerDirective) => {
      if (node.name === 'tab' && !node.data?.hName) {
        file.message('A :::tab block must sit directly inside a ::::tabs block.', {
          place: node.position,
          ruleId: 'tab-outside-tabs',
          source: 'scissors',
        }).fatal = true;
        throw new Error(`${file.path ?? ''}:${node.position?.start.line ?? 0}:${node.position?.start.column ?? 0} A :::tab block must sit directly inside a ::::tabs block (give the outer block more colons than the inner ones).`);
      }
      if (node.name !== 'tabs') return;
      setIndex++;
      const tabs = node.children.filter((c): c is ContainerDirective => c.type === 'containerDirective' && c.name === 'tab');
      const stray = node.children.filter((c) => !(c.type === 'containerDirective' && c.name === 'tab'));
      if (stray.length > 0 || tabs.length === 0) {
        const where = stray[0]?.position ?? node.position;
        throw new Error(
          `${file.path ?? ''}:${where?.start.line ?? 0}:${where?.start.column ?? 0} A ::::tabs block may only contain :::tab[Label] blocks${tabs.length === 0 ? ' and needs at least one' : ''}.`,
        );
      }
      const selected = Math.max(0, tabs.findIndex((t) => flag(t.attributes, 'selected')));
      const labels = tabs.map((t) => {
        const { label } = splitLabel(t);
        return label && label.length > 0 ? label : [{ type: 'text' as const, value: `Tab ${tabs.indexOf(t) + 1}` }];
      });
      const name = `__tabbed_${setIndex}`;
      const inputs = tabs.map((_, i) => ({
        type: 'tabInput',
        data: {
          hName: 'input',
          hProperties: {
            type: 'radio',
            name,
            className: ['tabbed-input'],
            checked: i === selected || undefined,
            dataTabLabel: toString({ type: 'paragraph', children: labels[i] ?? [] }),
          },
        },
      }));
      const labelRow = {
        type: 'tabLabels',
        data: { hName: 'div', hProperties: { className: ['tabbed-labels'] } },
        children: labels.map((label) => ({
          type: 'tabLabel',
          data: { hName: 'label', hProperties: {} },
          children: label,
        })),
      };
      const panels = {
        type: 'tabPanels',
        data: { hName: 'div', hProperties: { className: ['tabbed-content'] } },
        children: tabs.map((t, i) => ({
          type: 'tabPanel',
          data: { hName: 'div', hProperties: { className: ['tabbed-block'], dataTabLabel: inputs[i]?.data.hProperties.dataTabLabel } },
          children: splitLabel(t).body,
        })),
      };
      // These node types are ours and only carry hName/hProperties for mdast-util-to-hast.
      node.children = [...inputs, labelRow, panels] as unknown as ContainerDirective['children'];
      node.data = { hName: 'div', hProperties: { className: ['tabbed-set'], dataTabs: `${setIndex}:${tabs.length}` } };
    });
  };
}
