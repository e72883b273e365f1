/**
 * `## Title { #id .class }` (attr_list) in `.md` pages: the braces become the heading's id and
 * classes. In MDX the same braces would be a JavaScript expression, so only `.md` gets this.
 * A paragraph's last line `{ .card }` does the same for the paragraph (attr_list's block form).
 */
import type { Heading, Paragraph, Root, Text } from 'mdast';
import { walk } from './walk.ts';
import type { VFile } from 'vfile';

const ATTRS = String.raw`(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+))`;
/** The last line of a paragraph, when it is only an attribute list. */
const LAST_LINE = new RegExp(String.raw`\n[ \t]*\{:?[ \t]*(${ATTRS}(?:\s+${ATTRS})*)[ \t]*\}[ \t]*$`);

function properties(list: string): Record<string, string | string[] | undefined> {
  const props: Record<string, string | string[] | undefined> = {};
  const classes: string[] = [];
  for (const a of list.matchAll(/#([\w-]+)|\.([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s}]+))/g)) {
    if (a[1]) props.id = a[1];
    else if (a[2]) classes.push(a[2]);
    else if (a[3]) props[a[3]] = a[4] ?? a[5] ?? a[6];
  }
  if (classes.length) props.className = classes;
  return props;
}

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
      const props = properties(m[1]);
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), ...props } };
    });
    walk(tree, 'paragraph', (node: Paragraph) => {
      const last = node.children.at(-1);
      if (last?.type !== 'text') return;
      const m = LAST_LINE.exec(last.value);
      if (!m?.[1]) return;
      last.value = last.value.slice(0, m.index);
      if (last.value === '') node.children.pop();
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), ...properties(m[1]) } };
    });
  };
}
