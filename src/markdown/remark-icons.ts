/**
 * Icon and emoji shortcodes, as MkDocs Material renders them (pymdownx.emoji with Material's
 * `twemoji` index and `to_svg` generator):
 *
 *   :material-clock-fast:  :octicons-arrow-right-24:  :fontawesome-brands-github:  :simple-python:
 *       → <span class="twemoji"><svg xmlns=… viewBox=…><path d=…/></svg></span>
 *   :rocket:  :white_check_mark:  (Twemoji)
 *       → <span class="twemoji emoji" role="img" aria-label="rocket" title=":rocket:"><svg …></span>
 *
 * and attr_list right after one, `:material-clock-fast:{ .lg .middle }`, adds to the span (grid
 * cards use it for size and alignment).
 *
 * Matching follows pymdownx: `:[+-\w]+:` scanned left to right over the text, so a shortcode the
 * index does not know (`12:30:45`, `arn:aws:lambda:…`) is passed over and stays as it was.
 * Code spans and code blocks are not text nodes, so they are never touched. Runs last among the
 * remark plugins: unknown text directives (`:material-github` reads as one) are text again by then.
 *
 * Differences from Material, on purpose:
 * - Emoji are inline SVG like the icons, not `<img src="https://cdn…">`: no third-party request and
 *   no broken images offline. They keep Material's `twemoji` class and `title=":shortcode:"`; the
 *   extra `emoji` class keeps their own colours (icons take `currentColor`, see icons.css).
 * - Accessibility. An emoji is content (Material's `<img>` has the character as its alt), so it is
 *   `role="img"` with its name as `aria-label` ("red heart"), which every screen reader can say.
 *   An icon next to words ("[icon] Features", "[icon] github.com/…") repeats them, so it is
 *   `aria-hidden`; an icon that is all its parent holds (`[:material-twitter:](…)`, a table cell)
 *   is the only thing there to read, so it gets `role="img"` and a name from the icon
 *   ("twitter"; simple-icons' own title, "GitHub"): otherwise the link would have no name at all.
 *
 * The span is an mdast node of its own (`icon`) carrying hast in `data` (hName/hProperties/
 * hChildren), which mdast-util-to-hast turns into the element in both the Markdown and the MDX
 * paths: no raw HTML, so nothing needs re-parsing (rehype-raw) and MDX compiles it as JSX.
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Element, Properties } from 'hast';
import { h } from 'hastscript';
import { toString } from 'mdast-util-to-string';
import type { Data, Node } from 'unist';
import { emojiByShortcode } from './emoji-index.ts';
import { loadCustomIcon, loadIcon, shortcodeToIconPath, svgElement, type LoadedSvg } from './icon-sets.ts';

export { iconSvg } from './icon-sets.ts';

/** pymdownx's RE_EMOJI (`:[+\-\w]+:`, Python's Unicode `\w`). */
const SHORTCODE = /:([+\-\p{L}\p{N}\p{Mn}\p{Pc}]+):/gu;
/** Python-Markdown attr_list's inline form, right after the element: `{ .lg .middle }`, `{: #id }`. */
const ATTR_LIST = /^\{:?[ ]*([^}\n ][^}\n]*?)[ ]*\}/;
const ATTR = /#([\w-]+)|\.([\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s}]+))/g;

export interface IconNode extends Node {
  type: 'icon';
  /** The shortcode as written (without colons). */
  name: string;
  /** What the icon shows, in words: its name if it turns out to be all its parent holds. */
  label: string;
  data: Data & { hName: 'span'; hProperties: Properties; hChildren: Element[] };
}

type Resolved = { kind: 'emoji'; svg: LoadedSvg; label: string } | { kind: 'icon'; svg: LoadedSvg; label: string };

export interface RemarkIconsOptions {
  /**
   * Folders of extra icons laid out like Material's `.icons` (pymdownx.emoji's `custom_icons`,
   * e.g. `overrides/.icons`): `:my-set-logo:` is `my-set/logo.svg`. They come before the bundled
   * sets, after emoji, as in Material's index.
   */
  customIcons?: readonly string[];
}

const resolvers = new Map<string, Map<string, Resolved | null>>();

function iconLabel(svg: LoadedSvg, name: string): string {
  return svg.title ?? name.replace(/-(?:12|16|24|48)$/, '').replaceAll('-', ' ');
}

/** What a shortcode name stands for, in Material's order: emoji, custom icons, bundled icon sets. */
export function resolveShortcode(name: string, customIcons: readonly string[] = []): Resolved | undefined {
  const key = customIcons.join('\0');
  let resolved = resolvers.get(key);
  if (!resolved) resolvers.set(key, (resolved = new Map()));
  const cached = resolved.get(name);
  if (cached !== undefined) return cached ?? undefined;
  let result: Resolved | null = null;
  const emoji = emojiByShortcode(name);
  if (emoji) result = { kind: 'emoji', svg: emoji.svg, label: emoji.label };
  else {
    const custom = customIcons.length ? loadCustomIcon(customIcons, name) : undefined;
    if (custom) result = { kind: 'icon', svg: custom, label: iconLabel(custom, name) };
    else {
      const iconPath = shortcodeToIconPath(name);
      const svg = iconPath === undefined ? undefined : loadIcon(iconPath);
      if (svg && iconPath) result = { kind: 'icon', svg, label: iconLabel(svg, iconPath.slice(iconPath.lastIndexOf('/') + 1)) };
    }
  }
  resolved.set(name, result);
  return result ?? undefined;
}

/**
 * The span's attributes, then attr_list's as Python-Markdown applies them (classes appended, the
 * rest set), made hast properties by hastscript: `{ aria-label="…" }` replaces ours, not doubles it.
 */
function spanProperties(name: string, resolved: Resolved, attrs: string | undefined): Properties {
  const classes = resolved.kind === 'emoji' ? ['twemoji', 'emoji'] : ['twemoji'];
  const authored: Record<string, string> = {};
  for (const m of attrs?.matchAll(ATTR) ?? []) {
    if (m[1]) authored.id = m[1];
    else if (m[2]) classes.push(m[2]);
    else if (m[3]) {
      const value = m[4] ?? m[5] ?? m[6] ?? '';
      if (m[3] === 'class') classes.push(...value.split(/\s+/).filter(Boolean));
      else authored[m[3]] = value;
    }
  }
  const ours: Record<string, string> =
    resolved.kind === 'emoji'
      ? { role: 'img', 'aria-label': resolved.label, title: `:${name}:` }
      : 'aria-label' in authored
        ? { role: 'img' } // the author named it: it is meant to be read
        : // Hidden unless it turns out to be all its parent holds (labelIconsAlone).
          { 'aria-hidden': 'true' };
  return h('span', { class: classes, ...authored, ...Object.fromEntries(Object.entries(ours).filter(([k]) => !(k in authored))) }).properties;
}

function iconNode(name: string, resolved: Resolved, attrs: string | undefined): IconNode {
  return {
    type: 'icon',
    name,
    label: resolved.label,
    data: { hName: 'span', hProperties: spanProperties(name, resolved, attrs), hChildren: [svgElement(resolved.svg)] },
  };
}

/** Shortcodes in one run of text → text and icon nodes; undefined when nothing resolved. */
function split(value: string, customIcons: readonly string[]): Array<Text | IconNode> | undefined {
  let out: Array<Text | IconNode> | undefined;
  let last = 0;
  SHORTCODE.lastIndex = 0;
  for (let m = SHORTCODE.exec(value); m; m = SHORTCODE.exec(value)) {
    const name = m[1] ?? '';
    const resolved = resolveShortcode(name, customIcons);
    if (!resolved) continue;
    out ??= [];
    if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
    let end = m.index + m[0].length;
    const attrList = ATTR_LIST.exec(value.slice(end));
    if (attrList) end += attrList[0].length;
    out.push(iconNode(name, resolved, attrList?.[1]));
    last = end;
    SHORTCODE.lastIndex = end;
  }
  if (out && last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

/** An icon that is all its parent holds is the parent's only name: label it instead of hiding it. */
function labelIconsAlone(parent: Parent): void {
  let icon: IconNode | undefined;
  for (const child of parent.children as Array<Parent['children'][number] | IconNode>) {
    if (child.type === 'icon') {
      if (icon) return;
      icon = child as IconNode;
    } else if (!(child.type === 'text' || child.type === 'break') || toString(child).trim() !== '') return;
  }
  const properties = icon?.data.hProperties;
  if (!icon || !properties || properties.ariaHidden !== 'true' || properties.role !== undefined) return;
  delete properties.ariaHidden;
  properties.role = 'img';
  properties.ariaLabel ??= icon.label;
}

/** Replaces the shortcodes among one parent's children; true when something changed. */
function replaceIn(children: Parent['children'], customIcons: readonly string[]): boolean {
  let changed = false;
  for (let i = 0; i < children.length; i++) {
    if (children[i]?.type !== 'text') continue;
    // A run of adjacent text nodes (a restored directive leaves `:name` and `:` apart).
    let j = i + 1;
    let value = (children[i] as Text).value;
    while (j < children.length && children[j]?.type === 'text') value += (children[j++] as Text).value;
    const first = value.indexOf(':');
    const pieces = first === -1 || first === value.lastIndexOf(':') ? undefined : split(value, customIcons);
    if (!pieces) {
      i = j - 1;
      continue;
    }
    const position = children[i]?.position;
    if (position && pieces[0]?.type === 'text' && j === i + 1) pieces[0].position = position;
    children.splice(i, j - i, ...(pieces as PhrasingContent[]));
    i += pieces.length - 1;
    changed = true;
  }
  return changed;
}

/** Every parent in the tree, depth first (leaves — text, code, html — have nothing to visit). */
function visitParents(parent: Parent, customIcons: readonly string[]): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Partial<Parent>;
    if (child.children !== undefined) visitParents(child as Parent, customIcons);
  }
  if (replaceIn(children, customIcons)) labelIconsAlone(parent);
}

export default function remarkIcons(options: RemarkIconsOptions = {}) {
  const customIcons = options.customIcons ?? [];
  return (tree: Root) => visitParents(tree, customIcons);
}
