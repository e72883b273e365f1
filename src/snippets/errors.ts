/**
 * Snippet diagnostics are values: a code, a message that says what to do, the marker's
 * location and the include chain that led there. The build, the dev overlay and the CLI
 * all print them through `formatDiagnostic`, so every surface says the same thing.
 */

export type SnippetErrorCode =
  | 'SNIPPET_NOT_FOUND'
  | 'SECTION_NOT_FOUND'
  | 'SECTION_EMPTY'
  | 'OUTSIDE_BASE_PATH'
  | 'INCLUDE_CYCLE'
  | 'URL_DISABLED'
  | 'URL_NOT_ALLOWED'
  | 'URL_FETCH_FAILED'
  | 'URL_TOO_LARGE'
  | 'URL_HASH_MISMATCH'
  | 'BAD_RANGE'
  | 'BAD_MARKER'
  | 'BAD_SECTION_MARKER'
  | 'UNCLOSED_BLOCK'
  | 'DECODE_FAILED'
  | 'NOT_A_FILE'
  | 'READ_FAILED'
  | 'BAD_OPTION';

export type Severity = 'error' | 'warning';

/** A place in a source file; line and column are 1-based, as editors show them. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface SnippetDiagnostic {
  code: SnippetErrorCode;
  severity: Severity;
  message: string;
  /** What the author can do about it. */
  hint?: string;
  /** Where the offending marker (or line) is. */
  location: SourceLocation;
  /** Markers that led here, outermost (the page) first; the last one is `location`. */
  chain: SourceLocation[];
  /** Absolute paths that were tried while resolving, in order. */
  tried: string[];
  /** The path spec as written in the marker, when there is one. */
  spec?: string;
}

/** Thrown where a caller wants an exception (the CLI, the remark plugin on errors). */
export class SnippetError extends Error implements SnippetDiagnostic {
  readonly code: SnippetErrorCode;
  readonly severity: Severity;
  readonly hint?: string;
  readonly location: SourceLocation;
  readonly chain: SourceLocation[];
  readonly tried: string[];
  readonly spec?: string;

  constructor(diagnostic: SnippetDiagnostic) {
    super(diagnostic.message);
    this.name = 'SnippetError';
    this.code = diagnostic.code;
    this.severity = diagnostic.severity;
    this.hint = diagnostic.hint;
    this.location = diagnostic.location;
    this.chain = diagnostic.chain;
    this.tried = diagnostic.tried;
    this.spec = diagnostic.spec;
  }
}

export function formatLocation(location: SourceLocation, relativeTo?: (file: string) => string): string {
  const file = relativeTo ? relativeTo(location.file) : location.file;
  return `${file}:${location.line}:${location.column}`;
}

/**
 * One diagnostic as readable text:
 *   content/docs/security.mdx:17:1 SNIPPET_NOT_FOUND Snippet "SECURTY.md" could not be found.
 *     include chain: content/docs/security.mdx:17:1
 *     tried: /repo/SECURTY.md
 *     hint: …
 */
export function formatDiagnostic(d: SnippetDiagnostic, relativeTo?: (file: string) => string): string {
  const lines = [`${formatLocation(d.location, relativeTo)} ${d.severity} ${d.code}: ${d.message}`];
  if (d.chain.length > 0) {
    lines.push(`  include chain: ${d.chain.map((c) => formatLocation(c, relativeTo)).join(' → ')}`);
  }
  if (d.tried.length > 0) {
    lines.push(`  tried: ${d.tried.map((t) => (relativeTo ? relativeTo(t) : t)).join(', ')}`);
  }
  if (d.hint) lines.push(`  hint: ${d.hint}`);
  return lines.join('\n');
}
