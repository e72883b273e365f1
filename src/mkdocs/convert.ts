/**
 * MkDocs Material's Markdown dialect → Scissors' directive Markdown, line by line and
 * indentation-aware, the way Python-Markdown's block processors read it:
 *
 *   !!! type "Title"  /  ??? type "Title"  /  ???+ type   → :::type[Title]{collapsible …}
 *   === "Label"  (===+ selected, ===! new set)             → ::::tabs / :::tab[Label]
 *   [text](url){target="_blank" rel=nofollow .c #i}        → :a[text]{href="url" …}
 *   ![alt](src){width=300}                                 → :img[alt]{src="src" width="300"}
 *   <center> image + <i>caption</i> </center>              → :::figure[*caption*]
 *   <div markdown class="x"> … </div>                      → :::div{.x}
 *   <!-- comments -->                                      → dropped
 *
 * Fenced code is copied verbatim. What is not understood is kept and reported as a warning
 * with its line, never dropped silently. Pure: no I/O.
 */

import { admonitionType } from '../markdown/admonition-types.ts';

export interface ConvertWarning {
  /** 1-based line in the input. */
  line: number;
  message: string;
  /**
   * Rendered exactly as MkDocs renders it, but probably not what the author meant (a fence
   * never closed): `scissors check` reports it; a build, which reproduces MkDocs, does not.
   */
  lint?: boolean;
}

export interface ConvertOptions {
  /** Produce MDX (escape `{`, `}`, bare `<`, turn autolinks into links) instead of Markdown. */
  mdx?: boolean;
}

export interface ConvertResult {
  text: string;
  /** For each output line, the 1-based input line it came from (0 for generated lines). */
  lineMap: number[];
  warnings: ConvertWarning[];
}

interface Line {
  text: string;
  /** 1-based input line number. */
  n: number;
}

type Node =
  | { kind: 'line'; line: Line }
  | { kind: 'container'; name: string; label?: string; attributes: string[]; children: Node[]; open: Line; indent?: string }
  | { kind: 'tabs'; tabs: Array<{ label: string; selected: boolean; children: Node[]; open: Line }> };

// Python-Markdown's admonition and pymdownx.details start lines, as they read them: `!!!note`,
// `???+note` and `???- note` are all valid; every word before the title is a class (so `???- note`
// has the classes `-` and `note`, and `???-note` the class `-note`); classes are lower-cased.
const ADMONITION = /^!!! ?([\p{L}\p{N}_-]+(?: +[\p{L}\p{N}_-]+)*?)(?: +"(.*)")? *$/u;
const DETAILS = /^\?{3}(\+)? ?(?:([\p{L}\p{N}_-]+(?: +[\p{L}\p{N}_-]+)*?)?(?: +"(.*)")|([\p{L}\p{N}_-]+(?: +[\p{L}\p{N}_-]+)*?)) *$/u;
// pymdownx.tabbed: `+` selects the tab, `!` starts a new set, both may be given (`+!`, `!+`).
const TAB = /^===(\+!|!\+|\+|!)? +"(.*)" *$/;
const FENCE = /^([ \t]*)(`{3,}|~{3,})/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d+[.)])[ \t]+\S/;

/** Python-Markdown expands every tab of the page (after snippets) to 4-column stops. */
function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  for (const ch of text) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  return out;
}

/** `Word` as Python's str.capitalize() writes it. */
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

const indentOf = (text: string) => (/^ */.exec(text)?.[0].length ?? 0);
const isBlank = (text: string) => text.trim() === '';

/** The indented body of a block opened at `start` (lines indented ≥ 4, blank lines inside), dedented. */
function takeBody(lines: Line[], start: number, width = 4): { body: Line[]; next: number } {
  let end = start;
  let lastContent = start - 1;
  while (end < lines.length) {
    const text = lines[end]?.text ?? '';
    if (!isBlank(text) && indentOf(text) < width) break;
    if (!isBlank(text)) lastContent = end;
    end++;
  }
  const body = lines.slice(start, lastContent + 1).map((l) => ({ n: l.n, text: isBlank(l.text) ? '' : l.text.slice(width) }));
  return { body, next: lastContent + 1 };
}

/**
 * An admonition (`!!!`) or details (`???`, `???+`) start line as a container: the first class is
 * the block's type as the author wrote it. A Material type or alias names the directive
 * (`:::important`); anything else (`-note`, or no class at all) is a generic `:::admonition`
 * that keeps the written class as its type. The other classes (`inline end`, …) are kept.
 */
function admonitionStart(text: string): { name: string; label?: string; attributes: string[] } | null {
  let classes: string[];
  let title: string | undefined;
  const attributes: string[] = [];
  const a = ADMONITION.exec(text);
  const d = a ? null : DETAILS.exec(text);
  if (a) {
    classes = (a[1] ?? '').toLowerCase().split(/ +/).filter(Boolean);
    title = a[2];
  } else if (d) {
    attributes.push('collapsible');
    if (d[1]) attributes.push('open');
    if (d[4]) {
      classes = d[4].toLowerCase().split(/ +/).filter(Boolean);
      title = undefined;
    } else {
      classes = (d[2] ?? '').toLowerCase().split(/ +/).filter(Boolean);
      title = d[3] ?? '';
    }
  } else return null;
  const [first, ...rest] = classes;
  let name = 'admonition';
  let label: string | undefined;
  if (first && admonitionType(first)) {
    name = first;
    if (title !== undefined && title !== '') label = title;
  } else {
    if (first) attributes.push(`type="${first}"`);
    label = title === undefined ? capitalize(first ?? '') : title || undefined;
  }
  if (title === '') attributes.push('notitle');
  if (rest.length) attributes.push(`class="${rest.join(' ')}"`);
  return { name, label, attributes };
}

function parseBlocks(lines: Line[], warnings: ConvertWarning[]): Node[] {
  const nodes: Node[] = [];
  let fence: { char: string; size: number } | null = null;
  let currentTabs: Extract<Node, { kind: 'tabs' }> | null = null;
  let inList = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    const text = line.text;
    if (fence) {
      nodes.push({ kind: 'line', line });
      const close = FENCE.exec(text);
      if (close && close[2]?.[0] === fence.char && (close[2]?.length ?? 0) >= fence.size && text.trim() === close[2]) fence = null;
      i++;
      continue;
    }
    const open = FENCE.exec(text);
    if (open && !hasClosingFence(lines, i, open[2] ?? '```')) {
      // Python-Markdown (superfences) needs a closing fence: without one the line is text, shown
      // as written (CommonMark would open a code block running to the end of the container).
      warnings.push({ line: line.n, message: `Fence "${text.trim()}" is never closed: shown as text, as MkDocs shows it.`, lint: true });
      nodes.push({ kind: 'line', line: { n: line.n, text: text.replace(/^( *)([`~]+)/, (_m, sp: string, run: string) => sp + run.replace(/./g, '\\$&')) } });
      if (!isBlank(text)) currentTabs = null;
      i++;
      continue;
    }
    if (open) {
      fence = { char: open[2]?.[0] ?? '`', size: open[2]?.length ?? 3 };
      currentTabs = null;
      nodes.push({ kind: 'line', line });
      i++;
      continue;
    }
    // Inside a list item (content indented by 4, Python-Markdown's list indentation): an
    // admonition there belongs to the item, and keeps the item's indentation in the output.
    if (LIST_ITEM.test(text)) inList = true;
    else if (!isBlank(text) && indentOf(text) < 4) inList = false;
    const depthInList = inList ? Math.floor(indentOf(text) / 4) * 4 : 0;
    const nested = depthInList > 0 ? admonitionStart(text.slice(depthInList)) : null;
    if (nested) {
      const { body, next } = takeBody(lines, i + 1, depthInList + 4);
      nodes.push({ ...nested, kind: 'container', children: parseBlocks(body, warnings), open: line, indent: ' '.repeat(depthInList) });
      i = next;
      continue;
    }
    const block = admonitionStart(text);
    if (block) {
      const { body, next } = takeBody(lines, i + 1);
      nodes.push({ ...block, kind: 'container', children: parseBlocks(body, warnings), open: line });
      currentTabs = null;
      i = next;
      continue;
    }
    const tab = TAB.exec(text);
    if (tab) {
      const [, flag = '', label = ''] = tab;
      const { body, next } = takeBody(lines, i + 1);
      if (!currentTabs || flag.includes('!')) {
        currentTabs = { kind: 'tabs', tabs: [] };
        nodes.push(currentTabs);
      }
      currentTabs.tabs.push({ label, selected: flag.includes('+'), children: parseBlocks(body, warnings), open: line });
      i = next;
      // Blank lines between tabs keep the set together.
      while (i < lines.length && isBlank(lines[i]?.text ?? '') && TAB.test(lines[i + 1]?.text ?? '')) i++;
      continue;
    }
    // (`===` alone is a setext heading's underline, not a tab.)
    if (/^(!!!|\?\?\?)/.test(text) || /^===[+!]*[ \t]+\S/.test(text)) {
      warnings.push({ line: line.n, message: `Not understood as an admonition or tab: "${text.trim()}". Expected e.g. !!! note "Title" or === "Label".` });
    }
    if (!isBlank(text)) currentTabs = null;
    nodes.push({ kind: 'line', line });
    i++;
  }
  return nodes;
}

/** Whether `text` closes a fence opened with `run`: only fence characters of its kind, at least as many. */
function isClosingFence(text: string, run: string): boolean {
  const trimmed = text.trim();
  return trimmed[0] === run[0] && trimmed.length >= run.length && /^(?:`{3,}|~{3,})$/.test(trimmed);
}

/** Whether a fence opened at `lines[start]` with `run` is closed further down in the same block. */
function hasClosingFence(lines: Line[], start: number, run: string): boolean {
  for (let k = start + 1; k < lines.length; k++) if (isClosingFence(lines[k]?.text ?? '', run)) return true;
  return false;
}

/** Colons a container needs: more than any container inside it, and at least three. */
function colons(node: Node): number {
  // A container written by the HTML stage (`:::center`, `:::div`) counts like one parsed here.
  if (node.kind === 'line') return /^ *(:{3,})[A-Za-z]/.exec(node.line.text)?.[1]?.length ?? 0;
  if (node.kind === 'container') return Math.max(3, depth(node.children) + 1);
  const tab = Math.max(3, ...node.tabs.map((t) => depth(t.children) + 1));
  return tab + 1;
}

function depth(nodes: Node[]): number {
  return Math.max(0, ...nodes.map(colons));
}

// --- inline conversions --------------------------------------------------------------------

/** Split a line into code spans (kept) and text (converted). */
function mapOutsideCode(text: string, convert: (s: string) => string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const tick = text.indexOf('`', i);
    if (tick < 0) {
      out += convert(text.slice(i));
      break;
    }
    out += convert(text.slice(i, tick));
    const run = /^`+/.exec(text.slice(tick))?.[0] ?? '`';
    const close = text.indexOf(run, tick + run.length);
    if (close < 0) {
      out += text.slice(tick);
      break;
    }
    out += text.slice(tick, close + run.length);
    i = close + run.length;
  }
  return out;
}

/** attr_list `{ #id .class key="value" key=value }` → directive attributes. */
export function attrListToDirective(attrs: string): string {
  const parts: string[] = [];
  const re = /#([\w-]+)|\.([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s}]+))/g;
  const classes: string[] = [];
  for (const m of attrs.matchAll(re)) {
    if (m[1]) parts.push(`id="${m[1]}"`);
    else if (m[2]) classes.push(m[2]);
    else if (m[3]) parts.push(`${m[3]}="${(m[4] ?? m[5] ?? m[6] ?? '').replaceAll('"', '&quot;')}"`);
  }
  if (classes.length) parts.push(`class="${classes.join(' ')}"`);
  return parts.join(' ');
}

// The URL may hold balanced parentheses (`#metricsV2:graph=~()`), as Markdown allows.
const LINK_ATTRS = /(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(((?:[^()\s]|\([^()\s]*\))+(?:\s+"[^"]*")?)\)\{:?\s*([^{}]*?)\s*\}/g;
/** attr_list right after strong or emphasis (`**x**{: .copyMe}`) or a code span (held as U+E002 k U+E003). */
const STRONG_ATTRS = /(\*\*|__)(?=\S)((?:(?!\1).)*?\S)\1\{:?[ ]*([^{}\n]*?)[ ]*\}/g;
const EM_ATTRS = /(?<![*_\w])([*_])(?=[^\s*_])((?:(?!\1).)*?[^\s*_])\1\{:?[ ]*([^{}\n]*?)[ ]*\}/g;
const CODE_ATTRS = /(\u{E002}\d+\u{E003})\{:?[ ]*([^{}\n]*?)[ ]*\}/gu;
/** What attr_list takes as attributes: `#id`, `.class`, `key=value`; anything else is text to Python-Markdown too. */
const ATTR_LIST_BODY = /^(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+))(?:\s+(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+)))*$/;

function convertInline(text: string, mdx: boolean): string {
  // Code spans are held aside first, so their text is never converted and a link or strong
  // text whose content holds code (`[**`x[all]`**](#){: .copyMe}`) is still seen whole.
  const codes: string[] = [];
  const masked = mapOutsideCode(text, (s) => s.replace(/[\u{E000}-\u{E003}]/gu, ''));
  let withHeld = '';
  {
    let i = 0;
    const t = masked;
    while (i < t.length) {
      const tick = t.indexOf('`', i);
      if (tick < 0) {
        withHeld += t.slice(i);
        break;
      }
      withHeld += t.slice(i, tick);
      const run = /^`+/.exec(t.slice(tick))?.[0] ?? '`';
      const close = t.indexOf(run, tick + run.length);
      if (close < 0) {
        withHeld += t.slice(tick);
        break;
      }
      codes.push(t.slice(tick, close + run.length));
      withHeld += `\u{E002}${codes.length - 1}\u{E003}`;
      i = close + run.length;
    }
  }
  const restore = (s: string) => s.replace(/\u{E002}(\d+)\u{E003}/gu, (_m, k: string) => codes[Number(k)] ?? '');
  // attr_list links and images become directives; held aside while the rest is escaped.
  const held: string[] = [];
  const hold = (directive: string) => {
    held.push(directive);
    return `\u{E000}${held.length - 1}\u{E001}`;
  };
  const inner = (label: string) => (mdx ? escapeMdxText(label) : label);
  let s = withHeld.replace(LINK_ATTRS, (_m, bang: string, label: string, target: string, attrs: string) => {
    const [url = '', title] = target.split(/\s+"/);
    const extra = attrListToDirective(attrs);
    const titleAttr = title ? ` title="${title.replace(/"$/, '')}"` : '';
    return hold(
      bang
        ? `:img[${inner(label)}]{src="${url}"${titleAttr}${extra ? ` ${extra}` : ''}}`
        : `:a[${inner(label)}]{href="${url}"${titleAttr}${extra ? ` ${extra}` : ''}}`,
    );
  });
  const element = (name: string) => (m: string, content: string, attrs: string) =>
    ATTR_LIST_BODY.test(attrs) ? hold(`:${name}[${inner(content)}]{${attrListToDirective(attrs)}}`) : m;
  s = s.replace(STRONG_ATTRS, (m, _d: string, content: string, attrs: string) => element('strong')(m, content, attrs));
  s = s.replace(EM_ATTRS, (m, _d: string, content: string, attrs: string) => element('em')(m, content, attrs));
  s = s.replace(CODE_ATTRS, (m, code: string, attrs: string) => (ATTR_LIST_BODY.test(attrs) ? hold(`:code[${code}]{${attrListToDirective(attrs)}}`) : m));
  if (mdx) s = escapeMdxText(s);
  // Held directives may hold others (a link around strong text): restore until none is left.
  for (let k = 0; k < 4 && /\u{E000}/u.test(s); k++) s = s.replace(/\u{E000}(\d+)\u{E001}/gu, (_m, n: string) => held[Number(n)] ?? '');
  return restore(s);
}

/** MDX reads `{` as an expression and `<` as JSX: escape what is meant as text. */
function escapeMdxText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '[$1]($1)')
    .replace(/(?<!\\)([{}])/g, '\\$1')
    .replace(/<(?![A-Za-z/!])/g, '\\<');
}

// --- HTML blocks -----------------------------------------------------------------------------

function stripComments(lines: Line[], warnings: ConvertWarning[]): Line[] {
  const out: Line[] = [];
  let inFence: string | null = null;
  let inComment = false;
  let commentStart = 1;
  for (const line of lines) {
    const fence = FENCE.exec(line.text);
    if (!inComment && fence) {
      const mark = fence[2] ?? '```';
      if (!inFence) inFence = mark;
      else if (line.text.trim().startsWith(inFence)) inFence = null;
      out.push(line);
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    let text = line.text;
    if (inComment) {
      const end = text.indexOf('-->');
      if (end < 0) continue;
      text = text.slice(end + 3);
      inComment = false;
    }
    text = text.replace(/<!--[\s\S]*?-->/g, '');
    const start = text.indexOf('<!--');
    if (start >= 0) {
      text = text.slice(0, start);
      inComment = true;
      commentStart = line.n;
    }
    // A line that held only a comment disappears; otherwise keep what is left.
    if (text.trim() === '' && line.text.trim() !== '') continue;
    out.push({ n: line.n, text });
  }
  // Reported where the comment opens: that is the line to fix.
  if (inComment) warnings.push({ line: commentStart, message: 'An HTML comment is never closed: the rest of the page was dropped with it.' });
  return out;
}

/**
 * Fence of the containers made from HTML blocks: they are written before the page's own blocks
 * are parsed, so they take more colons than any admonition or tab set inside them needs.
 */
const HTML_FENCE = '::::::::';

/** `<center>` and `<div markdown>` blocks → containers; other raw HTML passes through. */
function convertHtmlBlocks(lines: Line[], warnings: ConvertWarning[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const center = /^<center>\s*$/i.exec(line.text.trim());
    const div = /^<div\b([^>]*)\bmarkdown(?:=["']?(?:1|block|span)["']?)?([^>]*)>\s*$/i.exec(line.text.trim());
    if (!center && !div) {
      const other = /^<([A-Za-z][\w-]*)\b[^>]*\smarkdown(?:=["']?(?:1|block|span)["']?)?[\s>/]/i.exec(line.text.trim());
      if (other) warnings.push({ line: line.n, message: `md_in_html on <${other[1]}> is not supported (only <div markdown>); its content is kept as raw HTML.` });
      out.push(line);
      continue;
    }
    // Indented (in a tab, an admonition or a list): the blocks keep the indentation of the tag.
    const indent = /^ */.exec(line.text)?.[0] ?? '';
    const closeTag = center ? '</center>' : '</div>';
    const end = lines.findIndex((l, k) => k > i && l.text.trim().toLowerCase() === closeTag);
    if (end < 0) {
      warnings.push({ line: line.n, message: `${line.text.trim()} is never closed with ${closeTag} on a line of its own; kept as raw HTML.` });
      out.push(line);
      continue;
    }
    const inner = lines.slice(i + 1, end);
    if (center) {
      const caption = inner.map((l) => /^\s*<(i|em)>(.*)<\/\1>\s*$/i.exec(l.text)).find(Boolean);
      const image = inner.find((l) => /^\s*!\[/.test(l.text));
      // A figure only when the block holds nothing else, or the rest would be lost.
      const onlyFigure = inner.every((l) => l === image || isBlank(l.text) || /^\s*<(i|em)>(.*)<\/\1>\s*$/i.test(l.text));
      if (image && caption && onlyFigure) {
        out.push({ n: line.n, text: `${indent}${HTML_FENCE}figure[*${caption[2]}*]` }, { n: image.n, text: indent + image.text.trim() }, { n: lines[end]?.n ?? line.n, text: `${indent}${HTML_FENCE}` });
      } else {
        out.push({ n: line.n, text: `${indent}${HTML_FENCE}center` }, ...inner, { n: lines[end]?.n ?? line.n, text: `${indent}${HTML_FENCE}` });
      }
    } else {
      const attrs = `${div?.[1] ?? ''} ${div?.[2] ?? ''}`;
      const cls = /class=["']([^"']*)["']/.exec(attrs)?.[1];
      const id = /id=["']([^"']*)["']/.exec(attrs)?.[1];
      // Every other attribute (style, title, data-*…) goes through as written, as md_in_html keeps it.
      const others = [...attrs.matchAll(/([\w:-]+)=(?:"([^"]*)"|'([^']*)')/g)]
        .filter((m) => !['class', 'id', 'markdown'].includes((m[1] ?? '').toLowerCase()))
        .map((m) => `${m[1]}="${(m[2] ?? m[3] ?? '').replaceAll('"', '&quot;')}"`);
      const directiveAttrs = [id ? `#${id}` : '', ...(cls ? cls.split(/\s+/).filter(Boolean).map((c) => `.${c}`) : []), ...others].filter(Boolean).join(' ');
      out.push({ n: line.n, text: `${indent}${HTML_FENCE}div${directiveAttrs ? `{${directiveAttrs}}` : ''}` }, ...inner, { n: lines[end]?.n ?? line.n, text: `${indent}${HTML_FENCE}` });
    }
    i = end;
  }
  return out;
}

// --- serialise -------------------------------------------------------------------------------

function serialise(nodes: Node[], out: Array<{ text: string; n: number }>, mdx: boolean, inFenceState: { fence: string | null }): void {
  for (const node of nodes) {
    if (node.kind === 'line') {
      const fence = FENCE.exec(node.line.text);
      if (inFenceState.fence) {
        if (fence && node.line.text.trim().startsWith(inFenceState.fence)) inFenceState.fence = null;
        out.push({ text: node.line.text, n: node.line.n });
        continue;
      }
      if (fence) {
        inFenceState.fence = fence[2] ?? '```';
        out.push({ text: node.line.text, n: node.line.n });
        continue;
      }
      // Snippet markers are the same in both dialects and must reach the parser untouched.
      const marker = /^[ \t]*;*-+8<-+/.test(node.line.text);
      out.push({ text: marker ? node.line.text : convertInline(node.line.text, mdx), n: node.line.n });
      continue;
    }
    if (node.kind === 'container') {
      const bar = ':'.repeat(colons(node));
      const label = node.label !== undefined ? `[${convertInline(node.label, mdx)}]` : '';
      const attrs = node.attributes.length ? `{${node.attributes.join(' ')}}` : '';
      const block: Array<{ text: string; n: number }> = [{ text: `${bar}${node.name}${label}${attrs}`, n: node.open.n }];
      serialise(node.children, block, mdx, { fence: null });
      block.push({ text: bar, n: 0 });
      // In a list item: every line keeps the item's indentation.
      for (const l of block) out.push(node.indent && l.text !== '' ? { ...l, text: node.indent + l.text } : l);
      continue;
    }
    const bar = ':'.repeat(colons(node));
    const tabBar = ':'.repeat(colons(node) - 1);
    out.push({ text: `${bar}tabs`, n: node.tabs[0]?.open.n ?? 0 });
    for (const tab of node.tabs) {
      out.push({ text: `${tabBar}tab[${convertInline(tab.label, mdx)}]${tab.selected ? '{selected}' : ''}`, n: tab.open.n });
      serialise(tab.children, out, mdx, { fence: null });
      out.push({ text: tabBar, n: 0 });
    }
    out.push({ text: bar, n: 0 });
  }
}

/**
 * Python-Markdown's meta extension, as MkDocs runs it: the page's own front matter is already
 * gone (MkDocs strips it and the blank lines after it), so a `---` block that now starts the page
 * (a whole included page's front matter, `--8<-- "other.md"` on the first line) is read as
 * metadata and not shown, up to its closing `---`/`...` or a blank line.
 */
function stripMetaBlock(lines: Line[]): Line[] {
  let i = 0;
  while (i < lines.length && isBlank(lines[i]?.text ?? '')) i++;
  if (!/^-{3}(\s.*)?$/.test(lines[i]?.text ?? '')) return lines;
  let k = i + 1;
  let sawKey = false;
  while (k < lines.length) {
    const text = lines[k]?.text ?? '';
    if (isBlank(text) || /^(-{3}|\.{3})(\s.*)?$/.test(text)) break;
    if (/^ {0,3}[A-Za-z0-9_-]+:\s*.*$/.test(text)) sawKey = true;
    else if (!(sawKey && /^ {4,}/.test(text))) return lines;
    k++;
  }
  if (!sawKey || k >= lines.length) return lines;
  const end = isBlank(lines[k]?.text ?? '') ? k : k + 1;
  return [...lines.slice(0, i), ...lines.slice(end)];
}

const LIST_ITEM_START = /^( *)(\d+[.)]|[-*+])( +)\S/;

/**
 * A fence right after a list item's text, with no blank line, belongs to the item in MkDocs:
 * superfences stashes the fence first, and Python-Markdown reads the placeholder as a lazy
 * continuation of the item, so the list goes on after it. CommonMark would end the list at
 * the fence; the fence is indented into the item so both read the same list.
 */
function lazyFencesInLists(lines: Line[]): Line[] {
  const out = lines.map((l) => ({ ...l }));
  let content: number | null = null;
  for (let i = 0; i < out.length; i++) {
    const text = out[i]?.text ?? '';
    if (isBlank(text)) {
      content = null;
      continue;
    }
    const item = LIST_ITEM_START.exec(text);
    if (item) {
      content = (item[1] ?? '').length + (item[2] ?? '').length + (item[3] ?? '').length;
      continue;
    }
    const fence = FENCE.exec(text);
    if (!fence) continue;
    const indent = (fence[1] ?? '').length;
    const mark = fence[2] ?? '```';
    const lazy = content !== null && indent < content;
    const shift = lazy && content !== null ? ' '.repeat(content - indent) : '';
    // Through the closing fence (or the end): shifted when lazy, skipped over either way.
    let j = i;
    for (; j < out.length; j++) {
      const line = out[j] as Line;
      if (shift && !isBlank(line.text)) line.text = shift + line.text;
      if (j > i && isClosingFence(line.text, mark)) break;
    }
    i = j;
    if (!lazy) content = null;
  }
  return out;
}

export function convertMkdocs(text: string, options: ConvertOptions = {}): ConvertResult {
  const warnings: ConvertWarning[] = [];
  const lines: Line[] = text.split(/\r\n|\r|\n/).map((t, k) => ({ text: expandTabs(t), n: k + 1 }));
  const withoutComments = stripComments(stripMetaBlock(lines), warnings);
  const html = convertHtmlBlocks(withoutComments, warnings);
  const tree = parseBlocks(lazyFencesInLists(html), warnings);
  const out: Array<{ text: string; n: number }> = [];
  serialise(tree, out, options.mdx ?? false, { fence: null });
  out.forEach((line, k) => {
    // (In MDX output the braces are escaped by now.)
    if (!/^\s*\\?\{:?\s*[#.][^}]*?\\?\}\s*$/.test(line.text)) return;
    // attr_list on a paragraph: its last line. Kept for remark-heading-attributes (.md pages),
    // which gives the paragraph the attributes; MDX would read the braces as an expression.
    const previous = out[k - 1]?.text ?? '';
    const inParagraph = !isBlank(previous) && !FENCE.test(previous) && !/^ *:{3,}/.test(previous);
    if (inParagraph && !(options.mdx ?? false)) return;
    warnings.push({ line: line.n, message: `Block attributes "${line.text.trim()}" are not supported ${inParagraph ? 'in MDX' : 'on their own line'}; they were dropped.` });
    line.text = '';
  });
  return { text: out.map((l) => l.text).join('\n'), lineMap: out.map((l) => l.n), warnings };
}
