/**
 * What both snippet stages (remark-snippets for MDX, remark-mkdocs for `.md`) do with their
 * results: report diagnostics the same way, and mark nodes that came from an included file.
 */
import path from 'node:path';
import type { Nodes } from 'mdast';
import type { VFile } from 'vfile';
import { formatDiagnostic, type SnippetDiagnostic } from '../snippets/errors.ts';
import type { LineOrigin } from '../snippets/expand.ts';

/** Where an included node came from, kept on `node.data` for source links and the checker. */
export interface SnippetOrigin {
  file: string;
  line: number;
}

declare module 'unist' {
  interface Data {
    snippetOrigin?: SnippetOrigin;
    /** On code blocks filled from files: the files and line ranges shown. */
    snippetSources?: Array<{ file: string; spec: string; startLine: number; endLine: number }>;
  }
}

/** An Error shaped for Astro's overlay (`loc`, `hint`) that carries every snippet diagnostic. */
export class SnippetBuildError extends Error {
  readonly loc: { file: string; line: number; column: number };
  /** Read by Astro's MDX plugin, which rebuilds `loc` from these. */
  readonly line: number;
  readonly column: number;
  readonly hint?: string;
  readonly diagnostics: SnippetDiagnostic[];
  constructor(diagnostics: SnippetDiagnostic[], root: string) {
    const rel = (f: string) => path.relative(root, f) || f;
    super(diagnostics.map((d) => formatDiagnostic(d, rel)).join('\n\n'));
    this.name = 'SnippetError';
    const first = diagnostics[0];
    const page = first?.chain[0] ?? first?.location;
    this.loc = { file: page?.file ?? '', line: page?.line ?? 0, column: page?.column ?? 0 };
    this.line = this.loc.line;
    this.column = this.loc.column;
    this.hint = first?.hint;
    this.diagnostics = diagnostics;
  }
}

/**
 * Warnings (and, when the build keeps going, errors) become vfile messages at the page's marker
 * and a console line; errors otherwise fail the build with all of them in one message.
 */
export function reportSnippetDiagnostics(file: VFile, diagnostics: SnippetDiagnostic[], options: { root: string; failOnError: boolean }): void {
  const rel = (f: string) => path.relative(options.root, f) || f;
  for (const d of diagnostics) {
    if (d.severity === 'error' && options.failOnError) continue;
    const at = d.chain[0] ?? d.location;
    file.message(formatDiagnostic(d, rel), { place: { line: at.line, column: at.column }, ruleId: d.code, source: 'scissors-snippets' }).fatal = false;
    console.warn(`[scissors] ${formatDiagnostic(d, rel)}`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 && options.failOnError) throw new SnippetBuildError(errors, options.root);
}

const SOURCE_TYPES = new Set(['link', 'image', 'linkReference', 'imageReference', 'textDirective']);

/**
 * Mark a node that came from an included file: its origin, and for links and images (check
 * builds only) the `data-scissors-src` the checker reads.
 */
export function markIncludedNode(node: Nodes, origin: LineOrigin, column: number, options: { root: string; recordSources: boolean }): void {
  (node.data ??= {}).snippetOrigin = { file: origin.file, line: origin.line };
  if (!options.recordSources || !SOURCE_TYPES.has(node.type)) return;
  const data = node.data as { hProperties?: Record<string, unknown> };
  data.hProperties = { ...data.hProperties, dataScissorsSrc: `${path.relative(options.root, origin.file)}:${origin.line}:${column}` };
}
