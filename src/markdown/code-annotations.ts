/**
 * Code annotations, as MkDocs Material 9 makes them (feature `content.code.annotate`, or the
 * `annotate` class on one block): a code block followed by an ordered list, whose comments hold
 * markers `(1)` or `(1)!`, shows each marker as a button that opens the list's N-th item.
 *
 * Three stages, because each knows only part of it:
 *  - remarkFenceAttrList: a fence info string in attr_list form, ```` ``` { .python .annotate } ````,
 *    becomes language `python` with `.annotate` in the meta (the only part of a fence that reaches
 *    the highlighter).
 *  - codeAnnotationTransformer (Shiki): only the highlighter knows which text is a comment. Comments
 *    that hold a marker are wrapped in `<span data-code-comment>`, and the block is flagged; a
 *    `.annotate` class in the meta goes on the block's frame, as Material puts it on `.highlight`.
 *  - rehypeCodeAnnotations: only the page knows whether a list follows. Markers whose item exists
 *    become buttons, the rest stay text; the wrappers go either way.
 *
 * The list stays where the author wrote it, and each item that a marker refers to becomes a native
 * popover (`<li popover>`) which the marker opens with `popovertarget`. Chosen over moving the items
 * into tooltips (Material's way, in JavaScript): the text is in the page once (search, the word
 * count, print and reader modes see one copy), the items keep their numbering and ids, and it works
 * without JavaScript — the browser gives the button aria-expanded, opens it with a click, Enter or
 * Space, closes it with Escape or a click outside, and returns focus to the marker. Where popover is
 * not supported the list simply stays visible under the code. src/scripts/annotations.ts only places
 * the popover next to its marker where CSS anchor positioning is missing.
 */
import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import type { Code, Root } from 'mdast';
import type { ShikiTransformer } from 'shiki';
import { classList } from './class-list.ts';
import { isHighlightedCode } from './highlighted-code.ts';
import { SKIP, walk } from './walk.ts';

/** Material 9's marker: `(N)`, or `(N)!` which stands for the whole comment. */
const MARKER = /(\(\d+\))(!)?/;
const ANY_MARKER = /\(\d+\)/;
/**
 * A marker after something that starts or continues a comment in most languages (`#`, `//`,
 * `/*`, ` * `, `--`, `<!--`, `;`, `%`): only such blocks are tokenized a second time to find their
 * comments, not every block that calls `f(1)`.
 */
const MAYBE_COMMENTED_MARKER = /(?:#|\/\/|\/\*|^\s*\*|--|<!--|;|%)[^\n]*\(\d+\)/m;
/** vscode-textmate's StandardTokenType.Comment. */
const COMMENT_TOKEN = 1;
const WRAPPER = 'dataCodeComment';
const FLAG = 'dataCodeMarkers';

/** A highlighted block whose comments rehypeCodeAnnotations will rewrite: its spans must stay a tree. */
export function hasCodeMarkers(block: Element): boolean {
  return FLAG in block.properties || block.children.some((c) => c.type === 'element' && FLAG in c.properties);
}

function addClass(node: Element, name: string): void {
  const list = classList(node);
  if (!list.includes(name)) list.push(name);
  delete node.properties.class;
  node.properties.className = list;
}

const textOf = (node: ElementContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

// --- remark: attr_list fence info ------------------------------------------------------------

/**
 * ```` ``` { .python .annotate #id title="x" } ````: the first class is the language (as in
 * pymdownx.superfences), the other classes stay in the meta as `.name`, key=value pairs as they
 * are. Fences written any other way are left alone.
 */
export function remarkFenceAttrList() {
  return (tree: Root) => {
    walk(tree, 'code', (node) => {
      const code = node as Code;
      if (!code.lang?.startsWith('{')) return;
      const info = `${code.lang} ${code.meta ?? ''}`;
      const body = /^\{([^}]*)\}\s*(.*)$/.exec(info);
      if (!body) return;
      const inside = body[1] ?? '';
      const classes = [...inside.matchAll(/(?:^|\s)\.([\w-]+)/g)].map((m) => m[1] as string);
      const pairs = [...inside.matchAll(/[A-Za-z_][\w-]*=(?:"[^"]*"|'[^']*'|\S+)/g)].map((m) => m[0]);
      const [lang, ...rest] = classes;
      code.lang = lang ?? null;
      const meta = [...rest.map((c) => `.${c}`), ...pairs, body[2] ?? ''].join(' ').trim();
      code.meta = meta === '' ? null : meta;
    });
  };
}

/** `.annotate` among the meta's words (also inside braces: `{ .annotate }`). */
export function metaHasClass(meta: string | undefined, name: string): boolean {
  return new RegExp(`(?:^|[\\s{])\\.${name}(?=[\\s}]|$)`).test(meta ?? '');
}

// --- Shiki: which text is a comment ---------------------------------------------------------

/** Comment ranges of one block, [start, end) offsets in its code, by the block's transformer context (`this.meta`, one per block). */
const commentRanges = new WeakMap<object, Array<[number, number]>>();
const commentSpans = new WeakSet<Element>();

export function codeAnnotationTransformer(): ShikiTransformer {
  return {
    name: 'scissors:code-annotations',
    preprocess(code, options) {
      if (!MAYBE_COMMENTED_MARKER.test(code)) return;
      // With two themes Shiki merges the tokens of both and drops their token types, so the
      // comments are found with one theme, and only in blocks that have something like a marker.
      const theme = 'themes' in options && options.themes ? Object.values(options.themes)[0] : 'theme' in options ? options.theme : undefined;
      if (!theme) return;
      const { tokens } = this.codeToTokens(code, { lang: options.lang, theme, includeExplanation: 'tokenType' } as never);
      const ranges: Array<[number, number]> = [];
      for (const line of tokens) {
        for (const t of line) {
          if (t.type !== COMMENT_TOKEN) continue;
          const last = ranges.at(-1);
          if (last && last[1] === t.offset) last[1] = t.offset + t.content.length;
          else ranges.push([t.offset, t.offset + t.content.length]);
        }
      }
      if (ranges.length > 0) commentRanges.set(this.meta, ranges);
    },
    span(node, _line, _col, _lineElement, token) {
      const ranges = commentRanges.get(this.meta);
      if (!ranges) return;
      // Whitespace before a comment is merged into its token: the comment starts after it.
      const start = token.offset + (token.content.length - token.content.trimStart().length);
      if (start < token.offset + token.content.length && ranges.some(([a, b]) => start >= a && start < b)) commentSpans.add(node);
    },
    line(node) {
      if (!commentRanges.has(this.meta)) return;
      const out: ElementContent[] = [];
      let run: Element[] = [];
      const flush = () => {
        if (run.length > 0 && ANY_MARKER.test(run.map(textOf).join(''))) {
          out.push({ type: 'element', tagName: 'span', properties: { [WRAPPER]: '' }, children: run });
          markedBlocks.add(this.meta);
        } else out.push(...run);
        run = [];
      };
      for (const child of node.children) {
        if (child.type === 'element' && commentSpans.has(child)) run.push(child);
        else {
          flush();
          out.push(child);
        }
      }
      flush();
      node.children = out;
    },
    root(root) {
      const block = root.children.find((c): c is Element => c.type === 'element');
      if (!block) return;
      const raw = (this.options.meta as { __raw?: string } | undefined)?.__raw;
      if (metaHasClass(raw, 'annotate')) addClass(block, 'annotate');
      if (markedBlocks.has(this.meta)) block.properties[FLAG] = '';
    },
  };
}
const markedBlocks = new WeakSet<object>();

// --- rehype: markers become buttons ---------------------------------------------------------

export interface CodeAnnotationOptions {
  /** Material's feature `content.code.annotate`: every code block may have annotations. */
  annotateAll?: boolean;
}

/** Material 9's findCandidateList: the next element if it is an <ol>, past <p>s with no element in them. */
function candidateList(siblings: ElementContent[], index: number): Element | undefined {
  for (let i = index + 1; i < siblings.length; i++) {
    const s = siblings[i];
    if (!s || s.type === 'comment' || (s.type === 'text' && s.value.trim() === '')) continue;
    if (s.type !== 'element') return undefined;
    if (s.tagName === 'ol') return s;
    if (s.tagName === 'p' && !s.children.some((c) => c.type === 'element')) continue;
    return undefined;
  }
  return undefined;
}

const isCodeBlock = (node: Element) => classList(node).includes('code-frame') || isHighlightedCode(node);

interface Block {
  items: Element[];
  /** Item numbers (1-based) some marker opens. */
  used: Set<number>;
  /** Markers made so far, by item: the first counts as the annotation, the others refer to it. */
  seen: Set<number>;
  id: (n: number) => string;
}

/** The marker: a button that opens item N. */
function marker(block: Block, n: number): Element {
  const first = !block.seen.has(n);
  block.seen.add(n);
  block.used.add(n);
  const properties: Element['properties'] = {
    type: 'button',
    // A second marker for the same item is the same annotation (Material counts it once): it has
    // no number as text, so that neither the code nor the page text holds it twice.
    className: first ? ['md-annotation', 'annotation-marker'] : ['annotation-marker'],
    popoverTarget: block.id(n),
    ariaLabel: `Annotation ${n}`,
    dataIndex: String(n),
  };
  return {
    type: 'element',
    tagName: 'button',
    properties,
    children: first ? [{ type: 'element', tagName: 'span', properties: { className: ['md-annotation__index'] }, children: [{ type: 'text', value: String(n) }] }] : [],
  };
}

/**
 * Material 9's findAnnotationMarkers on one text (a Pygments comment token is one text): each
 * `(N)` is cut out and becomes a marker; `(N)!` turns the rest of the text into the marker, so
 * `# see (1)!` leaves only the marker. Undefined when there is nothing like a marker.
 */
function replaceMarkers(value: string, block: Block): ElementContent[] | undefined {
  if (!ANY_MARKER.test(value)) return undefined;
  const out: ElementContent[] = [];
  let text = value;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(text))) {
    const token = m[1] as string;
    const n = Number(token.slice(1, -1));
    const made = n >= 1 && n <= block.items.length ? marker(block, n) : { type: 'text' as const, value: token };
    if (m[2]) {
      // Shiki's comment token starts with the whitespace before the comment: that is layout, kept.
      const lead = out.length === 0 ? (/^\s*/.exec(text)?.[0] ?? '') : '';
      if (lead) out.push({ type: 'text', value: lead });
      out.push(made);
      return out;
    }
    const before = text.slice(0, m.index);
    if (before) out.push({ type: 'text', value: before });
    out.push(made);
    text = text.slice(m.index + token.length);
  }
  if (text) out.push({ type: 'text', value: text });
  return out;
}

/** A comment wrapper's content with its markers resolved: the text keeps the comment's colour. */
function resolveComment(wrapper: Element, block: Block): ElementContent[] {
  const whole = textOf(wrapper);
  const parts = replaceMarkers(whole, block);
  // Nothing changed (no item for any marker, no `!`): the highlighted tokens stay as they were.
  if (!parts || (!parts.some((p) => p.type === 'element') && parts.map(textOf).join('') === whole)) return wrapper.children;
  const first = wrapper.children.find((c): c is Element => c.type === 'element');
  return parts.map((p) => (p.type === 'text' && first ? { ...first, children: [p] } : p));
}

/** Unwraps (and, for an annotated block, resolves) the comment wrappers under `node`. */
function processComments(node: Element, block: Block | undefined): void {
  const next: ElementContent[] = [];
  for (const child of node.children) {
    if (child.type === 'element' && WRAPPER in child.properties) {
      next.push(...(block ? resolveComment(child, block) : child.children));
    } else {
      if (child.type === 'element') processComments(child, block);
      next.push(child);
    }
  }
  node.children = next;
}

/** Text annotations in a `.annotate` block: every text outside code. */
function processText(node: Element, block: Block): void {
  node.children = node.children.flatMap((c): ElementContent[] => {
    if (c.type === 'text') return replaceMarkers((c as Text).value, block) ?? [c];
    if (c.type === 'element' && c.tagName !== 'pre' && !isCodeBlock(c)) processText(c, block);
    return [c];
  });
}

/** Items that a marker opens become popovers; the others keep their number where they are. */
function finishList(list: Element, block: Block): void {
  if (block.used.size === 0) return;
  addClass(list, 'annotation-list');
  block.items.forEach((item, i) => {
    const n = i + 1;
    if (block.used.has(n)) {
      item.properties.id = block.id(n);
      item.properties.popover = 'auto';
      addClass(item, 'annotation');
    } else {
      item.properties.value = String(n);
    }
  });
}

export default function rehypeCodeAnnotations(options: CodeAnnotationOptions = {}) {
  const annotateAll = options.annotateAll ?? false;
  return (tree: HastRoot) => {
    let blocks = 0;
    const newBlock = (list: Element): Block => {
      const b = ++blocks;
      return {
        items: list.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li'),
        used: new Set(),
        seen: new Set(),
        id: (n) => `annotation-${b}-${n}`,
      };
    };
    walk(tree, 'element', (node, index, parent) => {
      const el = node as Element;
      const isCode = isCodeBlock(el);
      const annotateClass = classList(el).includes('annotate');
      if (!isCode && !annotateClass) return isHighlightedCode(el) ? SKIP : undefined;
      const siblings = (parent?.children ?? []) as ElementContent[];
      if (isCode) {
        if (!hasCodeMarkers(el)) return SKIP;
        const list = (annotateAll || annotateClass) && index !== undefined ? candidateList(siblings, index) : undefined;
        const block = list ? newBlock(list) : undefined;
        processComments(el, block);
        delete el.properties[FLAG];
        for (const c of el.children) if (c.type === 'element') delete c.properties[FLAG];
        if (list && block) finishList(list, block);
        return SKIP;
      }
      // Material: `.annotate` that is not a code block annotates the text in it.
      const list = index !== undefined ? candidateList(siblings, index) : undefined;
      if (!list) return undefined;
      const block = newBlock(list);
      processText(el, block);
      finishList(list, block);
      return undefined;
    });
  };
}
