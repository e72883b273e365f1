/**
 * Reading included files: decoded strictly (bad bytes are an error, not U+FFFD), split on
 * CRLF, CR and LF, with a cache so each file is read once per build. The cache checks
 * size and mtime, so the dev server sees edits without being told.
 */
import fs from 'node:fs';
import { decodeBytes, DecodeError } from './encoding.ts';

export { DecodeError };

export interface ReadResult {
  lines: string[];
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  encoding: string;
  lines: string[];
}

/** Split like Python's universal newlines; a final line break adds a trailing "" (pymdownx ≥ 10.13). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.split(/\r\n|\r|\n/);
}

export class FileReader {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly order: string[] = [];
  /** How many times a file was actually read from disk (for tests and the benchmark). */
  reads = 0;

  /** How many distinct files were read. */
  get files(): number {
    return this.cache.size;
  }

  /** The files read so far, in the order first read (new ones are appended: a page worker reports the tail). */
  get filesRead(): readonly string[] {
    return this.order;
  }

  read(file: string, encoding: string): string[] {
    const stat = fs.statSync(file);
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.encoding === encoding) {
      return cached.lines;
    }
    const bytes = fs.readFileSync(file);
    this.reads++;
    // Strict: undecodable bytes are a DecodeError; the BOM is dropped so a leading heading stays a heading.
    const text = decodeBytes(bytes, encoding);
    const lines = splitLines(text);
    if (!cached) this.order.push(file);
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, encoding, lines });
    return lines;
  }
}
