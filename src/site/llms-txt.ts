/**
 * llms.txt and llms-full.txt (the mkdocs-llmstxt plugin's `sections`): an index of the chosen
 * pages with their URLs, and their full Markdown with snippets expanded, for language models.
 */
import fs from 'node:fs';
import path from 'node:path';
import { splitFrontMatter } from '../markdown/front-matter.ts';
import { SnippetExpander } from '../snippets/expand.ts';
import { resolveSnippetOptions } from '../snippets/options.ts';
import { siteBase } from './astro-settings.ts';
import type { SiteModel } from './model.ts';
import { sitePages } from './pages.ts';
import { pageTitle } from './titles.ts';

export function writeLlmsTxt(site: SiteModel): string[] {
  if (!site.llmsTxt) return [];
  const pages = sitePages(site);
  // Absolute URLs when the site has one (its path is the base), site-relative otherwise.
  const origin = site.siteUrl ? new URL(site.siteUrl).origin : '';
  const base = siteBase(site.siteUrl);
  const expander = new SnippetExpander(resolveSnippetOptions(site.root, { ...site.snippets, checkPaths: false }));
  const index: string[] = [`# ${site.title}`, ''];
  if (site.description) index.push(`> ${site.description}`, '');
  if (site.llmsTxt.description) index.push(site.llmsTxt.description.trim(), '');
  const full: string[] = [...index];
  for (const [section, sources] of Object.entries(site.llmsTxt.sections)) {
    index.push(`## ${section}`, '');
    for (const pattern of sources) {
      const matching = pages.pages.filter((p) => p.source === pattern || path.matchesGlob(p.source, pattern));
      for (const page of matching) {
        const url = `${origin}${base}${page.url.slice(1)}`;
        const title = pageTitle(site.docsDir, page.source);
        index.push(`- [${title}](${url})`);
        const text = fs.readFileSync(path.join(site.docsDir, page.source), 'utf8');
        const { body } = splitFrontMatter(text);
        const expanded = expander.expandDocument(body, path.join(site.docsDir, page.source));
        const markdown = expanded.lines.join('\n').trim();
        // The page's own level-one heading is its title; otherwise the title heads its text.
        const ownHeading = /^#[ \t]/.test(markdown);
        full.push(...(ownHeading ? [] : [`# ${title}`, '']), `Source: ${url}`, '', markdown, '');
      }
    }
    index.push('');
  }
  fs.writeFileSync(path.join(site.outDir, 'llms.txt'), `${index.join('\n').trim()}\n`);
  fs.writeFileSync(path.join(site.outDir, site.llmsTxt.fullOutput), `${full.join('\n').trim()}\n`);
  return ['llms.txt', site.llmsTxt.fullOutput];
}
