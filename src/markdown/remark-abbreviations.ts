/**
 * Abbreviations, as Python-Markdown's abbr extension writes them:
 *   *[SLSA]: Supply-chain Levels for Software Artifacts
 * The definition lines disappear; every whole-word use in text (not in code) becomes
 * <abbr title="…">SLSA</abbr>.
 */
import type { Paragraph, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { isMkdocsPage } from '../mkdocs/dialect.ts';
import { SKIP, walk } from './walk.ts';

const DEFINITION = /^\*\[([^\]]+)\]:[ \t]*(.*)$/;

const WORD = String.raw`[\p{L}\p{N}\p{M}_]`;
/** Python's `\b` around a term (Python-Markdown's abbr: `\bTERM\b`), with Unicode word characters. */
function pythonBoundaries(term: string, escaped: string): string {
  const word = (c: string) => new RegExp(WORD, 'u').test(c);
  const before = word(term.charAt(0)) ? `(?<!${WORD})` : `(?<=${WORD})`;
  const after = word(term.charAt(term.length - 1)) ? `(?!${WORD})` : `(?=${WORD})`;
  return `${before}${escaped}${after}`;
}

export default function remarkAbbreviations() {
  return (tree: Root, file: VFile) => {
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
    const sorted = [...terms.keys()].sort((a, b) => b.length - a.length);
    const escaped = sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // MkDocs pages: whole words as Python's `\b` finds them (so `exception-safe` matches `exception`).
    const pattern = isMkdocsPage(file)
      ? new RegExp(`(${sorted.map((t, i) => pythonBoundaries(t, escaped[i] ?? '')).join('|')})`, 'gu')
      : new RegExp(`(?<![\\w-])(${escaped.join('|')})(?![\\w-])`, 'g');
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
