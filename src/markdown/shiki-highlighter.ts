/**
 * The build's highlighter: Astro's (`createShikiHighlighter` of @astrojs/markdown-remark, whose
 * `codeToHast` this repeats step for step) on Shiki's JavaScript regex engine instead of
 * Oniguruma's WebAssembly, which was most of Shiki's time in a build (BENCHMARKS.md). Astro
 * gives no way to choose the engine. A language the JavaScript engine cannot compile, or a
 * block it fails on, is highlighted by Astro's own highlighter, so nothing renders differently
 * for want of a regex feature. tests/unit/markdown/shiki-highlighter.test.ts holds the output
 * to Astro's, byte for byte.
 */
import type { ShikiConfig } from '@astrojs/markdown-remark';
import { createShikiHighlighter } from '@astrojs/markdown-remark/shiki';
import type { Root } from 'hast';
import { bundledLanguages, createHighlighter, isSpecialLang, type ShikiTransformer } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

export interface HighlightOptions {
  meta?: string;
  wrap?: boolean | null;
  defaultColor?: ShikiConfig['defaultColor'];
  transformers?: ShikiTransformer[];
}

export interface BuildHighlighter {
  codeToHast(code: string, lang: string, options: HighlightOptions): Promise<Root>;
}

type HighlighterSettings = Pick<ShikiConfig, 'langs' | 'theme' | 'themes' | 'langAlias'>;

/** Astro's `pre`/`line`/`code` transformer (internal-helpers' shiki.js), for block code. */
function astroTransformer(lang: string, resolvedLang: string, wrap: boolean | null | undefined): ShikiTransformer {
  const asString = (value: unknown) => (Array.isArray(value) ? value.join(' ') : (value as string | undefined));
  return {
    pre(node) {
      const classValue = asString(node.properties.class) ?? '';
      const styleValue = asString(node.properties.style) ?? '';
      node.properties.class = classValue.replace(/shiki/g, 'astro-code');
      node.properties.dataLanguage = lang;
      if (wrap === false || wrap === undefined) node.properties.style = `${styleValue}; overflow-x: auto;`;
      else if (wrap === true) node.properties.style = `${styleValue}; overflow-x: auto; white-space: pre-wrap; word-wrap: break-word;`;
    },
    line(node) {
      if (resolvedLang !== 'diff') return;
      const innerSpanNode = node.children[0];
      const innerSpanTextNode = innerSpanNode?.type === 'element' && innerSpanNode.children?.[0];
      if (innerSpanTextNode && innerSpanTextNode.type === 'text') {
        const start = innerSpanTextNode.value[0];
        if (start === '+' || start === '-') {
          innerSpanTextNode.value = innerSpanTextNode.value.slice(1);
          innerSpanNode.children.unshift({ type: 'element', tagName: 'span', properties: { style: 'user-select: none;' }, children: [{ type: 'text', value: start }] });
        }
      }
    },
  };
}

export async function createBuildHighlighter(settings: HighlighterSettings): Promise<BuildHighlighter> {
  const { langs = [], theme = 'github-dark', themes = {}, langAlias = {} } = settings;
  const themeList = Object.values(themes).length ? Object.values(themes) : [theme];
  // Astro's highlighter: for what the JavaScript engine cannot do. Created when first needed.
  let astro: ReturnType<typeof createShikiHighlighter> | undefined;
  const fallback = () => (astro ??= createShikiHighlighter({ langs, theme, themes, langAlias }));
  // Languages the JavaScript engine failed to load: Astro's highlighter takes all their blocks.
  const unsupported = new Set<string>();
  let highlighter: Awaited<ReturnType<typeof createHighlighter>>;
  try {
    // Astro builds the css-variables theme itself: left to it.
    if (theme === 'css-variables' || Object.values(themes).includes('css-variables')) throw new Error('css-variables');
    // `forgiving: false`: a pattern it cannot translate exactly is an error (then the fallback), never a guess.
    highlighter = await createHighlighter({
      langs: ['plaintext', ...langs],
      langAlias: { ...langAlias },
      themes: themeList as never,
      engine: createJavaScriptRegexEngine({ forgiving: false }),
    });
  } catch {
    const shiki = await fallback();
    return { codeToHast: (code, lang, options) => shiki.codeToHast(code, lang, options) };
  }

  return {
    async codeToHast(code, requestedLang = 'plaintext', options) {
      let lang = requestedLang;
      const resolvedLang = langAlias[lang] ?? lang;
      if (unsupported.has(resolvedLang)) return (await fallback()).codeToHast(code, lang, options);
      if (!isSpecialLang(lang) && !highlighter.getLoadedLanguages().includes(resolvedLang)) {
        try {
          await highlighter.loadLanguage(resolvedLang as never);
        } catch {
          if (resolvedLang in bundledLanguages) {
            // A grammar this engine cannot compile: Astro's highlighter takes its blocks.
            unsupported.add(resolvedLang);
            return (await fallback()).codeToHast(code, lang, options);
          }
          // Unknown to Shiki: as Astro does, say so and highlight as plain text.
          const langStr = lang === resolvedLang ? `"${lang}"` : `"${lang}" (aliased to "${resolvedLang}")`;
          console.warn(`[Shiki] The language ${langStr} doesn't exist, falling back to "plaintext".`);
          lang = 'plaintext';
        }
      }
      const themeOptions = Object.values(themes).length ? { themes } : { theme };
      try {
        return highlighter.codeToHast(code.replace(/(?:\r\n|\r|\n)$/, ''), {
          ...(themeOptions as { themes: Record<string, string> }),
          defaultColor: options.defaultColor,
          lang,
          meta: options.meta ? { __raw: options.meta } : undefined,
          transformers: [astroTransformer(lang, resolvedLang, options.wrap), ...(options.transformers ?? [])],
          // No time limit on a line (Shiki's default is 0.5 s): past it the rest of the line is left
          // unhighlighted, so a build's output would depend on how busy the machine was.
          tokenizeTimeLimit: 0,
        });
      } catch {
        // A pattern that compiled but fails on this text: Astro's engine highlights the block.
        return (await fallback()).codeToHast(code, lang, options);
      }
    },
  };
}
