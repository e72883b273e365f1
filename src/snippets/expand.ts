/**
 * The text stage: marker lines are replaced by the (recursively expanded, indented) lines of
 * the files they name. Pure TypeScript over node:fs, shared by the remark plugin, the CLI,
 * the dev watcher and the checker.
 */
import path from 'node:path';
import {
  SnippetError,
  type SnippetDiagnostic,
  type SnippetErrorCode,
  type SourceLocation,
} from './errors.ts';
import { explainNearMiss, expandTabs, parseMarkerLine, parseSectionMarker, pyStrip } from './marker.ts';
import type { SnippetOptions } from './options.ts';
import { decodeBytes } from './encoding.ts';
import { DecodeError, FileReader, splitLines } from './read.ts';
import { isUrl, realPathOrResolved, resolveSnippetPath } from './resolve.ts';
import { urlPolicyError, UrlStore } from './url.ts';
import { BadRangeError, dedent, parsePathSpec, rangeIndexes, type PathSpec } from './select.ts';

/** Where an output line came from: a file and a 1-based line in it. */
export interface LineOrigin {
  file: string;
  line: number;
}

export interface Expansion {
  lines: string[];
  /** One per output line; the source map used to point messages into included files. */
  origins: LineOrigin[];
  /** Every file the text depends on: included files (real paths) and, for missing ones, where they were looked for. */
  dependencies: Set<string>;
  /** The subset of dependencies that did not exist when expanded. */
  missing: Set<string>;
  /** URLs the text needs that were not downloaded yet (see `expandLinesAsync`). */
  pendingUrls: Set<string>;
  /** Each successful include: the file (or URL) and the markers that led to it, outermost first. */
  includes: Array<{ file: string; chain: SourceLocation[] }>;
  diagnostics: SnippetDiagnostic[];
}

export interface ExpandContext {
  /** The file the lines belong to (absolute). */
  file: string;
  /** Line number of `lines[0]` in that file. */
  firstLine?: number;
  /** Extra column offset of the lines (for text taken from the middle of a line). */
  columnOffset?: number;
  /** Remove section-marker lines (pymdownx does this for pages and whole included files). */
  stripSectionMarkers?: boolean;
  /** Markers that led to this text, outermost first. */
  chain?: SourceLocation[];
  /**
   * Drop the empty last element a newline-terminated file adds (pymdownx ≥ 10.13 keeps it).
   * On for our MDX pages, where it would show as a stray blank line inside a code block.
   */
  dropTrailingEmptyLine?: boolean;
}

interface Frame {
  file: string;
  origins: LineOrigin[];
  chain: SourceLocation[];
  /** Real paths of the files being included, to catch cycles. */
  stack: string[];
  stripSectionMarkers: boolean;
  dropTrailingEmptyLine: boolean;
  /** Text downloaded from a URL: only URL markers are followed in it (as upstream). */
  fromUrl: boolean;
}

export class SnippetExpander {
  readonly options: SnippetOptions;
  readonly reader: FileReader;
  readonly urls: UrlStore;

  constructor(options: SnippetOptions, reader: FileReader = new FileReader(), urls: UrlStore = new UrlStore(options)) {
    this.options = options;
    this.reader = reader;
    this.urls = urls;
  }

  /** `expandDocument`, downloading URL includes (when allowed) between passes. */
  async expandDocumentAsync(text: string, file: string): Promise<Expansion> {
    return this.untilSettled(() => this.expandDocument(text, file));
  }

  /** `expandLines`, downloading URL includes (when allowed) between passes. */
  async expandLinesAsync(lines: string[], ctx: ExpandContext): Promise<Expansion> {
    return this.untilSettled(() => this.expandLines(lines, ctx));
  }

  private async untilSettled(expand: () => Expansion): Promise<Expansion> {
    let result = expand();
    // Each pass can reveal URLs nested in downloaded text; the depth is bounded like any nesting.
    for (let pass = 0; pass < 16 && result.pendingUrls.size > 0; pass++) {
      await this.urls.fetchAll(result.pendingUrls);
      result = expand();
    }
    return result;
  }

  /** Expand a whole document (a page), auto_append included. */
  expandDocument(text: string, file: string): Expansion {
    const lines = text === '' ? [] : text.split(/\r\n|\r|\n/);
    const pageLines = lines.length;
    // A file appended to every page is not appended to itself (rendered on its own, it would be a cycle).
    const own = path.resolve(file);
    const appended = this.options.autoAppend.filter((spec) => !this.options.basePaths.some((base) => path.resolve(base, spec) === own));
    if (appended.length === 0) return this.expandLines(lines, { file, stripSectionMarkers: true });
    lines.push(...`\n\n-8<-\n${appended.join('\n\n')}\n-8<-\n`.split('\n'));
    const result = this.expandLines(lines, { file, stripSectionMarkers: true });
    // The appended lines are not in the page: their diagnostics point at the page's last line
    // and say they come from autoAppend, rather than at a line the file does not have.
    const end = (loc: SourceLocation): SourceLocation =>
      loc.file === file && loc.line > pageLines ? { file, line: Math.max(1, pageLines), column: 1 } : loc;
    for (const d of result.diagnostics) {
      const first = d.chain[0] ?? d.location;
      if (first.file !== file || first.line <= pageLines) continue;
      d.chain = d.chain.map(end);
      d.location = d.chain.at(-1) ?? end(d.location);
      d.message = `${d.message} (autoAppend, added at the end of the page)`;
    }
    result.origins = result.origins.map((o) => (o.file === file && o.line > pageLines ? { file, line: Math.max(1, pageLines) } : o));
    return result;
  }

  /** Expand some lines of `ctx.file` (for example a code fence's body or one marker line). */
  expandLines(lines: string[], ctx: ExpandContext): Expansion {
    const firstLine = ctx.firstLine ?? 1;
    const result: Expansion = {
      lines: [],
      origins: [],
      dependencies: new Set(),
      missing: new Set(),
      pendingUrls: new Set(),
      includes: [],
      diagnostics: [],
    };
    const origins = lines.map((_, i) => ({ file: ctx.file, line: firstLine + i }));
    const columnOffset = ctx.columnOffset ?? 0;
    this.parse(lines, {
      file: ctx.file,
      origins,
      chain: ctx.chain ?? [],
      // Included files are on the stack by real path, so the page is too (a page reached through a symlink).
      stack: [realPathOrResolved(ctx.file)],
      stripSectionMarkers: ctx.stripSectionMarkers ?? false,
      dropTrailingEmptyLine: ctx.dropTrailingEmptyLine ?? false,
      fromUrl: false,
    }, result, columnOffset);
    return result;
  }

  private parse(lines: string[], frame: Frame, out: Expansion, columnOffset = 0): void {
    let inBlock = false;
    let blockStart: SourceLocation | undefined;
    lines.forEach((line, index) => {
      const origin = frame.origins[index] ?? { file: frame.file, line: index + 1 };
      const at = (column: number): SourceLocation => ({ file: origin.file, line: origin.line, column: column + columnOffset });
      const marker = parseMarkerLine(line);
      if (marker?.kind === 'escaped') {
        out.lines.push(marker.text);
        out.origins.push(origin);
        return;
      }
      if (marker?.kind === 'block') {
        inBlock = !inBlock;
        blockStart = inBlock ? at(marker.indent.length + 1) : undefined;
        return;
      }
      if (marker?.kind === 'inline') {
        // Upstream drops an inline marker directly inside a block.
        if (inBlock) return;
        this.include(marker.spec, expandTabs(marker.indent, this.options.tabLength), at(marker.indent.length + 1), frame, out);
        return;
      }
      if (inBlock) {
        const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
        const spec = pyStrip(line);
        if (spec === '') {
          out.lines.push('');
          out.origins.push(origin);
          return;
        }
        this.include(spec, expandTabs(indent, this.options.tabLength), at(indent.length + 1), frame, out);
        return;
      }
      // Ordinary text.
      const nearMiss = explainNearMiss(line);
      if (nearMiss) {
        this.report(out, 'BAD_MARKER', 'warning', `This line looks like a snippet marker but is kept as text: ${nearMiss}.`, at(1), frame, {
          hint: 'Write it as --8<-- "path" with nothing after the closing quote, or escape it as ;--8<-- to show it as text.',
        });
      }
      if (frame.stripSectionMarkers) {
        const section = parseSectionMarker(line);
        if (section) {
          if (section.escaped) {
            out.lines.push(section.unescaped);
            out.origins.push(origin);
          }
          return;
        }
      }
      out.lines.push(line);
      out.origins.push(origin);
    });
    if (inBlock && blockStart) {
      this.report(out, 'UNCLOSED_BLOCK', this.severity(), 'A block snippet marker was opened and never closed: every following line was read as a path.', blockStart, frame, {
        hint: 'Close the block with a second marker line (--8<--) after the list of paths.',
      });
    }
  }

  private severity(): 'error' | 'warning' {
    return this.options.checkPaths ? 'error' : 'warning';
  }

  private report(
    out: Expansion,
    code: SnippetErrorCode,
    severity: 'error' | 'warning',
    message: string,
    location: SourceLocation,
    frame: Frame,
    extra: { hint?: string; tried?: string[]; spec?: string } = {},
  ): void {
    out.diagnostics.push({
      code,
      severity,
      message,
      hint: extra.hint,
      location,
      chain: [...frame.chain, location],
      tried: extra.tried ?? [],
      spec: extra.spec,
    });
  }

  /** One path spec at one marker: resolve, read, select, recurse, indent. */
  private include(rawSpec: string, indent: string, at: SourceLocation, frame: Frame, out: Expansion): void {
    if (rawSpec.startsWith(';')) return; // a commented-out path
    const spec = parsePathSpec(rawSpec);
    const report = (code: SnippetErrorCode, severity: 'error' | 'warning', message: string, extra: { hint?: string; tried?: string[] } = {}) =>
      this.report(out, code, severity, message, at, frame, { ...extra, spec: rawSpec });

    if (spec.file === '') {
      report('SNIPPET_NOT_FOUND', this.severity(), `Snippet "${rawSpec}" names no file.`, {
        hint: 'Put a path before the range or section, e.g. --8<-- "file.md:3:8".',
      });
      return;
    }
    let lines: string[];
    let file: string;
    if (isUrl(spec.file)) {
      const url = spec.file;
      const policy = urlPolicyError(url, this.options);
      if (policy) {
        // With URL includes off pymdownx reads the URL as a local path that is not there: an
        // error under check_paths, nothing at all without it. URL_NOT_ALLOWED is our own policy.
        report(policy.code, policy.code === 'URL_DISABLED' ? this.severity() : 'error', policy.message, {
          hint: policy.code === 'URL_DISABLED'
            ? 'Copy the file into the repository, or turn on urlDownload in the snippet options (with urlAllowHosts).'
            : 'URL includes must be https and come from a host listed in urlAllowHosts.',
        });
        return;
      }
      const fetched = this.urls.get(url);
      if (!fetched) {
        out.pendingUrls.add(url);
        return;
      }
      if (!fetched.ok) {
        const severity = fetched.code === 'URL_FETCH_FAILED' ? this.severity() : 'error';
        report(fetched.code, severity, fetched.message, {
          hint: fetched.code === 'URL_HASH_MISMATCH' ? 'The content changed: review it, then update the pin in urlPins.' : undefined,
        });
        return;
      }
      if (fetched.stale) report('URL_FETCH_FAILED', 'warning', `${fetched.stale} Using the cached copy.`);
      if (frame.stack.includes(url)) {
        report('INCLUDE_CYCLE', this.severity(), `Including "${url}" here would loop.`);
        return;
      }
      try {
        lines = splitDecoded(fetched.bytes, this.options.encoding);
      } catch (error) {
        report('DECODE_FAILED', 'error', `URL snippet "${url}" is not valid ${this.options.encoding}: ${error instanceof Error ? error.message : String(error)}.`);
        return;
      }
      file = url;
    } else {
      if (frame.fromUrl) {
        // Downloaded text may not reach into the local disk.
        report('URL_NOT_ALLOWED', 'warning', `Local snippet "${spec.file}" inside downloaded text was ignored: only URL includes are followed there.`);
        return;
      }
      const resolved = this.resolveLocal(spec, report, out);
      if (!resolved) return;
      file = resolved;
      if (frame.stack.includes(file)) {
        const cycle = [...frame.stack, file].map((f) => path.basename(f)).join(' → ');
        report('INCLUDE_CYCLE', this.severity(), `Including "${spec.file}" here would loop: ${cycle}.`, {
          hint: 'A file may not include itself, directly or through another file.',
        });
        return;
      }
      try {
        lines = this.reader.read(file, this.options.encoding);
      } catch (error) {
        if (error instanceof DecodeError) {
          report('DECODE_FAILED', 'error', `Snippet "${spec.file}" is not valid ${this.options.encoding}: ${error.message}.`, {
            hint: 'Save the file in that encoding, or set the snippet option "encoding".',
          });
        } else {
          report('READ_FAILED', 'error', `Snippet "${spec.file}" could not be read: ${error instanceof Error ? error.message : String(error)}.`);
        }
        return;
      }
    }

    let selected: string[];
    let origins: LineOrigin[] = lines.map((_, i) => ({ file, line: i + 1 }));
    let isSection = false;
    const sel = spec.selection;
    if (sel.kind === 'ranges') {
      try {
        const indexes = rangeIndexes(lines.length, sel.ranges);
        selected = indexes.map((i) => lines[i] ?? '');
        origins = indexes.map((i) => ({ file, line: i + 1 }));
      } catch (error) {
        report('BAD_RANGE', 'error', `Snippet "${rawSpec}" has a bad line range: ${error instanceof BadRangeError ? error.message : String(error)}.`, {
          hint: 'Ranges are file:start:end with whole numbers, e.g. "script.sh:3:8", "script.sh:-5" or "script.sh:1:3,7:9".',
        });
        return;
      }
      if (this.options.dedentSubsections) selected = dedent(selected);
    } else if (sel.kind === 'section' && lines.length === 0) {
      // pymdownx only looks for a section in a non-empty file: an empty one includes nothing, legally.
      report('SECTION_NOT_FOUND', 'warning', `Section "${sel.name}" was not found: "${spec.file}" is empty.`, { tried: [file] });
      return;
    } else if (sel.kind === 'section') {
      const extracted = this.extractSection(lines, sel.name, spec, file);
      for (const w of extracted.warnings) report(w.code, w.severity, w.message, { hint: w.hint });
      if (!extracted.found) {
        report('SECTION_NOT_FOUND', this.severity(), `Section "${sel.name}" was not found in "${spec.file}".`, {
          tried: [file],
          hint: `Mark it in the file with --8<-- [start:${sel.name}] and --8<-- [end:${sel.name}] (lower case), usually inside a comment.`,
        });
        return;
      }
      selected = extracted.lines;
      origins = extracted.origins;
      isSection = true;
      if (this.options.dedentSubsections) selected = dedent(selected);
    } else {
      selected = frame.dropTrailingEmptyLine && lines.at(-1) === '' ? lines.slice(0, -1) : lines;
    }

    out.includes.push({ file, chain: [...frame.chain, at] });
    const nested: Expansion = { lines: [], origins: [], dependencies: out.dependencies, missing: out.missing, pendingUrls: out.pendingUrls, includes: out.includes, diagnostics: out.diagnostics };
    this.parse(selected, {
      file,
      origins,
      chain: [...frame.chain, at],
      stack: [...frame.stack, file],
      stripSectionMarkers: !isSection,
      dropTrailingEmptyLine: frame.dropTrailingEmptyLine,
      fromUrl: frame.fromUrl || isUrl(file),
    }, nested);
    for (let i = 0; i < nested.lines.length; i++) {
      out.lines.push(indent + nested.lines[i]);
      out.origins.push(nested.origins[i] ?? { file, line: 1 });
    }
  }

  /** Resolve a local path spec, reporting why it cannot be used; the real path or null. */
  private resolveLocal(
    spec: PathSpec,
    report: (code: SnippetErrorCode, severity: 'error' | 'warning', message: string, extra?: { hint?: string; tried?: string[] }) => void,
    out: Expansion,
  ): string | null {
    const resolution = resolveSnippetPath(spec.file, this.options.basePaths, this.options.restrictBasePath);
    if (resolution.ok) {
      out.dependencies.add(resolution.file);
      if (resolution.via) out.dependencies.add(resolution.via);
      return resolution.file;
    }
    // Watch where the file would be, so creating it recovers by itself.
    for (const t of resolution.tried) {
      if (!resolution.outside.includes(t)) {
        out.dependencies.add(t);
        out.missing.add(t);
      }
    }
    if (resolution.reason === 'outside') {
      report('OUTSIDE_BASE_PATH', this.severity(), `Snippet "${spec.file}" resolves outside the base paths (${this.options.basePaths.join(', ')}).`, {
        tried: resolution.tried,
        hint: 'Snippet paths are relative to a base path and may not leave it, also not through a symlink. Move the file in, or add its folder to basePaths.',
      });
    } else if (resolution.reason === 'directory') {
      report('NOT_A_FILE', 'error', `Snippet "${spec.file}" is a directory, not a file.`, { tried: resolution.tried, hint: 'Name a file inside it.' });
    } else {
      report('SNIPPET_NOT_FOUND', this.severity(), `Snippet "${spec.file}" could not be found.`, {
        tried: resolution.tried,
        hint: 'Paths are relative to the base paths (by default the project root), not to the page. Check the spelling, or create the file.',
      });
    }
    return null;
  }

  private extractSection(
    lines: string[],
    name: string,
    spec: PathSpec,
    file: string,
  ): {
    found: boolean;
    lines: string[];
    origins: LineOrigin[];
    warnings: Array<{ code: SnippetErrorCode; severity: 'error' | 'warning'; message: string; hint?: string }>;
  } {
    const picked: string[] = [];
    const origins: LineOrigin[] = [];
    const warnings: Array<{ code: SnippetErrorCode; severity: 'error' | 'warning'; message: string; hint?: string }> = [];
    let inSection = false;
    let found = false;
    let closed = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const marker = parseSectionMarker(line);
      if (marker && inSection && marker.escaped) {
        picked.push(marker.unescaped);
        origins.push({ file, line: i + 1 });
        continue;
      }
      if (marker && marker.name === name) {
        if (marker.type !== 'start' && marker.type !== 'end') {
          warnings.push({
            // pymdownx stops the section here without a word (legal even under check_paths);
            // a section never started is reported below as SECTION_NOT_FOUND.
            code: 'BAD_SECTION_MARKER',
            severity: 'warning',
            message: `Section marker "[${marker.type}:${name}]" at ${path.basename(file)}:${i + 1} must be lower case.`,
            hint: `Write [${marker.type.toLowerCase()}:${name}]; pymdownx treats the upper-case form as the end of the section.`,
          });
          break;
        }
        if (!inSection && marker.type === 'start') {
          inSection = true;
          found = true;
          continue;
        }
        if (inSection && marker.type === 'start') continue;
        if (inSection && marker.type === 'end') {
          closed = true;
          break;
        }
        // An end before any start: upstream stops here with an empty result.
        break;
      }
      if (marker && inSection) continue;
      if (inSection) {
        picked.push(line);
        origins.push({ file, line: i + 1 });
      }
    }
    if (found && !closed && warnings.length === 0) {
      warnings.push({
        code: 'SECTION_NOT_FOUND',
        severity: 'warning',
        message: `Section "${name}" in "${spec.file}" has no [end:${name}] marker, so it runs to the end of the file.`,
        hint: `Add --8<-- [end:${name}] where the section should stop.`,
      });
    }
    if (found && picked.every((l) => l.trim() === '') && warnings.length === 0) {
      warnings.push({
        // Legal in pymdownx even under check_paths: it includes nothing.
        code: 'SECTION_EMPTY',
        severity: 'warning',
        message: `Section "${name}" in "${spec.file}" is empty.`,
        hint: 'Put the lines to include between its start and end markers, or remove the include.',
      });
    }
    return { found, lines: picked, origins, warnings };
  }
}

/** Throw the first error of an expansion (for callers that want exceptions). */
export function throwOnError(expansion: Expansion): Expansion {
  const first = expansion.diagnostics.find((d) => d.severity === 'error');
  if (first) throw new SnippetError(first);
  return expansion;
}

function splitDecoded(bytes: Buffer, encoding: string): string[] {
  return splitLines(decodeBytes(bytes, encoding));
}
