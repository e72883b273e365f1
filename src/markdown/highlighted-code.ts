/**
 * Shiki's output is thousands of `<span>`s per page and never holds a heading, an id or a link:
 * tree walks that only care about those skip it.
 */
import type { Element } from 'hast';

export function isHighlightedCode(node: Element): boolean {
  if (node.tagName !== 'pre') return false;
  // Shiki writes `class`, not hast's usual `className`.
  const c: unknown = node.properties.className ?? node.properties.class;
  return Array.isArray(c) ? c.includes('astro-code') : typeof c === 'string' && c.split(/\s+/).includes('astro-code');
}
