/**
 * Path specs (`file`, `file:3:8`, `file:1:3,5:6`, `file:section`) and the line selection
 * they ask for, with pymdownx.snippets 11.0's exact index arithmetic.
 */

import { pyStrip } from './marker.ts';

export type Selection =
  | { kind: 'whole' }
  | { kind: 'ranges'; ranges: Array<{ start: string | undefined; end: string | undefined }> }
  | { kind: 'section'; name: string };

export interface PathSpec {
  file: string;
  selection: Selection;
  /** The suffix as written (`:3:8`, `:name`), for messages. */
  suffix: string;
}

const SPEC = /^(.*?)(?:((?::-?[0-9]*){1,2}(?:,(?=[-0-9:])-?[0-9]*(?::-?[0-9]*)?)*)|(:[a-z][-_0-9a-z]*))?$/is;

export function parsePathSpec(spec: string): PathSpec {
  const m = SPEC.exec(spec);
  // The pattern always matches (the suffix is optional), so `m` is never null.
  const [, file = '', ranges, section] = m ?? [];
  if (section) return { file: pyStrip(file), selection: { kind: 'section', name: section.slice(1) }, suffix: section };
  // A bare `f:` is a range too (the whole file), so dedent_subsections applies to it, as upstream.
  if (ranges) {
    const groups = ranges.slice(1).split(',');
    const parsed = groups.map((g) => {
      const [start, end] = g.split(':');
      return { start: start === '' ? undefined : start, end: end === '' ? undefined : end };
    });
    return { file: pyStrip(file), selection: { kind: 'ranges', ranges: parsed }, suffix: ranges };
  }
  return { file: pyStrip(file), selection: { kind: 'whole' }, suffix: ranges ?? '' };
}

/** A range bound that is not a number (pymdownx crashes with ValueError on these). */
export class BadRangeError extends Error {}

function toInt(bound: string): number {
  if (!/^-?[0-9]+$/.test(bound)) throw new BadRangeError(`"${bound}" is not a line number`);
  return Number.parseInt(bound, 10);
}

/**
 * The 0-based indexes a list of ranges selects from `total` lines (T counts the trailing empty
 * element of a newline-terminated file). Out-of-range bounds clip; overlaps repeat.
 */
export function rangeIndexes(total: number, ranges: Array<{ start: string | undefined; end: string | undefined }>): number[] {
  const clamp = (n: number) => Math.min(Math.max(n, 0), total);
  const out: number[] = [];
  for (const { start, end } of ranges) {
    let from = 0;
    let to = total;
    if (start !== undefined) {
      const s = toInt(start);
      from = s < 0 ? clamp(total + s) : Math.max(0, s - 1);
    }
    if (end !== undefined) {
      const e = toInt(end);
      to = e < 0 ? clamp(total + 1 + e) : Math.min(e, total);
    }
    for (let i = from; i < to; i++) out.push(i);
  }
  return out;
}

/** The lines a list of ranges selects. */
export function selectRanges<T>(lines: T[], ranges: Array<{ start: string | undefined; end: string | undefined }>): T[] {
  return rangeIndexes(lines.length, ranges).map((i) => lines[i] as T);
}

/**
 * textwrap.dedent: remove the common leading spaces and tabs; lines of only spaces and tabs
 * become empty. Only spaces and tabs count (a line of U+00A0 is text, as in Python).
 */
export function dedent(lines: string[]): string[] {
  let margin: string | undefined;
  for (const line of lines) {
    if (/^[ \t]*$/.test(line)) continue;
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (margin === undefined) margin = indent;
    else {
      let i = 0;
      while (i < margin.length && i < indent.length && margin[i] === indent[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  const cut = margin?.length ?? 0;
  return lines.map((line) => (/^[ \t]*$/.test(line) ? '' : line.slice(cut)));
}
