/**
 * An element's classes as a list, however the tree holds them: hast's `className` array, a
 * string (raw HTML, hastscript), or Shiki's `class` property.
 */
import type { Element } from 'hast';

export function classList(node: Element): string[] {
  const c: unknown = node.properties.className ?? node.properties.class;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/).filter(Boolean) : [];
}
