/**
 * What the checker needs from a built page: its ids, and every reference it makes (links,
 * images, stylesheets, icons, scripts), each with the source position the build recorded.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export interface Reference {
  tag: string;
  attribute: string;
  url: string;
  target?: string;
  rel: string[];
  /** `file:line:col` from data-scissors-src (check builds only). */
  source?: string;
  text: string;
}

export interface PageFacts {
  ids: Set<string>;
  references: Reference[];
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  link: ['href'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
};

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join(' ');
  return undefined;
}

function textOf(node: Element): string {
  let out = '';
  visit(node, 'text', (t) => {
    out += t.value;
  });
  return out.trim().slice(0, 80);
}

export function pageFacts(html: string): PageFacts {
  const tree: Root = fromHtml(html);
  const ids = new Set<string>();
  const references: Reference[] = [];
  visit(tree, 'element', (node: Element) => {
    const id = str(node.properties.id);
    if (id) ids.add(id);
    // <a name="x"> is a legacy anchor target too.
    if (node.tagName === 'a' && typeof node.properties.name === 'string') ids.add(node.properties.name);
    const attributes = URL_ATTRIBUTES[node.tagName];
    if (!attributes) return;
    for (const attribute of attributes) {
      const key = attribute === 'srcset' ? 'srcSet' : attribute;
      const raw = str(node.properties[key]);
      if (raw === undefined || raw === '') continue;
      // A link to a stylesheet or an icon is an asset; rel=preconnect etc. are not fetched as files.
      if (node.tagName === 'link' && !/(stylesheet|icon|manifest|preload)/.test(str(node.properties.rel) ?? '')) continue;
      const urls = attribute === 'srcset' ? raw.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '').filter(Boolean) : [raw];
      for (const url of urls) {
        references.push({
          tag: node.tagName,
          attribute,
          url,
          target: str(node.properties.target),
          rel: (str(node.properties.rel) ?? '').split(/\s+/).filter(Boolean),
          source: str(node.properties.dataScissorsSrc),
          text: textOf(node),
        });
      }
    }
  });
  return { ids, references };
}
