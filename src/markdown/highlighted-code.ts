/**
 * Shiki's output is thousands of `<span>`s per page and never holds a heading, an id or a link:
 * tree walks that only care about those skip it.
 */
import type { Element } from 'hast';
import { classList } from './class-list.ts';

export function isHighlightedCode(node: Element): boolean {
  if (node.tagName !== 'pre') return false;
  // Shiki writes `class`, not hast's usual `className` (classList reads both).
  return classList(node).includes('astro-code');
}
