/**
 * MDX without JavaScript. Most documentation pages use MDX only for its Markdown: their JSX, if
 * any, is plain HTML elements with literal attributes, and their expressions are comments.
 *
 * - `remarkHtmlJsx` (every MDX page, dev and build): such an element becomes an ordinary element
 *   of the tree, so our rehype plugins treat `<a target="_blank">` or `<h2>` written as JSX
 *   exactly like their Markdown forms (noopener, ids, permalinks) — and both render paths agree.
 * - `remarkRequireStaticMdx` (the build's loader): at the first thing that needs MDX's runtime
 *   (import/export, an expression, a component, an attribute expression) it stops with
 *   `MdxRuntimeRequired`, so the page is rendered as a module instead.
 */
import { h } from 'hastscript';
import type { Properties } from 'hast';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Position } from 'unist';
import { walk } from './walk.ts';
import type { VFile } from 'vfile';

/** Thrown when a page needs the MDX runtime; not an error of the page. */
export class MdxRuntimeRequired extends Error {
  readonly position: Position | undefined;
  constructor(reason: string, position: Position | undefined) {
    super(`needs the MDX runtime: ${reason}${position ? ` (line ${position.start.line})` : ''}`);
    this.name = 'MdxRuntimeRequired';
    this.position = position;
  }
}

// An HTML element name: lowercase, as JSX treats capitalised or dotted names as components.
const HTML_ELEMENT = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
// HTML attribute names as written in HTML; camelCase (className, onClick) is JSX's business.
const HTML_ATTRIBUTE = /^[a-z][a-z0-9]*(?:[-:][a-z0-9]+)*$/;
// Their attribute names are case-sensitive (viewBox), which HTML-space properties would lose.
const FOREIGN = new Set(['svg', 'math']);

/** What a converted element becomes: a node remark-rehype turns into `data.hName` (MDX passes mdxJsx* through untouched). */
export const HTML_JSX_TYPE = 'scissorsHtmlJsx';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** Why a JSX element is not a plain HTML element, or undefined when it is one. */
export function whyNotHtmlElement(node: JsxElement): string | undefined {
  if (!node.name) return 'a JSX fragment';
  if (!HTML_ELEMENT.test(node.name)) return `the component <${node.name}>`;
  if (FOREIGN.has(node.name)) return `<${node.name}> (case-sensitive attributes)`;
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') return `a spread attribute on <${node.name}>`;
    if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
      return `the expression in ${attribute.name}={…} on <${node.name}>`;
    }
    if (!HTML_ATTRIBUTE.test(attribute.name)) return `the JSX attribute ${attribute.name} on <${node.name}>`;
  }
  return undefined;
}

/** The hast properties of an element whyNotHtmlElement accepted (its attributes are all literal). */
function htmlProperties(node: JsxElement): Properties {
  const attributes: Record<string, string | boolean> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute') attributes[attribute.name] = typeof attribute.value === 'string' ? attribute.value : true;
  }
  // hastscript turns HTML attribute names (class, for, aria-*) into hast property names.
  return h(node.name ?? 'div', attributes).properties;
}

function isCommentOnly(node: { value: string; data?: { estree?: { body: unknown[] } | null } }): boolean {
  const program = node.data?.estree;
  if (program) return program.body.length === 0;
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*)*$/.test(node.value);
}

/**
 * remark-rehype handlers for the loader: MDX comments render as an empty text, so the line
 * breaks around them come out exactly as MDX's own output has them.
 */
export const staticMdxHandlers = {
  mdxFlowExpression: () => ({ type: 'text' as const, value: '' }),
  mdxTextExpression: () => ({ type: 'text' as const, value: '' }),
};

/**
 * MDX's own first step (remark-mark-and-unravel in @mdx-js/mdx, not exported): a paragraph
 * holding only JSX and expressions is not a paragraph, its elements are blocks. Without it
 * `<div>x</div>` on a line of its own would render inside a `<p>`. (MDX runs it itself on
 * module pages; running it again there changes nothing.)
 */
function unravelJsxParagraphs(tree: Root): void {
  walk(tree, 'paragraph', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    let jsx = false;
    for (const child of node.children) {
      if (child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression') jsx = true;
      else if (!(child.type === 'text' && /^[\t\n\f\r ]*$/.test(child.value))) return undefined;
    }
    if (!jsx) return undefined;
    const blocks: RootContent[] = [];
    for (const child of node.children) {
      if (child.type === 'mdxJsxTextElement') blocks.push({ ...child, type: 'mdxJsxFlowElement' } as MdxJsxFlowElement);
      else if (child.type === 'mdxTextExpression') blocks.push({ ...child, type: 'mdxFlowExpression' });
      else if (!(child.type === 'text' && /^[\t\r\n ]+$/.test(child.value))) blocks.push(child as RootContent);
    }
    parent.children.splice(index, 1, ...(blocks as typeof parent.children));
    return index;
  });
}

declare module 'vfile' {
  interface DataMap {
    /** Set when remarkHtmlJsx converted an element: Astro's MDX path re-parses such trees as HTML (rehype-raw). */
    htmlJsx: boolean;
  }
}

/** Plain HTML elements written as JSX become ordinary elements (both render paths). */
export function remarkHtmlJsx() {
  return (tree: Root, file: VFile) => {
    walk(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      if (whyNotHtmlElement(node) !== undefined) return;
      const converted = node as unknown as { type: string; data?: Record<string, unknown> };
      converted.type = HTML_JSX_TYPE;
      converted.data = { ...node.data, hName: node.name, hProperties: htmlProperties(node) };
      file.data.htmlJsx = true;
    });
  };
}

/** The loader's check: stops at the first thing that needs MDX's runtime. */
export function remarkRequireStaticMdx() {
  return (tree: Root) => {
    unravelJsxParagraphs(tree);
    walk(tree, (node) => {
      const content = node as RootContent;
      switch (content.type) {
        case 'mdxjsEsm':
          throw new MdxRuntimeRequired('import/export', content.position);
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          // `{/* … */}` is MDX's comment: it stays (as in MDX) and renders nothing (staticMdxHandlers).
          if (!isCommentOnly(content)) throw new MdxRuntimeRequired(`the expression {${content.value.trim().slice(0, 40)}}`, content.position);
          return;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          const reason = whyNotHtmlElement(content);
          if (reason !== undefined) throw new MdxRuntimeRequired(reason, content.position);
          return;
        }
        default:
          return;
      }
    });
  };
}

/**
 * Also the loader's: a Markdown image with a local path is imported and optimised by Astro's MDX
 * pipeline (remarkCollectImages' rule: not a URL, not from the site root), so its page is a module.
 * Runs after the other plugins, so images from included files count too.
 */
export function remarkRequireNoLocalImages() {
  return (tree: Root) => {
    // One walk: definitions may come after the references that use them, so check at the end.
    const definitions = new Map<string, string>();
    const images: Array<{ url: string | undefined; identifier?: string; position: Position | undefined }> = [];
    walk(tree, (node) => {
      if (node.type === 'definition') definitions.set(node.identifier, node.url);
      else if (node.type === 'image') images.push({ url: node.url, position: node.position });
      else if (node.type === 'imageReference') images.push({ url: undefined, identifier: node.identifier, position: node.position });
    });
    for (const image of images) {
      const url = image.url ?? (image.identifier === undefined ? undefined : definitions.get(image.identifier));
      if (url === undefined) continue;
      let decoded = url;
      try {
        decoded = decodeURI(url);
      } catch {
        // keep it as written
      }
      if (!URL.canParse(decoded) && !decoded.startsWith('/')) throw new MdxRuntimeRequired(`the local image ${decoded} (Astro optimises it)`, image.position);
    }
  };
}
