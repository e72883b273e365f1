/**
 * Snippet inclusion in the Markdown/MDX tree. A marker line on its own becomes the included
 * file parsed as Markdown (never MDX) and spliced in place; marker lines inside a fenced
 * code block are replaced by the file's lines. The text always comes from the engine.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Code, Nodes, Parent, Root, RootContent } from 'mdast';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { directive } from 'micromark-extension-directive';
import { gfm } from 'micromark-extension-gfm';
import type { Processor } from 'unified';
import { walk, SKIP } from './walk.ts';
import type { VFile } from 'vfile';
import { countRender, recordDependencies } from '../integration/dependency-registry.ts';
import { isMkdocsPage } from '../mkdocs/dialect.ts';
import type { SnippetDiagnostic } from '../snippets/errors.ts';
import type { Expansion, LineOrigin, SnippetExpander } from '../snippets/expand.ts';
import { parseMarkerLine, parseSectionMarker } from '../snippets/marker.ts';
import { isUrl, realPathOrResolved } from '../snippets/resolve.ts';
import { copyPlain } from './copy-plain.ts';
import { markIncludedNode, reportSnippetDiagnostics } from './snippet-report.ts';
import { snippetFromMarkdown, snippetSyntax } from './snippet-syntax.ts';

export { SnippetBuildError, type SnippetOrigin } from './snippet-report.ts';

export interface RemarkSnippetsOptions {
  expander: SnippetExpander;
  /** Project root: messages show paths relative to it. */
  root: string;
  /**
   * Throw on snippet errors (the default: a broken include fails the build). `npm run check`
   * turns it off to build every page anyway and report all problems in one run.
   */
  failOnError?: boolean;
  /** Record where included links and images came from (`data-scissors-src`), for the checker. */
  recordSources?: boolean;
}

declare module 'vfile' {
  interface DataMap {
    snippetDependencies: Set<string>;
    snippetDiagnostics: SnippetDiagnostic[];
  }
}

const markdownExtensions = [gfm(), directive()];
const markdownFromExtensions = [gfmFromMarkdown(), directiveFromMarkdown()];

/**
 * Included Markdown parsed before, by text: a file included on many pages is parsed once and
 * copied (a copy is some ten times cheaper than micromark's parse). Bounded like Shiki's cache.
 */
const parsedIncludes = new Map<string, Root>();
let parsedChars = 0;
const MAX_PARSED_CHARS = 2_000_000;


export function parseIncludedMarkdown(text: string): Root {
  let tree = parsedIncludes.get(text);
  if (!tree) {
    tree = fromMarkdown(text, { extensions: markdownExtensions, mdastExtensions: markdownFromExtensions });
    if (parsedChars + text.length > MAX_PARSED_CHARS) {
      parsedIncludes.clear();
      parsedChars = 0;
    }
    if (text.length <= MAX_PARSED_CHARS) {
      parsedIncludes.set(text, tree);
      parsedChars += text.length;
    }
  }
  return copyPlain(tree);
}

function parseIncluded(text: string, origins: LineOrigin[], place: Nodes['position'], recordSources: boolean, root: string): RootContent[] {
  const tree = parseIncludedMarkdown(text);
  walk(tree, (node) => {
    const line = node.position?.start.line;
    const origin = line ? origins[line - 1] : undefined;
    if (origin) markIncludedNode(node, origin, node.position?.start.column ?? 1, { root, recordSources });
    // Point positions at the marker: the page is the file the MDX compiler knows.
    if (place) node.position = place;
    else delete node.position;
  });
  return tree.children;
}

export default function remarkSnippets(this: Processor, options: RemarkSnippetsOptions) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(snippetSyntax());
  (data.fromMarkdownExtensions ??= []).push(snippetFromMarkdown());
  const { expander, root } = options;
  const failOnError = options.failOnError ?? true;
  const recordSources = options.recordSources ?? false;

  return async (tree: Root, file: VFile) => {
    const page = file.path ? path.resolve(file.path) : path.join(root, '<memory>.md');
    if (isMkdocsPage(file)) {
      // remark-mkdocs already ran pymdownx's text stage; a marker left now was escaped: it is text.
      walk(tree, 'snippetMarker', (node, index, parent) => {
        if (!parent || index === undefined) return;
        parent.children.splice(index, 1, { type: 'paragraph', children: [{ type: 'text', value: node.raw.trim() }] } as never);
      });
      countRender(page);
      exposeDependencies(file, file.data.snippetDependencies ?? new Set(), root);
      return;
    }
    const dependencies = new Set<string>();
    // Recorded before expanding, so a page whose snippet is missing still watches for it.
    recordDependencies(page, dependencies);
    countRender(page);
    const diagnostics: SnippetDiagnostic[] = [];
    const source = String(file.value ?? '');
    const sourceLines = source.split(/\r\n|\r|\n/);

    const collect = (expansion: Expansion) => {
      for (const d of expansion.dependencies) dependencies.add(d);
      diagnostics.push(...expansion.diagnostics);
    };

    // 1. Marker lines standing alone: splice the included Markdown.
    const parents: Parent[] = [];
    walk(tree, 'snippetMarker', (_node, _index, parent) => {
      if (parent && !parents.includes(parent)) parents.push(parent);
    });
    for (const parent of parents) {
      const children: RootContent[] = [];
      for (let i = 0; i < parent.children.length; i++) {
        const node = parent.children[i] as RootContent;
        if (node.type !== 'snippetMarker') {
          children.push(node);
          continue;
        }
        const start = node.position?.start ?? { line: 1, column: 1 };
        const marker = parseMarkerLine(node.raw);
        let lines = [node.raw];
        let end = node.position?.end;
        if (marker?.kind === 'block') {
          // The paths between two block markers are plain text to the parser: take them from the source.
          let close = -1;
          for (let j = i + 1; j < parent.children.length; j++) {
            const sibling = parent.children[j] as RootContent;
            if (sibling.type === 'snippetMarker' && parseMarkerLine(sibling.raw)?.kind === 'block') {
              close = j;
              break;
            }
          }
          if (close >= 0) {
            const closeNode = parent.children[close] as RootContent;
            end = closeNode.position?.end;
            const lastLine = end?.line ?? start.line;
            lines = sourceLines.slice(start.line - 1, lastLine).map((l, k) => (k === 0 ? node.raw : l));
            i = close;
          }
        }
        const expansion = await expander.expandLinesAsync(lines, {
          file: page,
          firstLine: start.line,
          columnOffset: start.column - 1,
          dropTrailingEmptyLine: true,
        });
        collect(expansion);
        if (marker?.kind === 'escaped') {
          children.push({ type: 'paragraph', children: [{ type: 'text', value: marker.text.trim() }], position: node.position });
          continue;
        }
        const place = node.position ? { start: node.position.start, end: end ?? node.position.end } : undefined;
        children.push(...parseIncluded(expansion.lines.join('\n'), expansion.origins, place, recordSources, root));
      }
      parent.children = children as Parent['children'];
    }

    // 2. Marker lines inside fenced code: replace them with the file's lines.
    const fences: Code[] = [];
    walk(tree, 'code', (node: Code) => {
      if (node.value.includes('8<')) fences.push(node);
      return SKIP;
    });
    for (const node of fences) {
      const firstLine = (node.position?.start.line ?? 0) + 1;
      const expansion = await expander.expandLinesAsync(node.value.split('\n'), { file: page, firstLine, dropTrailingEmptyLine: true });
      collect(expansion);
      const lines = [...expansion.lines];
      // Like Pygments' stripnl: an include's trailing empty line never shows as a blank last line.
      while (lines.length > 0 && (lines.at(-1) ?? '').trim() === '') lines.pop();
      node.value = lines.join('\n');
      labelIncludedCode(node, expansion.origins, page, expander, root);
    }

    recordDependencies(page, dependencies);
    file.data.snippetDependencies = dependencies;
    exposeDependencies(file, dependencies, root);
    file.data.snippetDiagnostics = diagnostics;
    reportSnippetDiagnostics(file, diagnostics, { root, failOnError });
  };
}

/**
 * Mark a code block whose lines (`origins`, one per line) came from included files: the
 * sources on `node.data` and a `snippet-source` in its meta, which the code frame shows as
 * "included from …". Used by both paths (MDX here, `.md` in remark-mkdocs).
 */
export function labelIncludedCode(node: Code, origins: LineOrigin[], page: string, expander: SnippetExpander, root: string): void {
  const sources = summariseSources(origins, page, (f, from, to) => markerGap(expander, f, from, to)).map((s) => ({ ...s, file: isUrl(s.file) ? s.file : path.relative(root, s.file) }));
  if (sources.length === 0) return;
  (node.data ??= {}).snippetSources = sources;
  // The code frame reads this from the meta string (Shiki sees meta, not mdast data).
  const label = sources.map((s) => describeSource(s, expander)).join('; ').replaceAll('"', "'");
  node.meta = [node.meta, `snippet-source="${label}"`].filter(Boolean).join(' ');
}

/**
 * Contiguous runs of included lines per file, for "where this came from" captions. Section-marker
 * lines are stripped from includes, so a gap made only of them does not break a run.
 */
function summariseSources(
  origins: LineOrigin[],
  page: string,
  isMarkerGap: (file: string, from: number, to: number) => boolean,
): Array<{ file: string; spec: string; startLine: number; endLine: number }> {
  const runs: Array<{ file: string; spec: string; startLine: number; endLine: number }> = [];
  for (const o of origins) {
    if (o.file === page) continue;
    const last = runs.at(-1);
    if (last && last.file === o.file && o.line > last.endLine && (o.line === last.endLine + 1 || isMarkerGap(o.file, last.endLine + 1, o.line - 1))) {
      last.endLine = o.line;
    } else if (!(last && last.file === o.file && o.line <= last.endLine)) {
      runs.push({ file: o.file, spec: '', startLine: o.line, endLine: o.line });
    }
  }
  return runs;
}

function describeSource(source: { file: string; startLine: number; endLine: number }, expander: SnippetExpander): string {
  if (isUrl(source.file)) return source.file;
  let lines: string[] = [];
  try {
    lines = expander.reader.read(path.resolve(expander.options.basePaths[0] ?? '.', source.file), expander.options.encoding);
  } catch {
    lines = [];
  }
  // Section-marker lines are never shown, nor the trailing "" of a newline-terminated file:
  // a run from the first shown line to the last one is the whole file.
  let first = 1;
  let last = lines.at(-1) === '' ? lines.length - 1 : lines.length;
  while (first <= last && parseSectionMarker(lines[first - 1] ?? '')) first++;
  while (last >= first && parseSectionMarker(lines[last - 1] ?? '')) last--;
  const whole = source.startLine <= first && source.endLine >= last;
  return whole ? source.file : `${source.file}#L${source.startLine}-L${source.endLine}`;
}

/** True when lines `from`..`to` (1-based) of `file` are all section-marker lines. */
function markerGap(expander: SnippetExpander, file: string, from: number, to: number): boolean {
  if (isUrl(file)) return false;
  try {
    const lines = expander.reader.read(file, expander.options.encoding);
    for (let n = from; n <= to; n++) if (!parseSectionMarker(lines[n - 1] ?? '')) return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * Astro hands `file.data.astro.frontmatter` to the page as `remarkPluginFrontmatter`: the layout
 * dates the page by its newest included file and links included files to their source.
 */
function exposeDependencies(file: VFile, dependencies: Set<string>, root: string): void {
  const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
  if (!astro) return;
  astro.frontmatter ??= {};
  // Included files by their real paths: a file reached through a symlink is also a dependency by the
  // path it was looked up by (the render cache watches where that leads), listed once, as the file.
  astro.frontmatter.snippetDependencies = [...dependencies]
    .filter((d) => !isUrl(d) && fs.existsSync(d) && realPathOrResolved(d) === d)
    .map((d) => path.relative(root, d))
    .sort();
}
