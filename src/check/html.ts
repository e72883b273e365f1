/**
 * What the checker needs from a built page: its ids, and every reference it makes (links,
 * images, stylesheets, icons, scripts), each with the source position the build recorded.
 * A streaming tokenizer (htmlparser2): no tree is built, so a thousand pages read in a second.
 */
import { Parser } from 'htmlparser2';

export interface Reference {
  tag: string;
  attribute: string;
  url: string;
  target?: string;
  rel: string[];
  /** `file:line:col` from data-scissors-src (check builds only). */
  source?: string;
  /** In the site navigation (`data-scissors-nav`): the same on every page, checked from the site's nav instead. */
  navigation?: boolean;
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

export function pageFacts(html: string): PageFacts {
  const ids = new Set<string>();
  const references: Reference[] = [];
  // Open elements inside the navigation (0: not in it).
  let navDepth = 0;
  const parser = new Parser(
    {
      onclosetag() {
        if (navDepth > 0) navDepth--;
      },
      onopentag(tag, attrs) {
        if (navDepth > 0) navDepth++;
        else if (attrs['data-scissors-nav'] !== undefined) navDepth = 1;
        if (attrs.id) ids.add(attrs.id);
        // <a name="x"> is a legacy anchor target too.
        if (tag === 'a' && attrs.name) ids.add(attrs.name);
        const attributes = URL_ATTRIBUTES[tag];
        if (!attributes) return;
        // A <link> to a stylesheet or an icon is a file; rel=preconnect and friends are not fetched as files.
        if (tag === 'link' && !/(stylesheet|icon|manifest|preload)/.test(attrs.rel ?? '')) return;
        for (const attribute of attributes) {
          const raw = attrs[attribute];
          if (raw === undefined || raw === '') continue;
          const urls = attribute === 'srcset' ? raw.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '').filter(Boolean) : [raw];
          for (const url of urls) {
            references.push({
              tag,
              attribute,
              url,
              target: attrs.target,
              rel: (attrs.rel ?? '').split(/\s+/).filter(Boolean),
              source: attrs['data-scissors-src'],
              navigation: navDepth > 0 || undefined,
            });
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { ids, references };
}
