/**
 * Recognising snippet marker lines, exactly as pymdownx.snippets 11.0 does, plus the
 * near-misses it silently treats as text (so we can warn about them).
 */

/** An inline marker `--8<-- "path"` or a block marker `--8<--` (whole line, nothing after). */
const MARKER_LINE =
  /^([ \t]*)(;*)(?:(-+8<-+[ \t]+)("(?:\\"|[^"\n\r])+?"|'(?:\\'|[^'\n\r])+?')(?![ \t])|(-+8<-+)(?![ \t]))\r?$/;

/** Anything that starts like a marker: used to explain why a line is not one. */
const MARKER_LIKE = /^[ \t]*;*-+8<-+/;

/** A section marker `--8<-- [start:name]` anywhere on a line (case-insensitive, like upstream). */
const SECTION_MARKER =
  /^(.*?)(;*)(-+8<-+[ \t]+)(\[[ \t]*(start|end)[ \t]*:[ \t]*([a-z][-_0-9a-z]*)[ \t]*\])(.*?)$/i;

export type MarkerLine =
  | { kind: 'inline'; indent: string; spec: string }
  | { kind: 'block'; indent: string }
  | { kind: 'escaped'; text: string };

/** Classify one line; `null` means it is ordinary text. */
export function parseMarkerLine(line: string): MarkerLine | null {
  const m = MARKER_LINE.exec(line);
  if (!m) return null;
  const [, indent = '', escape = '', inlineMarker, quoted] = m;
  if (escape) return { kind: 'escaped', text: line.replace(';', '') };
  if (inlineMarker && quoted) return { kind: 'inline', indent, spec: pyStrip(quoted.slice(1, -1)) };
  return { kind: 'block', indent };
}

/**
 * Why a line that looks like a marker is not one, or `null` if it does not look like one.
 * pymdownx renders these as text without a word; we report them.
 */
export function explainNearMiss(line: string): string | null {
  if (!MARKER_LIKE.test(line) || MARKER_LINE.test(line)) return null;
  const body = line.replace(/^[ \t]*;*-+8<-+/, '');
  if (/^[ \t]+$/.test(body)) return 'a block marker must not be followed by whitespace';
  if (/^[ \t]*["'][^"']*["'][ \t]+$/.test(body)) return 'an inline marker must not be followed by whitespace';
  if (/^["']/.test(body)) return 'a space is needed between the scissors and the quoted path';
  if (/^[ \t]*(""|'')[ \t]*$/.test(body)) return 'the quoted path is empty';
  if (/^[ \t]+\[/.test(body)) return null; // a section marker: handled by the section rules
  if (/^[ \t]+["']/.test(body)) return 'the path must be enclosed in matching quotes';
  if (/^[ \t]+\S/.test(body)) return 'the path must be quoted: --8<-- "path"';
  return 'the scissors must be followed by a space and a quoted path, or nothing at all';
}

export interface SectionMarker {
  /** As written: upstream matches case-insensitively but only acts on lower-case `start`/`end`. */
  type: string;
  name: string;
  escaped: boolean;
  /** The line with its first escaping `;` removed (what an escaped marker renders as). */
  unescaped: string;
}

export function parseSectionMarker(line: string): SectionMarker | null {
  const m = SECTION_MARKER.exec(line);
  if (!m) return null;
  const [, pre = '', escape = '', marker = '', section = '', type = '', name = '', post = ''] = m;
  return {
    type,
    name,
    escaped: escape.length > 0,
    unescaped: pre + escape.replace(';', '') + marker + section + post,
  };
}

/** The characters Python's str.isspace() accepts: str.strip() removes these (JS trim differs: U+0085, U+001C–U+001F, U+FEFF). */
const PY_WHITESPACE = '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';
const PY_STRIP = new RegExp(`^[${PY_WHITESPACE}]+|[${PY_WHITESPACE}]+$`, 'g');

/** Python's str.strip(), which pymdownx applies to snippet paths. */
export function pyStrip(text: string): string {
  return text.replace(PY_STRIP, '');
}

/** Expand tabs the way Python's str.expandtabs does (columns, not a fixed replacement). */
export function expandTabs(text: string, tabLength: number): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\t') out += ' '.repeat(tabLength - (out.length % tabLength));
    else out += ch;
  }
  return out;
}
