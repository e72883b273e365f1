/**
 * pymdownx.inlinehilite in MkDocs pages: a code span that starts with `#!lang ` or `:::lang `
 * names its language, which is not shown: `#!python range(3)` → <code class="highlight
 * language-python">range(3)</code> (Material's class; the tokens are not coloured here).
 * A shebang (`#!/bin/sh`) has no language and is left alone, as pymdownx leaves it.
 */
import type { InlineCode, Root } from 'mdast';
import type { VFile } from 'vfile';
import { isMkdocsPage } from '../mkdocs/dialect.ts';
import { walk } from './walk.ts';

const SHEBANG = /^(?:#!|:::)([\w#.+-]*)\s+([\s\S]+)$/;

export default function remarkInlineHilite() {
  return (tree: Root, file: VFile) => {
    if (!isMkdocsPage(file)) return;
    walk(tree, 'inlineCode', (node: InlineCode) => {
      const m = SHEBANG.exec(node.value);
      if (!m?.[2]) return;
      node.value = m[2];
      const lang = m[1] ?? '';
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), className: ['highlight', ...(lang ? [`language-${lang}`] : [])] } };
    });
  };
}
