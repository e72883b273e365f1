/**
 * Tree walks for our plugins: unist-util-visit's contract — a test (type, props or predicate,
 * compiled by unist-util-is), a pre-order visitor `(node, index, parent)` that may return SKIP,
 * EXIT, the index to go on at, or both as `[action, index]` — without its per-node cost.
 * unist-util-visit-parents names a fresh closure and copies the ancestor array for every node,
 * and unist-util-visit finds each index with `indexOf`: walks were the largest share of a build's
 * render time, and this is about 5× faster on a page's tree (BENCHMARKS.md). The forms we do
 * not use (enter/exit objects, reverse order) are refused, not half-supported.
 */
import type { Node, Parent } from 'unist';
import { convert } from 'unist-util-is';
import { CONTINUE, EXIT, SKIP, type visit } from 'unist-util-visit';

export { CONTINUE, EXIT, SKIP };

type Check = (node: unknown, index?: number, parent?: Parent) => boolean;
type Visitor = (node: Node, index: number | undefined, parent: Parent | undefined) => unknown;

const always: Check = () => true;

/** Returns EXIT to stop, or the index to go on at in the parent (undefined: the next one). */
function one(node: Node, index: number | undefined, parent: Parent | undefined, matches: Check, visitor: Visitor): typeof EXIT | number | undefined {
  let action: unknown = CONTINUE;
  let resumeAt: number | undefined;
  if (matches === always || matches(node, index, parent)) {
    const result = visitor(node, index, parent);
    if (result !== undefined) {
      if (Array.isArray(result)) [action, resumeAt] = result as [unknown, number | undefined];
      else if (typeof result === 'number') resumeAt = result;
      else if (result !== null) action = result;
    }
  }
  if (action === EXIT) return EXIT;
  const children = (node as Partial<Parent>).children;
  if (children !== undefined && action !== SKIP) {
    let offset = 0;
    while (offset > -1 && offset < children.length) {
      const next = one(children[offset] as Node, offset, node as Parent, matches, visitor);
      if (next === EXIT) return EXIT;
      offset = next === undefined ? offset + 1 : next;
    }
  }
  return resumeAt;
}

function walkTree(tree: Node, testOrVisitor: unknown, maybeVisitor?: unknown, reverse?: unknown): void {
  const visitor = (typeof maybeVisitor === 'function' ? maybeVisitor : testOrVisitor) as Visitor;
  if (typeof visitor !== 'function' || reverse !== undefined || (maybeVisitor !== undefined && typeof maybeVisitor !== 'function')) {
    throw new Error('walk: takes (tree, visitor) or (tree, test, visitor)');
  }
  one(tree, undefined, undefined, typeof maybeVisitor === 'function' ? (convert(testOrVisitor as never) as Check) : always, visitor);
}

/** Same types as unist-util-visit's `visit`, for the forms described above. */
export const walk = walkTree as typeof visit;
