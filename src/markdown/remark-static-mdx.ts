/**
 * MDX without JavaScript. Most documentation pages use MDX only for its Markdown: their JSX, if
 * any, is plain HTML elements with literal attributes, and their expressions are comments. Such a
 * page can be rendered straight to HTML, with no compiled module per page — which is what keeps
 * large builds fast and small. This plugin turns those static nodes into ordinary hast-bound nodes
 * and, at the first thing that needs MDX's runtime (import/export, an expression, a component, an
 * attribute expression), stops with `MdxRuntimeRequired` so the caller renders the page as a module.
 */
import { h } from 'hastscript';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
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

function isCommentOnly(node: { value: string; data?: { estree?: { body: unknown[] } | null } }): boolean {
  const program = node.data?.estree;
  if (program) return program.body.length === 0;
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*)*$/.test(node.value);
}

function staticElement(node: MdxJsxFlowElement | MdxJsxTextElement): void {
  if (!node.name) throw new MdxRuntimeRequired('a JSX fragment', node.position);
  if (!HTML_ELEMENT.test(node.name)) throw new MdxRuntimeRequired(`the component <${node.name}>`, node.position);
  const attributes: Record<string, string | boolean> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') throw new MdxRuntimeRequired(`a spread attribute on <${node.name}>`, node.position);
    if (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string') {
      throw new MdxRuntimeRequired(`the expression in ${attribute.name}={…} on <${node.name}>`, node.position);
    }
    attributes[attribute.name] = attribute.value ?? true;
  }
  // hastscript turns HTML attribute names (class, for, aria-*) into hast property names.
  node.data = { ...node.data, hName: node.name, hProperties: h(node.name, attributes).properties };
}

/**
 * remark-rehype handlers for the comments left in the tree: an empty text, so the line breaks
 * around them come out exactly as MDX's own output has them.
 */
export const staticMdxHandlers = {
  mdxFlowExpression: () => ({ type: 'text' as const, value: '' }),
  mdxTextExpression: () => ({ type: 'text' as const, value: '' }),
};

/**
 * MDX's own first step (remark-mark-and-unravel in @mdx-js/mdx, not exported): a paragraph
 * holding only JSX and expressions is not a paragraph, its elements are blocks. Without it
 * `<div>x</div>` on a line of its own would render inside a `<p>`.
 */
function unravelJsxParagraphs(tree: Root): void {
  visit(tree, 'paragraph', (node, index, parent) => {
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

export default function remarkStaticMdx() {
  return (tree: Root, _file: VFile) => {
    unravelJsxParagraphs(tree);
    visit(tree, (node) => {
      const content = node as RootContent;
      switch (content.type) {
        case 'mdxjsEsm':
          throw new MdxRuntimeRequired('import/export', content.position);
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          // `{/* … */}` is MDX's comment: it stays in the tree (as in MDX) and renders nothing
          // (see staticMdxHandlers).
          if (!isCommentOnly(content)) throw new MdxRuntimeRequired(`the expression {${content.value.trim().slice(0, 40)}}`, content.position);
          return undefined;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          staticElement(content);
          return undefined;
        default:
          return undefined;
      }
    });
  };
}
