/**
 * Dev: MDX page modules go without a JavaScript source map. @astrojs/mdx makes none in dev (it
 * follows `build.sourcemap`), so the map Vite builds after it (TypeScript transform, then its SSR
 * transform) maps the page's compiled JavaScript onto itself, not onto the .mdx lines. Yet it cost
 * every save of an included file ~15 ms: the SSR transform's fine-grained map of the page's static
 * HTML (one line of tens of KB), its base64 inlining (a 285 KB data URL for /security/) and Node's
 * parse of it when the module runs. Snippet and MDX errors are unaffected: they carry the .mdx
 * file and line from the compiler, not from a map.
 *
 * An empty `mappings` is Rollup's and Vite's "no map for this module": the chain stops there, the
 * SSR transform keeps it, and nothing is inlined. Stack traces through the page still name its file
 * (`sourceURL`), at lines of its served code; with the map they were lines of MDX's compiled code,
 * neither of them the .mdx line.
 */
import type { Plugin } from 'vite';

/** MDX page ids (the page itself, not Astro's `?query` wrappers around it). */
export const MDX_PAGE_ID = /\.mdx$/;

export function mdxDevMapsPlugin(): Plugin {
  return {
    name: 'scissors:mdx-dev-maps',
    apply: 'serve',
    // After every other transform, so no map made before it survives.
    enforce: 'post',
    transform: {
      filter: { id: MDX_PAGE_ID },
      handler(code, id) {
        return { code: `${code}\n//# sourceURL=${id}\n`, map: { mappings: '' } };
      },
    },
  };
}
