import path from 'node:path';
import type { SnippetErrorCode } from './errors.ts';

/** Options of the snippet engine; names follow pymdownx.snippets in camelCase. */
export interface SnippetOptions {
  /** Absolute directories (or single files) that snippet paths resolve against, first match wins. */
  basePaths: string[];
  /** A missing file or section is an error (true) or a warning and nothing included (false). */
  checkPaths: boolean;
  /** Included files must stay inside a base path, after resolving symlinks. */
  restrictBasePath: boolean;
  /** Text encoding of included files (a WHATWG label: utf-8, latin1, utf-16le, …). */
  encoding: string;
  /** Files appended to every expanded document as a block snippet. */
  autoAppend: string[];
  /** Dedent line-range and section extracts before indenting them. */
  dedentSubsections: boolean;
  /** Tab width used to expand tabs in a marker's indentation. */
  tabLength: number;
  /** URL includes (`https://…`); off by default because they make builds fetch from the network. */
  urlDownload: boolean;
}

export const defaultSnippetOptions: Readonly<Omit<SnippetOptions, 'basePaths'>> = Object.freeze({
  checkPaths: true,
  restrictBasePath: true,
  encoding: 'utf-8',
  autoAppend: [],
  dedentSubsections: false,
  tabLength: 4,
  urlDownload: false,
});

export class SnippetOptionsError extends Error {
  readonly code: SnippetErrorCode = 'BAD_OPTION';
}

/** Fill defaults and make base paths absolute against `root`. */
export function resolveSnippetOptions(
  root: string,
  partial: Partial<SnippetOptions> = {},
): SnippetOptions {
  const basePaths = (partial.basePaths && partial.basePaths.length > 0 ? partial.basePaths : ['.']).map((b) =>
    path.resolve(root, b),
  );
  const options: SnippetOptions = { ...defaultSnippetOptions, ...partial, basePaths };
  try {
    new TextDecoder(options.encoding);
  } catch {
    throw new SnippetOptionsError(`Unknown encoding "${options.encoding}" in snippet options.`);
  }
  if (!Number.isInteger(options.tabLength) || options.tabLength < 1) {
    throw new SnippetOptionsError(`tabLength must be a positive integer, got ${String(options.tabLength)}.`);
  }
  return options;
}
