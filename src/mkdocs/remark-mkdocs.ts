/**
 * `.md` pages are read as MkDocs Material wrote them: snippets are expanded on the raw text
 * first (pymdownx's text stage, so markers work inside fences, lists, admonitions and tabs with
 * their indentation), then the dialect is converted to Scissors' directives, then parsed.
 * Positions are mapped back to the page (or the included file) so messages point at the source.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { walk } from '../markdown/walk.ts';
import type { VFile } from 'vfile';
import { recordDependencies } from '../integration/dependency-registry.ts';
import { markIncludedNode, reportSnippetDiagnostics } from '../markdown/snippet-report.ts';
import { labelIncludedCode } from '../markdown/remark-snippets.ts';
import type { SnippetExpander } from '../snippets/expand.ts';
import { splitFrontMatter } from '../markdown/front-matter.ts';
import { convertMkdocs } from './convert.ts';
import { isMkdocsPage } from './dialect.ts';

export interface RemarkMkdocsOptions {
  expander: SnippetExpander;
  root: string;
  failOnError?: boolean;
  recordSources?: boolean;
}


/**
 * Python-Markdown links only what is written as a link: a bare `https://…` in text stays text
 * (GFM's autolink literals are not part of MkDocs' dialect unless magiclink is on).
 */
function unlinkBareUrls(tree: Root, text: string): void {
  walk(tree, 'link', (node, index, parent) => {
    const start = node.position?.start.offset;
    if (start === undefined || !parent || index === undefined) return;
    const first = text[start];
    if (first === '[' || first === '<') return;
    parent.children.splice(index, 1, ...(node.children as typeof parent.children));
    return index;
  });
}

export default function remarkMkdocs(this: Processor, options: RemarkMkdocsOptions) {
  const parse = this.parser;
  if (!parse) throw new Error('remark-mkdocs must come after remark-parse');
  const { expander, root } = options;
  const failOnError = options.failOnError ?? true;
  const rel = (f: string) => path.relative(root, f) || f;

  this.parser = (document: string, file: VFile): Root => {
    if (!isMkdocsPage(file)) return parse(document, file) as Root;
    const page = path.resolve(file.path);
    // Front matter (if Astro left it in) keeps its lines so numbers stay right.
    const { body: markdown, lineCount } = splitFrontMatter(document);
    const body = `${'\n'.repeat(lineCount)}${markdown}`;

    const expansion = expander.expandDocument(body, page);
    // The parser hook is synchronous, so downloads cannot happen here: say so instead of leaving a gap.
    const bodyLines = body.split('\n');
    for (const url of expansion.pendingUrls) {
      const line = bodyLines.findIndex((l) => l.includes(url)) + 1 || 1;
      expansion.diagnostics.push({
        code: 'URL_NOT_ALLOWED',
        severity: 'error',
        message: `URL snippet "${url}" cannot be included in a .md page: URL includes work in MDX pages only.`,
        hint: 'Move the page to MDX (npm run migrate), or copy the file into the repository.',
        location: { file: page, line, column: 1 },
        chain: [{ file: page, line, column: 1 }],
        tried: [],
        spec: url,
      });
    }
    file.data.snippetDependencies = recordDependencies(page, expansion.dependencies);
    file.data.snippetDiagnostics = expansion.diagnostics;
    reportSnippetDiagnostics(file, expansion.diagnostics, { root, failOnError });

    const converted = convertMkdocs(expansion.lines.join('\n'));
    const originOf = (outputLine: number) => {
      const expandedLine = converted.lineMap[outputLine - 1] ?? 0;
      return expandedLine > 0 ? expansion.origins[expandedLine - 1] : undefined;
    };
    for (const w of converted.warnings) {
      // What MkDocs renders the same way is the checker's to report, not every build's.
      if (w.lint) continue;
      const origin = expansion.origins[w.line - 1];
      const where = origin ? `${rel(origin.file)}:${origin.line}` : rel(page);
      file.message(`${where} ${w.message}`, { place: origin?.file === page ? { line: origin.line, column: 1 } : undefined, ruleId: 'mkdocs-dialect', source: 'scissors' }).fatal = false;
      console.warn(`[scissors] ${where} warning MKDOCS_DIALECT: ${w.message}`);
    }

    const tree = parse(converted.text, file) as Root;
    unlinkBareUrls(tree, converted.text);
    // A code block filled from included files says where from, as in MDX pages ("included from …").
    const convertedLines = converted.text.split('\n');
    walk(tree, 'code', (node) => {
      const start = node.position?.start.line;
      if (!start) return;
      const fenced = /^[ \t>]*(?:`{3,}|~{3,})/.test(convertedLines[start - 1] ?? '');
      const first = fenced ? start + 1 : start;
      const origins = node.value.split('\n').flatMap((_, k) => originOf(first + k) ?? []);
      labelIncludedCode(node, origins, page, expander, root);
    });
    // Like Pygments' stripnl in MkDocs: blank lines at either end of a code block are not shown
    // (an included file's trailing empty line would otherwise be one).
    walk(tree, 'code', (node) => {
      node.value = node.value.replace(/^(?:[ \t]*\n)+/, '').replace(/(?:\n[ \t]*)+$/, '');
    });
    walk(tree, (node) => {
      const start = node.position?.start;
      if (!start) return;
      const origin = originOf(start.line);
      if (!origin) {
        delete node.position;
        return;
      }
      if (origin.file === page) {
        node.position = { start: { line: origin.line, column: start.column }, end: { line: origin.line, column: start.column } };
      } else {
        markIncludedNode(node, origin, start.column, { root, recordSources: options.recordSources ?? false });
        delete node.position;
      }
    });
    return tree;
  };
}
