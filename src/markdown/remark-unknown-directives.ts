/**
 * Directive syntax that no plugin claimed. A text directive is usually prose that happens to
 * contain `:word` (a time, a ratio, "e.g.:x"), so it goes back to its source text; an unknown
 * block directive is an author's mistake and fails with file:line:col.
 */
import type { Root, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { walk } from './walk.ts';
import type { VFile } from 'vfile';

const KNOWN_BLOCKS = 'admonitions (:::note, :::tip, … with aliases), ::::tabs / :::tab, :::figure, :::center, :::div';

export default function remarkUnknownDirectives() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value ?? '');
    walk(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      const directive = node as TextDirective | LeafDirective | ContainerDirective;
      if (directive.data?.hName) return;
      const at = directive.position?.start;
      if (directive.type === 'textDirective' && parent && index !== undefined) {
        const start = directive.position?.start.offset;
        const end = directive.position?.end.offset;
        // Included nodes carry the marker's position, so their text is rebuilt instead of sliced.
        const value =
          start !== undefined && end !== undefined && !directive.data?.snippetOrigin
            ? source.slice(start, end)
            : `:${directive.name}${directive.children.length > 0 ? `[${toString(directive)}]` : ''}`;
        const text: Text = { type: 'text', value, position: directive.position };
        parent.children.splice(index, 1, text as never);
        return;
      }
      throw new Error(
        `${file.path ?? ''}:${at?.line ?? 0}:${at?.column ?? 0} Unknown block directive "${directive.name}". Known: ${KNOWN_BLOCKS}.`,
      );
    });
  };
}
