import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Node, Parent } from 'unist';
import { visit, type VisitorResult } from 'unist-util-visit';
import { EXIT, SKIP, walk } from '../../../src/markdown/walk.ts';

interface TestNode extends Node {
  type: string;
  id: number;
  children?: TestNode[];
}

interface Shape {
  type: string;
  children?: Shape[] | undefined;
}

/** Random trees: node types a–c, up to 4 levels, up to 4 children each; ids number the nodes. */
const treeArbitrary = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.record({
    type: fc.constantFrom('a', 'b', 'c'),
    children: fc.option(fc.array(tie('node'), { maxLength: 4 }), { nil: undefined, depthSize: 'small' }),
  }),
})).node;

function number(tree: Shape): TestNode {
  let next = 0;
  const copy = (node: Shape): TestNode => ({ type: node.type, id: next++, ...(node.children ? { children: node.children.map(copy) } : {}) });
  return copy(tree);
}

/** Actions keyed by node id: continue, skip, exit, remove the node and go on at its index (also as a
 * `[SKIP, index]` tuple), or jump past the next sibling. */
const plan = fc.array(fc.constantFrom('go', 'go', 'go', 'skip', 'exit', 'remove', 'remove-skip', 'jump'), { minLength: 64, maxLength: 64 });

function run(engine: typeof visit, tree: TestNode, actions: string[], testType: string | null): string[] {
  const seen: string[] = [];
  const visitor = (node: Node, index: number | undefined, parent: Parent | undefined): VisitorResult => {
    const n = node as TestNode;
    seen.push(`${n.id}@${index ?? '-'}<${(parent as TestNode | undefined)?.id ?? '-'}`);
    const action = actions[n.id % actions.length];
    if (action === 'skip') return SKIP;
    if (action === 'exit') return EXIT;
    if (action === 'remove' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (action === 'remove-skip' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (action === 'jump' && index !== undefined) return index + 2;
    return undefined;
  };
  if (testType === null) engine(tree, visitor);
  else engine(tree, testType, visitor);
  return seen;
}

test('visits, skips, exits and resumes exactly like unist-util-visit (random trees and actions)', () => {
  fc.assert(
    fc.property(treeArbitrary, plan, fc.constantFrom(null, 'a', 'b'), (shape, actions, testType) => {
      const mine = number(shape);
      const theirs = number(shape);
      assert.deepEqual(run(walk, mine, actions, testType), run(visit, theirs, actions, testType));
      assert.deepEqual(mine, theirs);
    }),
    { numRuns: 1000 },
  );
});

test('tests by properties and by predicate, as unist-util-is compiles them', () => {
  const tree = { type: 'root', children: [{ type: 'element', tagName: 'pre', children: [] }, { type: 'element', tagName: 'p', children: [] }] };
  const byProps: string[] = [];
  walk(tree, { type: 'element', tagName: 'p' }, (node) => void byProps.push((node as { tagName: string }).tagName));
  assert.deepEqual(byProps, ['p']);
  const byPredicate: string[] = [];
  walk(tree, (node: Node) => node.type === 'element', (node) => void byPredicate.push((node as { tagName: string }).tagName));
  assert.deepEqual(byPredicate, ['pre', 'p']);
});

test('forms it does not support are refused', () => {
  assert.throws(() => (walk as unknown as (...a: unknown[]) => void)({ type: 'root' }, 'x', () => undefined, true), /takes \(tree, visitor\)/);
});
