/**
 * `## Title { #id .class }` (attr_list) in `.md` pages: the braces become the heading's id and
 * classes. In MDX the same braces would be a JavaScript expression, so only `.md` gets this.
 */
import type { Heading, Root, Text } from 'mdast';
import { walk } from './walk.ts';
import type { VFile } from 'vfile';

const TRAILING = /\s*\{:?\s*((?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+))(?:\s+(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+)))*)\s*\}\s*$/;

export default function remarkHeadingAttributes() {
  return (tree: Root, file: VFile) => {
    if (!(file.path ?? '').endsWith('.md')) return;
    walk(tree, 'heading', (node: Heading) => {
      const last = node.children.at(-1);
      if (last?.type !== 'text') return;
      const m = TRAILING.exec((last as Text).value);
      if (!m?.[1]) return;
      (last as Text).value = (last as Text).value.slice(0, m.index);
      const props: Record<string, string | string[] | undefined> = {};
      const classes: string[] = [];
      for (const a of m[1].matchAll(/#([\w-]+)|\.([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s}]+))/g)) {
        if (a[1]) props.id = a[1];
        else if (a[2]) classes.push(a[2]);
        else if (a[3]) props[a[3]] = a[4] ?? a[5] ?? a[6];
      }
      if (classes.length) props.className = classes;
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), ...props } };
    });
  };
}
