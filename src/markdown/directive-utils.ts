import type { BlockContent, DefinitionContent, Paragraph, PhrasingContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';

/** Split a container directive into its `[label]` (phrasing content) and its body. */
export function splitLabel(node: ContainerDirective): {
  label: PhrasingContent[] | undefined;
  body: Array<BlockContent | DefinitionContent>;
} {
  const [first, ...rest] = node.children;
  if (first && first.type === 'paragraph' && first.data?.directiveLabel) {
    return { label: (first as Paragraph).children, body: rest };
  }
  return { label: undefined, body: node.children };
}

/** True for a boolean-ish directive attribute: `{collapsible}`, `{open=true}`. */
export function flag(attributes: ContainerDirective['attributes'], name: string): boolean {
  if (!attributes || !(name in attributes)) return false;
  const value = attributes[name];
  return value === '' || value === 'true' || value === name || value === null;
}
