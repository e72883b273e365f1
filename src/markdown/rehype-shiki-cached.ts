/**
 * Astro's rehype-shiki (same options and replacement rules, Astro's highlighter on Shiki's
 * JavaScript regex engine: shiki-highlighter.ts), with one addition: a
 * code block this processor has highlighted before — same language, meta and code — is copied
 * instead of highlighted again. Snippets exist to put the same file on many pages, and Shiki is
 * the largest cost of a build (BENCHMARKS.md). The build's loader uses it, and `astro dev` in place
 * of Astro's (dev-highlighting.ts: a save re-renders the page); the output is byte-identical to
 * Astro's (tests/build/static-render.test.ts, tests/unit/integration/dev-highlighting.test.ts).
 */
import { defaultExcludeLanguages } from '@astrojs/internal-helpers/markdown';
import type { ShikiConfig } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root } from 'hast';
import { toHtml, type Options as ToHtmlOptions } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { cloneHast } from './clone-hast.ts';
import { hasCodeMarkers } from './code-annotations.ts';
import { isHighlightedCode } from './highlighted-code.ts';
import { createBuildHighlighter, type BuildHighlighter } from './shiki-highlighter.ts';
import { walk } from './walk.ts';

const LANGUAGE = /\blanguage-(\S+)\b/;
/**
 * Code kept in the cache at most, in characters (its highlighted tree is some 50 bytes a
 * character): past it the cache starts again, so a site of many large distinct blocks costs
 * no more memory than this, only the highlighting it would have done anyway.
 */
const MAX_CACHED_CHARS = 2_000_000;

function languageOf(code: Element): string {
  const { className } = code.properties;
  const classes = typeof className === 'string' ? [className] : Array.isArray(className) ? className : [];
  for (const name of classes) {
    if (typeof name !== 'string') continue;
    const match = LANGUAGE.exec(name);
    if (match?.[1]) return match[1];
  }
  return 'plaintext';
}

export interface ShikiCacheOptions {
  /**
   * The options the processor's stringifier serialises with. When given, a block served from the
   * cache carries its highlighted lines as the HTML they serialise to (one `raw` node in each
   * `<pre class="astro-code">`), not as a tree: copying and serialising thousands of spans again
   * on every page that includes the same file was most of such a page's render. Only for
   * processors whose later plugins leave highlighted code alone (they skip it) and that do not
   * re-parse raw HTML after Shiki; blocks with code annotations stay trees (their plugin rewrites them).
   */
  serialiseWith?: ToHtmlOptions;
}

interface CachedBlock {
  tree: ElementContent;
  /** `tree` with its highlighted lines serialised, made on the block's first reuse. */
  serialised?: ElementContent;
}

/** A copy of `node` whose highlighted `<pre>`s hold their content as one raw node. */
function withSerialisedCode(node: ElementContent, options: ToHtmlOptions): ElementContent {
  // Annotations flag the code frame or the <pre>: such a block is rewritten later, all of it a tree.
  if (node.type !== 'element' || hasCodeMarkers(node)) return cloneHast(node);
  if (isHighlightedCode(node)) {
    const copy: Element = cloneHast<Element>({ ...node, children: [] });
    copy.children = [{ type: 'raw', value: toHtml(node.children, options) } as unknown as ElementContent];
    return copy;
  }
  const copy: Element = cloneHast<Element>({ ...node, children: [] });
  copy.children = node.children.map((child) => withSerialisedCode(child, options));
  return copy;
}

export default function rehypeShikiCached(config: ShikiConfig, options: ShikiCacheOptions = {}) {
  let highlighter: Promise<BuildHighlighter> | undefined;
  const cache = new Map<string, CachedBlock>();
  let cachedChars = 0;
  return async (tree: Root) => {
    highlighter ??= createBuildHighlighter({ langs: config.langs, theme: config.theme, themes: config.themes, langAlias: config.langAlias });
    const shiki = await highlighter;
    const blocks: Array<{ code: Element; language: string; pre: Element; container: Element | Root }> = [];
    // Astro's rule: a `<code>` that is the only child of a `<pre>`.
    walk(tree, { type: 'element', tagName: 'pre' }, (node, _index, parent) => {
      const pre = node as Element;
      const code = pre.children[0];
      if (pre.children.length !== 1 || code?.type !== 'element' || code.tagName !== 'code' || !parent) return;
      const language = languageOf(code);
      if (defaultExcludeLanguages.includes(language)) return;
      blocks.push({ code, language, pre, container: parent as Element | Root });
    });
    for (const { code, language, pre, container } of blocks) {
      const meta = (code.data as { meta?: string } | undefined)?.meta ?? (code.properties.metastring as string | undefined) ?? undefined;
      const text = toText(code, { whitespace: 'pre' });
      const key = `${language}\u0000${meta ?? ''}\u0000${text}`;
      const cached = cache.get(key);
      let replacement: ElementContent;
      if (cached) {
        if (options.serialiseWith) {
          cached.serialised ??= withSerialisedCode(cached.tree, options.serialiseWith);
          replacement = cloneHast(cached.serialised);
        } else replacement = cloneHast(cached.tree);
      } else {
        const result = await shiki.codeToHast(text, language, { meta, wrap: config.wrap, defaultColor: config.defaultColor, transformers: config.transformers });
        replacement = result.children[0] as ElementContent;
        if (cachedChars + text.length > MAX_CACHED_CHARS) {
          cache.clear();
          cachedChars = 0;
        }
        if (text.length <= MAX_CACHED_CHARS) {
          cache.set(key, { tree: cloneHast(replacement) });
          cachedChars += text.length;
        }
      }
      container.children[container.children.indexOf(pre)] = replacement;
    }
  };
}
