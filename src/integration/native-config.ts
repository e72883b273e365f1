/**
 * The site's Markdown settings as Node itself loads them. Astro loads astro.config through Vite's
 * module runner, where our plugins run about 20 % slower (each use of an imported binding becomes a
 * property read: 4.9 s against 4.1 s for the same 1000 pages, BENCHMARKS.md). The build's loader
 * renders every page with them, so it loads the config once more, natively. A config Node cannot
 * load by itself (Vite-only syntax, aliases) is reported, and the loader uses Astro's copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroUserConfig } from 'astro';

const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.mts', 'astro.config.ts'];

// A dynamic import the module runner does not rewrite, so the module is Node's own.
const importNatively = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

export type NativeMarkdownConfig = { markdown: NonNullable<AstroUserConfig['markdown']> } | { reason: string };

export async function loadMarkdownConfigNatively(root: string): Promise<NativeMarkdownConfig> {
  const file = CONFIG_FILES.map((name) => path.join(root, name)).find((candidate) => fs.existsSync(candidate));
  if (!file) return { reason: `no astro.config file in ${root}` };
  try {
    const loaded = (await importNatively(pathToFileURL(file).href)) as { default?: AstroUserConfig };
    const markdown = loaded.default?.markdown;
    return markdown ? { markdown } : { reason: `${path.basename(file)} has no markdown settings` };
  } catch (error) {
    return { reason: `Node could not load ${path.basename(file)} by itself: ${error instanceof Error ? error.message : String(error)}` };
  }
}
