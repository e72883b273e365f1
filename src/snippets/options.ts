import path from 'node:path';
import { lookupCodec } from './encoding.ts';
import type { SnippetErrorCode } from './errors.ts';

/** Options of the snippet engine; names follow pymdownx.snippets in camelCase. */
export interface SnippetOptions {
  /** Absolute directories (or single files) that snippet paths resolve against, first match wins. */
  basePaths: string[];
  /** A missing file or section is an error (true) or a warning and nothing included (false). */
  checkPaths: boolean;
  /** Included files must stay inside a base path, after resolving symlinks. */
  restrictBasePath: boolean;
  /** Text encoding of included files: a Python codec name, as pymdownx takes (utf-8, latin-1, cp1252, utf-16, …). */
  encoding: string;
  /** Files appended to every expanded document as a block snippet. */
  autoAppend: string[];
  /** Dedent line-range and section extracts before indenting them. */
  dedentSubsections: boolean;
  /** Tab width used to expand tabs in a marker's indentation. */
  tabLength: number;
  /** URL includes (`https://…`); off by default because they make builds fetch from the network. */
  urlDownload: boolean;
  /** Host names URL includes may come from; with URL includes on, anything else is refused. */
  urlAllowHosts: string[];
  /** Largest download accepted, in bytes (pymdownx's url_max_size). */
  urlMaxSize: number;
  /** Seconds to wait for a download (pymdownx's url_timeout). */
  urlTimeout: number;
  /** Expected SHA-256 (hex) of a URL's content; a mismatch is an error. */
  urlPins: Record<string, string>;
  /** Where downloads are kept so a rebuild works offline. */
  urlCacheDir: string;
  /** Seconds a cached download is used without asking the network again. */
  urlCacheMaxAge: number;
  /** Extra trusted CA certificates (PEM), for private mirrors and tests. */
  urlCa?: string;
}

export const defaultSnippetOptions: Readonly<Omit<SnippetOptions, 'basePaths' | 'urlCacheDir'>> = Object.freeze({
  checkPaths: true,
  restrictBasePath: true,
  encoding: 'utf-8',
  autoAppend: [],
  dedentSubsections: false,
  tabLength: 4,
  urlDownload: false,
  urlAllowHosts: [],
  urlMaxSize: 32 * 1024 * 1024,
  urlTimeout: 10,
  urlPins: {},
  urlCacheMaxAge: 24 * 60 * 60,
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
  const urlCacheDir = path.resolve(root, partial.urlCacheDir ?? 'node_modules/.cache/scissors/url-snippets');
  const options: SnippetOptions = { ...defaultSnippetOptions, ...partial, basePaths, urlCacheDir };
  for (const [url, pin] of Object.entries(options.urlPins)) {
    if (!/^[0-9a-f]{64}$/i.test(pin)) throw new SnippetOptionsError(`urlPins["${url}"] must be a SHA-256 in hex, got "${pin}".`);
  }
  try {
    lookupCodec(options.encoding);
  } catch (error) {
    throw new SnippetOptionsError(error instanceof Error ? error.message : String(error));
  }
  if (!Number.isInteger(options.tabLength) || options.tabLength < 1) {
    throw new SnippetOptionsError(`tabLength must be a positive integer, got ${String(options.tabLength)}.`);
  }
  return options;
}
