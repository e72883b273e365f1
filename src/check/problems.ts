/** What `npm run check` reports: one problem, at the source a maintainer edits. */
import type { SourceLocation } from '../snippets/errors.ts';

export type ProblemCode =
  | 'PAGE_NOT_FOUND'
  | 'ANCHOR_NOT_FOUND'
  | 'ASSET_NOT_FOUND'
  | 'EXTERNAL_BAD_URL'
  | 'EXTERNAL_INSECURE'
  | 'EXTERNAL_DENIED'
  | 'EXTERNAL_BROKEN'
  | 'TARGET_BLANK_NO_NOOPENER'
  | 'BUILD_FAILED'
  | string; // snippet engine codes (SNIPPET_NOT_FOUND, …) pass through unchanged

export interface Problem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  message: string;
  /** Where to fix it: the page or included file, line and column (1-based). */
  location: SourceLocation;
  /** For problems inside included files: page → partial → … */
  chain: SourceLocation[];
  hint?: string;
  /** The built page it was found in (site path), when it came from HTML. */
  page?: string;
}
