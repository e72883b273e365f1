/**
 * scissors.config.ts → the site model (the native reader). Pages live in `content/docs`, URLs
 * are Astro-style slugged ids, Markdown options keep Scissors' defaults.
 */
import path from 'node:path';
import { scissorsOptionsSchema, type ScissorsOptionsInput } from '../integration/options.ts';
import { parseSiteModel, type SiteModel } from './model.ts';

export const NATIVE_DOCS_DIR = 'content/docs';

export function nativeSiteModel(input: ScissorsOptionsInput, configFile: string, outDir?: string): SiteModel {
  const options = scissorsOptionsSchema.parse(input);
  return parseSiteModel({
    reader: 'scissors',
    configFile,
    root: options.root,
    docsDir: path.join(options.root, NATIVE_DOCS_DIR),
    outDir: outDir ? path.resolve(outDir) : path.join(options.root, 'dist'),
    urlStyle: 'slug',
    title: options.siteTitle,
    siteUrl: options.siteUrl,
    repository: options.repository && { ...options.repository, docsPath: NATIVE_DOCS_DIR },
    snippets: options.snippets,
    check: options.check,
  });
}
