/**
 * A Shiki transformer that frames every highlighted block: a title bar from `title="…"` in
 * the fence meta, where an included block came from, and a copy button (shown by a small
 * script; without JavaScript it stays hidden rather than doing nothing).
 */
import type { Element, ElementContent, Root } from 'hast';
import type { ShikiTransformer } from 'shiki';

/** `key="value"`, `key='value'` and `key=value` pairs from a fence's meta string. */
export function parseMeta(meta: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!meta) return out;
  const pair = /([A-Za-z_][\w-]*)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;
  for (const m of meta.matchAll(pair)) {
    const key = m[1];
    if (key) out[key] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/**
 * With `defaultColor: 'light-dark()'` each token's `color: light-dark(a, b)` already follows the
 * page's colour scheme; the `--shiki-light`/`--shiki-dark` copies Shiki adds beside it are unused
 * by our CSS and would double the weight of every highlighted page.
 */
export function stripThemeVariables(style: unknown): string | undefined {
  if (typeof style !== 'string') return undefined;
  const kept = style
    .split(';')
    .filter((d) => d.trim() !== '' && !/^\s*--shiki-/.test(d))
    .join(';');
  return kept === '' ? undefined : kept;
}

/** Line numbers from `{2-4}`, `{1,3}` or `hl_lines="2 3-5"` in the fence meta. */
export function highlightedLines(meta: string | undefined, pairs: Record<string, string>): Set<number> {
  const lines = new Set<number>();
  const specs: string[] = [];
  const braces = /\{([\d,\s-]+)\}/.exec(meta ?? '');
  if (braces?.[1]) specs.push(...braces[1].split(','));
  if (pairs.hl_lines) specs.push(...pairs.hl_lines.split(/\s+/));
  for (const spec of specs) {
    const m = /^\s*(\d+)(?:-(\d+))?\s*$/.exec(spec);
    if (!m) continue;
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    for (let n = from; n <= to && n - from < 10_000; n++) lines.add(n);
  }
  return lines;
}

/** First line number to show, from `linenums="1"`, `showLineNumbers` or `showLineNumbers=5`; null for none. */
export function lineNumberStart(meta: string | undefined, pairs: Record<string, string>): number | null {
  if (pairs.linenums) return Number.parseInt(pairs.linenums, 10) || 1;
  if (pairs.showLineNumbers) return Number.parseInt(pairs.showLineNumbers, 10) || 1;
  return /(^|\s)showLineNumbers(\s|$)/.test(meta ?? '') ? 1 : null;
}

const PROMPT_LANGUAGES = new Set(['console', 'shell-session', 'shellsession']);

interface FenceMeta {
  pairs: Record<string, string>;
  highlighted: Set<number>;
  lineStart: number | null;
}

/** The fence meta of one block, parsed once (Shiki calls the line hook for every line). */
const parsedMeta = new WeakMap<object, FenceMeta>();
function fenceMeta(options: { meta?: unknown }): FenceMeta {
  let meta = parsedMeta.get(options);
  if (!meta) {
    const raw = (options.meta as { __raw?: string } | undefined)?.__raw;
    const pairs = parseMeta(raw);
    meta = { pairs, highlighted: highlightedLines(raw, pairs), lineStart: lineNumberStart(raw, pairs) };
    parsedMeta.set(options, meta);
  }
  return meta;
}

export interface CodeFrameOptions {
  /** Where included files can be read online: their captions link there. */
  repository?: { url: string; branch: string };
  /** Line numbers on every block, from 1 unless a fence says `linenums="N"` (pymdownx.highlight `linenums: true`). */
  lineNumbers?: boolean;
}

/** `file` or `file#L3-L8` (what remark-snippets writes) as a caption and a link. */
export function describeSnippetSource(spec: string, repository?: CodeFrameOptions['repository']): { text: string; href?: string } {
  const [file = spec, lines] = spec.split('#');
  const range = /^L(\d+)-L(\d+)$/.exec(lines ?? '');
  const text = range ? `${file}, lines ${range[1]}–${range[2]}` : file;
  const href = repository ? `${repository.url}/blob/${repository.branch}/${file}${range ? `#L${range[1]}-L${range[2]}` : ''}` : undefined;
  return { text, href };
}

export function codeFrameTransformer(options: CodeFrameOptions = {}): ShikiTransformer {
  return {
    name: 'scissors:code-frame',
    pre(node) {
      // Scrollable regions must be reachable by keyboard.
      node.properties.tabindex = 0;
      node.properties.dataLanguage = this.options.lang;
      node.properties.style = stripThemeVariables(node.properties.style);
    },
    span(node) {
      node.properties.style = stripThemeVariables(node.properties.style);
    },
    line(node, line) {
      const { highlighted, lineStart: own } = fenceMeta(this.options);
      const lineStart = own ?? (options.lineNumbers ? 1 : null);
      if (highlighted.has(line)) this.addClassToHast(node, 'highlighted');
      if (lineStart !== null) node.properties.dataLine = lineStart + line - 1;
      // Session transcripts: the prompt is shown but never copied or selected.
      if (PROMPT_LANGUAGES.has(this.options.lang)) {
        const first = node.children[0];
        const textNode = first?.type === 'element' ? first.children[0] : undefined;
        if (textNode?.type === 'text' && /^[$#] /.test(textNode.value)) {
          const prompt = textNode.value.slice(0, 2);
          textNode.value = textNode.value.slice(2);
          node.children.unshift({ type: 'element', tagName: 'span', properties: { className: ['prompt'] }, children: [{ type: 'text', value: prompt }] });
        }
      }
    },
    root(root: Root) {
      const pre = root.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre');
      if (!pre) return root;
      const { pairs: meta, lineStart: own } = fenceMeta(this.options);
      const lineStart = own ?? (options.lineNumbers ? 1 : null);
      if (lineStart !== null) this.addClassToHast(pre, 'has-line-numbers');
      const bar: ElementContent[] = [];
      if (meta.title) bar.push({ type: 'element', tagName: 'span', properties: { className: ['code-title'] }, children: [text(meta.title)] });
      if (meta['snippet-source']) {
        // Readers see that the code shown is the repository's real file, and can open it.
        const sources = meta['snippet-source'].split(';').map((s) => describeSnippetSource(s.trim(), options.repository));
        const parts: ElementContent[] = [text('included from ')];
        sources.forEach((source, i) => {
          if (i > 0) parts.push(text(', '));
          parts.push(
            source.href
              ? { type: 'element', tagName: 'a', properties: { href: source.href }, children: [text(source.text)] }
              : text(source.text),
          );
        });
        bar.push({ type: 'element', tagName: 'span', properties: { className: ['code-source'] }, children: parts });
      }
      const copy: Element = {
        type: 'element',
        tagName: 'button',
        properties: { type: 'button', className: ['copy-button'], dataCopy: '', hidden: true, ariaLabel: 'Copy code to clipboard' },
        children: [text('Copy')],
      };
      const status: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['copy-status', 'visually-hidden'], role: 'status', ariaLive: 'polite' },
        children: [],
      };
      // With a title the frame is a <figure> whose caption bar holds the title and the button;
      // without one, a plain wrapper whose button floats over the code.
      const header: Element = {
        type: 'element',
        tagName: meta.title ? 'figcaption' : 'div',
        // The title bar is chrome, not content: search excerpts skip it (on MkDocs pages the title
        // is content, as Material shows it: see rehype-mkdocs-pages).
        properties: { className: meta.title ? ['code-header'] : ['code-header', 'code-header-bare'], dataPagefindIgnore: '' },
        children: [...bar, copy, status],
      };
      const figure: Element = {
        type: 'element',
        tagName: meta.title ? 'figure' : 'div',
        properties: { className: ['code-frame'] },
        children: [header, pre],
      };
      return { type: 'root', children: [figure] };
    },
  };
}
