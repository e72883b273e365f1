/**
 * Abbreviations, as Python-Markdown's abbr extension writes them:
 *   *[SLSA]: Supply-chain Levels for Software Artifacts
 * The definition lines disappear; every whole-word use in text (not in code) becomes
 * <abbr title="…">SLSA</abbr>.
 */
import type { Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { SKIP, walk } from './walk.ts';

const DEFINITION = /^\*\[([^\]]+)\]:[ \t]*(.*)$/;

export default function remarkAbbreviations() {
  return (tree: Root) => {
    const terms = new Map<string, string>();
    walk(tree, 'paragraph', (node: Paragraph, index, parent) => {
      // A definition paragraph is plain text made only of definition lines.
      if (!parent || index === undefined || node.children.some((c) => c.type !== 'text')) return;
      const lines = node.children.map((c) => (c as Text).value).join('').split('\n');
      if (!lines.every((l) => DEFINITION.test(l))) return;
      for (const line of lines) {
        const m = DEFINITION.exec(line);
        if (m?.[1]) terms.set(m[1], m[2] ?? '');
      }
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
    if (terms.size === 0) return;
    const escaped = [...terms.keys()].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(`(?<![\\w-])(${escaped.join('|')})(?![\\w-])`, 'g');
    walk(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !pattern.test(node.value)) return;
      pattern.lastIndex = 0;
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const m of node.value.matchAll(pattern)) {
        const at = m.index ?? 0;
        if (at > last) parts.push({ type: 'text', value: node.value.slice(last, at) });
        const term = m[1] ?? '';
        parts.push({ type: 'text', value: term, data: { hName: 'abbr', hProperties: { title: terms.get(term) } } } as PhrasingContent);
        last = at + term.length;
      }
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}
