/**
 * Diagram fences (pymdownx.superfences' custom fences with `fence_code_format`, as MkDocs
 * Material configures mermaid): a fence named `mermaid` becomes
 * `<pre class="mermaid"><code>SOURCE</code></pre>`, Material's HTML. The source stays readable
 * without JavaScript; src/scripts/mermaid.ts draws the diagram inside that element, and is only
 * loaded on pages that have one.
 *
 * Shiki highlights every `<pre>` whose only child is a `<code>` (Astro's rule, also ours in
 * rehype-shiki-cached), and syntaxHighlight.excludeLangs would stop the static renderer. So the
 * remark stage writes a `<div>` placeholder that no highlighter touches, and rehypeMermaid (a
 * rehype plugin, which runs after Shiki in every pipeline) turns it into the `<pre>`. Left alone
 * it would still be a `.mermaid` element holding the source, which the client script also draws.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Code, Root } from 'mdast';
import type { VFile } from 'vfile';
import { DIAGRAM_PAGE_KEY, noteDiagramRendered } from './diagram-flag.ts';
import { isHighlightedCode } from './highlighted-code.ts';
import { SKIP, walk } from './walk.ts';

export interface DiagramFence {
  /** The fence's language name: ```` ```mermaid ````. */
  name: string;
  /** The class of the `<pre>` (superfences' `class`). */
  className: string;
}

export interface RemarkMermaidOptions {
  fences?: DiagramFence[];
}

export const DEFAULT_DIAGRAM_FENCES: DiagramFence[] = [{ name: 'mermaid', className: 'mermaid' }];

/** The attribute that marks the placeholder between the two stages. */
const PLACEHOLDER = 'dataScissorsDiagram';

/** The fence's name: its language, or the first class of an attr_list info string (`{ .mermaid }`). */
function fenceName(node: Code): string | undefined {
  const lang = node.lang ?? '';
  if (lang.startsWith('{')) return /^\{\s*\.([\w-]+)/.exec(`${lang} ${node.meta ?? ''}`)?.[1];
  return lang || undefined;
}

export default function remarkMermaid(options: RemarkMermaidOptions = {}) {
  const fences = new Map((options.fences ?? DEFAULT_DIAGRAM_FENCES).map((f) => [f.name, f.className]));
  return (tree: Root) => {
    walk(tree, 'code', (node, index, parent) => {
      const code = node as Code;
      const name = fenceName(code);
      const className = name === undefined ? undefined : fences.get(name);
      if (className === undefined || !parent || index === undefined) return undefined;
      // A node type no other plugin handles, turned into HTML by its hName/hChildren alone.
      const diagram = {
        type: 'scissorsDiagram',
        value: code.value,
        position: code.position,
        data: {
          hName: 'div',
          hProperties: { className: className.split(/\s+/).filter(Boolean), [PLACEHOLDER]: '' },
          hChildren: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: code.value }] }],
        },
      };
      (parent.children as unknown[])[index] = diagram;
      return SKIP;
    });
  };
}

/** The placeholder becomes Material's `<pre class="mermaid"><code>…</code></pre>`. */
export function rehypeMermaid() {
  return (tree: HastRoot, file: VFile) => {
    walk(tree, 'element', (node) => {
      const el = node as Element;
      if (isHighlightedCode(el)) return SKIP;
      if (el.tagName === 'div' && PLACEHOLDER in el.properties) {
        el.tagName = 'pre';
        delete el.properties[PLACEHOLDER];
        // A wide diagram scrolls sideways: the keyboard must be able to scroll it too (WCAG 2.1.1).
        el.properties.tabIndex = 0;
        noteDiagramRendered();
        const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
        if (astro) (astro.frontmatter ??= {})[DIAGRAM_PAGE_KEY] = true;
        return SKIP;
      }
      return undefined;
    });
  };
}
